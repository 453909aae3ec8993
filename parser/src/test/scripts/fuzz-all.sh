#!/bin/sh
# Fuzzes every Jazzer target in turn for DURATION (default 10m) and prints, per target,
# the executions and seconds libFuzzer reports. Logs go to parser/target/fuzz-logs/; crashing inputs
# are written by Jazzer into <Class>Inputs/<target>/ (crash-*), where `mvn verify` replays them.
# usage (from the repository root): parser/src/test/scripts/fuzz-all.sh [DURATION] [TARGET...]
# A TARGET is an ImporterFuzzTest method name, or Class#method for a target of another class.
set -u
DURATION=${1:-10m}
[ $# -gt 0 ] && shift
TARGETS=${*:-ftraceText traceCmdReport perfScript folded simpletraceText simpletraceBinary qemuLog traceEvents traceDat FilterFuzzTest#expression}
LOGS=parser/target/fuzz-logs
mkdir -p "$LOGS"
mvn -q -o -pl parser test-compile || exit 1
for t in $TARGETS; do
    case $t in *'#'*) test=$t ;; *) test="ImporterFuzzTest#$t" ;; esac
    log="$LOGS/$(echo "$t" | tr '#' .).log"
    mvn -o -pl parser -Pfuzz surefire:test -Dtest="$test" -Dfuzz.duration="$DURATION" \
        -Dsurefire.failIfNoSpecifiedTests=false > "$log" 2>&1
    rc=$?
    done_line=$(grep -a -E '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1)
    cov=$(grep -a -E '#[0-9]+.*cov: [0-9]+' "$log" | tail -1 | sed -E 's/.*(cov: [0-9]+ ft: [0-9]+).*/\1/')
    echo "$t: ${done_line:-no summary (see $log)} ${cov:-} exit=$rc"
done
