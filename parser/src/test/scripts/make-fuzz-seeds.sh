#!/bin/sh
# Regenerates the seed corpora of ImporterFuzzTest (parser/src/test/resources/dev/virtscope/format/
# ImporterFuzzTestInputs/<target>/) from the real samples: the first lines of text traces, and
# trace.dat / simpletrace files shrunk by the two Python scripts beside this one. Needs xz, zstd,
# python3 and trace-cmd (for the v7 conversions). Run from the repository root.
set -eu
S=samples
D=parser/src/test/resources/dev/virtscope/format/ImporterFuzzTestInputs
HERE=parser/src/test/scripts
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cat_any() { case "$1" in *.xz) xz -dc "$1" ;; *.gz) gzip -dc "$1" ;; *) cat "$1" ;; esac; }
seed() { mkdir -p "$D/$1"; cat_any "$S/$2" | head -n "$3" > "$D/$1/$4"; }

seed ftraceText generated/ftrace/trace-variant-tgid.txt 40 tgid-header
seed ftraceText generated/ftrace/trace_pipe-kvm-sched-6.18-first6000.txt.xz 40 trace-pipe-kvm
seed ftraceText generated/ftrace/trace-variant-latency-verbose.txt 40 latency-verbose
seed ftraceText generated/ftrace/trace-variant-smallbuf.txt 60 smallbuf-lost
seed ftraceText public/tracecompass-incubator/trace-func-graph 40 func-graph
seed traceCmdReport generated/trace-cmd/report-3.1.6-default.txt.xz 40 default
seed traceCmdReport generated/trace-cmd/report-3.1.6-R-raw.txt.xz 40 raw
seed traceCmdReport generated/trace-cmd/report-3.1.6-ts-diff.txt.xz 40 ts-diff
seed traceCmdReport generated/trace-cmd/report-3.1.6-two-inputs.txt.xz 40 two-inputs
seed traceCmdReport generated/trace-cmd/dropped-v7-zstd.dat.report.txt.xz 60 dropped
seed perfScript generated/perf/perf-script-kvm-tp-default.txt.xz 40 kvm-tracepoints
seed perfScript generated/perf/perf-script-cpuclock-callchain.txt.xz 80 callchain
seed perfScript generated/perf/perf-script-kvm-tp-header.txt.xz 60 with-header
seed perfScript public/firefox-profiler/simple-perf.txt.gz 60 simpleperf
seed folded generated/folded/folded-kvm-tracepoints.txt 20 kvm-tracepoints
seed folded public/speedscope/stackcollapse/simple-with-invalids.txt 20 with-invalids
cp "$S/public/speedscope/stackcollapse/simple-utf16-le.txt" "$D/folded/utf16-le"
cp "$S/public/speedscope/stackcollapse/simple-crlf.txt" "$D/folded/crlf"
seed simpletraceText generated/qemu-simpletrace/tcg-linux-smp2-fullboot/simpletrace-output.txt.xz 40 fullboot
seed qemuLog generated/qemu-log/qemu-log-backend-timestamp.txt 40 timestamp
seed qemuLog generated/qemu-log/qemu-log-backend-notimestamp.txt 40 notimestamp
seed qemuLog captured/qemu-log/kvm-linux-smp4-m512.qemu-log.txt.xz 40 kvm-tid
seed traceEvents generated/qemu-simpletrace/trace-events-all-8.2.0 60 trace-events-all-head

mkdir -p "$D/simpletraceBinary"
xz -dc "$S/generated/qemu-simpletrace/tcg-linux-smp2-fullboot/trace-20268.xz" > "$TMP/st.bin"
python3 "$HERE/shrink-simpletrace.py" "$TMP/st.bin" "$S/generated/qemu-simpletrace/trace-events-all-8.2.0" \
  "$D/simpletraceBinary/fullboot-first40" parser/src/test/resources/dev/virtscope/format/fuzz-trace-events 40

mkdir -p "$D/traceDat"
trace-cmd convert -i "$S/captured/ftrace/kvm-bios-smp2-m128-noemul.trace.dat" -o "$TMP/kvm6.dat" --file-version 6 --compression none >/dev/null 2>&1
python3 "$HERE/shrink-tracedat.py" "$TMP/kvm6.dat" "$D/traceDat/kvm-v6" 1
trace-cmd convert -i "$D/traceDat/kvm-v6" -o "$D/traceDat/kvm-v7-zstd" --file-version 7 --compression zstd >/dev/null 2>&1
gzip -dc "$S/generated/trace-cmd/kvmsample-v6.dat.gz" > "$TMP/kvmsample6.dat"
python3 "$HERE/shrink-tracedat.py" "$TMP/kvmsample6.dat" "$D/traceDat/instance-v6" 1
trace-cmd convert -i "$D/traceDat/instance-v6" -o "$D/traceDat/instance-v7-none" --file-version 7 --compression none >/dev/null 2>&1
