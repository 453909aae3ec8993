package dev.virtscope.format.qemu;

import java.util.List;

/**
 * One line of a QEMU trace-events file: {@code [props ]name(type arg, ...) "fmt"}.
 *
 * @param argTypes  C types as tracetool splits them ({@code const char *}, {@code uint64_t})
 * @param argNames  argument names, in record order
 * @param isString  whether the simple backend stores the argument as u32 length + bytes
 *                  (the type starts with {@code char*} / {@code const char*} and has exactly one '*')
 * @param fmt       the printf format the log and ftrace backends print (C string literals joined,
 *                  {@code PRIx64}-style macros turned into their conversion letter); for {@code tcg}
 *                  events the exec format
 */
public record TraceEventDef(String name, List<String> props, List<String> argTypes, List<String> argNames,
                            boolean[] isString, String fmt) {

    public int argCount() {
        return argNames.size();
    }

    public boolean disabled() {
        return props.contains("disable");
    }
}
