# Sourced by ./virtscope (headless commands) and bench/run (the benchmarks that run as those do):
# sets $pages to the JVM option for transparent huge pages when the kernel offers them, else "".
# Memory touched for the first time is dear on virtual machines (a page fault each 4 KB); with
# huge pages the heap faults once per 2 MB. Measured: info on a 597 MB ftrace text 2.94 -> 1.72 s;
# fold on a 213 MB perf script 8,503 -> 3,793 faults, median 296 -> 260 ms (docs/performance.md).
# Only where the kernel offers them: elsewhere the JVM may warn. Built-ins only, no process.
pages=""
if [ -r /sys/kernel/mm/transparent_hugepage/enabled ]; then
  thp=""
  read -r thp < /sys/kernel/mm/transparent_hugepage/enabled || true
  case "$thp" in *"[always]"*|*"[madvise]"*) pages="-XX:+UseTransparentHugePages" ;; esac
fi
