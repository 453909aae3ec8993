package dev.virtscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.virtscope.Samples;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * docs/cli.md against what picocli prints, for every subcommand {@link VirtScopeCommand#commandLine()}
 * has — those added later included. A subcommand's section is every {@code ## } section whose heading names
 * it ({@code ## info}, {@code ## virtscope kvm-stat}, {@code ## `virtscope fold`}); a section whose
 * heading names no subcommand (e.g. options shared by several commands) and the text before the first
 * section count for all of them.
 */
class CliDocsTest {
    private static final Pattern OPTION_IN_TEXT = Pattern.compile("(?<![\\w-])(--[a-z][a-z0-9-]*)");

    static Map<String, String> sections() throws Exception {
        Path md = Samples.root().getParent().resolve("docs/cli.md");
        String text = Files.readString(md, StandardCharsets.UTF_8);
        Map<String, String> s = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^## (.*)$").matcher(text);
        int prevEnd = 0;
        String prevHead = "";
        while (m.find()) {
            s.put(prevHead, text.substring(prevEnd, m.start()));
            prevHead = m.group(1);
            prevEnd = m.end();
        }
        s.put(prevHead, text.substring(prevEnd));
        return s;
    }

    private static boolean names(String text, String word) {
        return Pattern.compile("(?<![\\w-])" + Pattern.quote(word) + "(?![\\w-])").matcher(text).find();
    }

    private static Map<String, CommandLine> subcommands() {
        return VirtScopeCommand.commandLine().getSubcommands();
    }

    /** Text of the sections naming the subcommand, and of the shared ones. */
    private static String docsFor(String sub, Map<String, String> sections, boolean withShared) {
        StringBuilder own = new StringBuilder(), shared = new StringBuilder();
        for (Map.Entry<String, String> e : sections.entrySet()) {
            String head = e.getKey();
            if (!head.isEmpty() && names(head, sub)) own.append(head).append('\n').append(e.getValue());
            else if (subcommands().keySet().stream().noneMatch(n -> names(head, n))) shared.append(e.getValue());
        }
        return withShared ? own + "\n" + shared : own.toString();
    }

    @Test
    void everyOptionOfEverySubcommandIsInItsSection() throws Exception {
        Map<String, String> sections = sections();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, CommandLine> e : subcommands().entrySet()) {
            String sub = e.getKey();
            String own = docsFor(sub, sections, false);
            if (own.isEmpty()) {
                missing.add(sub + ": no '## ' section names it");
                continue;
            }
            if (!own.contains("virtscope " + sub)) missing.add(sub + ": no synopsis 'virtscope " + sub + " …' in its section");
            String docs = docsFor(sub, sections, true);
            for (OptionSpec o : e.getValue().getCommandSpec().options()) {
                if (o.hidden()) continue;
                if (!names(docs, o.longestName())) missing.add(sub + ": " + o.longestName());
            }
        }
        assertEquals(List.of(), missing, "options picocli lists that docs/cli.md does not");
    }

    @Test
    void everyOptionASectionDocumentsExistsInThatSubcommand() throws Exception {
        Map<String, String> sections = sections();
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, String> e : sections.entrySet()) {
            List<String> subs = subcommands().keySet().stream().filter(n -> !e.getKey().isEmpty() && names(e.getKey(), n)).toList();
            if (subs.size() != 1) continue;
            CommandLine c = subcommands().get(subs.get(0));
            Matcher m = OPTION_IN_TEXT.matcher(e.getValue());
            while (m.find()) {
                if (c.getCommandSpec().findOption(m.group(1)) == null) unknown.add(subs.get(0) + ": " + m.group(1));
            }
        }
        assertEquals(List.of(), unknown.stream().distinct().toList(), "options docs/cli.md shows that the command does not have");
    }

    @Test
    void helpOfEverySubcommandExitsZeroAndListsItsOptions() {
        for (Map.Entry<String, CommandLine> e : subcommands().entrySet()) {
            String[] r = run(e.getKey(), "--help");
            assertEquals("0", r[0], e.getKey() + ": " + r[2]);
            assertTrue(r[1].contains("Usage: virtscope " + e.getKey()), r[1]);
            for (OptionSpec o : e.getValue().getCommandSpec().options()) {
                if (!o.hidden()) assertTrue(r[1].contains(o.longestName()), e.getKey() + " --help shows " + o.longestName());
            }
        }
    }

    @Test
    void versionOfTheCommandAndOfEverySubcommand() throws Exception {
        String expected = "virtscope " + Version.get();
        String[] root = run("--version");
        assertEquals("0", root[0]);
        assertEquals(expected, root[1].strip());
        for (String sub : subcommands().keySet()) {
            if (subcommands().get(sub).getCommandSpec().findOption("--version") == null) continue; // picocli's help command
            String[] r = run(sub, "--version");
            assertEquals("0", r[0], sub);
            assertEquals(expected, r[1].strip(), sub + " --version");
        }
        String intro = sections().get("");
        assertTrue(names(intro, "--version") && names(intro, "--help"), "docs/cli.md says every command takes --help and --version");
    }

    private static String[] run(String... args) {
        CommandLine cl = VirtScopeCommand.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[]{Integer.toString(code), out.toString(), err.toString()};
    }
}
