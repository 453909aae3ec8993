#!/bin/bash
# Regenerates parser/src/test/resources/malformed/: small files, each broken in one way named by its
# file name, cut from the real samples (KVM exits/entries of the nested capture, trace-cmd report,
# perf script, folded, QEMU simpletrace and log backends, trace.dat shrunk by shrink-tracedat.py).
# MalformedCorpusTest states the outcome of every file. Needs xz, gzip, zstd, bzip2, python3,
# trace-cmd. Run from the repository root. Files that must be large (1 MB lines) are stored
# xz-compressed; the directory, unreadable file, 10 GB sparse file and gzip bomb are made by the test.
set -eu
S=samples
D=parser/src/test/resources/malformed
HERE=parser/src/test/scripts
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
rm -rf "$D"
mkdir -p "$D/simpletrace" "$D/simpletrace-bad-events"
crlf() { sed 's/$/\r/' "$1"; }

# ---- bases (not in the corpus themselves) ----
NESTED=$S/captured/nested/nested-svm-inner-smp2-secs5
xz -dc $NESTED.ftrace.txt.xz | head -12 > $T/ft-header
xz -dc $NESTED.ftrace.txt.xz | grep -E 'CPU 0/KVM.*kvm_(exit|entry):' | head -20 > $T/ft-events   # entry, exit, entry, ... exit
cat $T/ft-header $T/ft-events > $T/ft                                                               # 12 header + 20 events
xz -dc $NESTED.report.txt.xz | head -1 > $T/rp
xz -dc $NESTED.report.txt.xz | grep -E 'CPU 0/KVM.*kvm_(exit|entry):' | head -20 >> $T/rp         # cpus=2 + 20 events
xz -dc $S/generated/perf/perf-script-kvm-tp-default.txt.xz | head -10 > $T/ps                     # 10 tracepoint samples
xz -dc $S/generated/perf/perf-script-cpuclock-callchain.txt.xz | awk 'BEGIN{RS="";ORS="\n\n"} NR<=3' > $T/pc  # 3 callchain samples
head -5 $S/generated/folded/folded-kvm-tracepoints.txt > $T/fo
xz -dc $S/generated/qemu-simpletrace/tcg-linux-smp2-fullboot/simpletrace-output.txt.xz | head -10 > $T/st
head -10 $S/generated/qemu-log/qemu-log-backend-timestamp.txt > $T/ql

# ---- wrong files ----
: > $D/empty.txt
printf '\n \n\t\n\n' > $D/only-blank-lines.txt
head -c 4096 /dev/urandom > $D/binary-garbage.bin
head -c 4096 /dev/zero > $D/nul-bytes-only.txt
python3 - $D/png-renamed.txt <<'PY'
import struct, sys, zlib
def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d))
png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 1, 1, 8, 2, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(b'\0\xff\0\0')) + chunk(b'IEND', b'')
open(sys.argv[1], 'wb').write(png)
PY
python3 -c "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1],'w'); z.write(sys.argv[2],'trace.txt'); z.close()" $D/zip-archive-renamed.txt $T/ft
head -c 2048 /bin/true > $D/elf-executable.txt
{ printf 'PERFILE2'; head -c 1016 /dev/zero; } > $D/perf-data-binary.txt
bzip2 -c $T/ft > $D/ftrace-bzip2.txt.bz2
gzip -9nc $T/ft | gzip -9nc > $D/ftrace-gzip-twice.txt.gz.gz
tar -C $T -cf $D/tar-archive.tar ft

# ---- encodings and line ends ----
crlf $T/ft > $D/ftrace-crlf.txt
crlf $T/rp > $D/report-crlf.txt
crlf $T/ps > $D/perf-script-crlf.txt
{ printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE $T/ft; } > $D/ftrace-utf16le-bom.txt
{ printf '\xfe\xff'; iconv -f UTF-8 -t UTF-16BE $T/rp; } > $D/report-utf16be-bom.txt
{ printf '\xef\xbb\xbf'; cat $T/ft; } > $D/ftrace-utf8-bom.txt
{ printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE $T/fo; } > $D/folded-utf16le-bom.txt
awk '{ if (NR % 2) printf "%s\r\n", $0; else print }' $T/ft > $D/ftrace-mixed-line-ends.txt
sed '13,32s#CPU 0/KVM-119#CPU 0/KV\xe9-119#' $T/ft > $D/ftrace-latin1-comm.txt
sed '13,32s#CPU 0/KVM-119#CPU\x1b[31m0/KVM\x07-119#' $T/ft > $D/ftrace-control-chars-in-comm.txt

# ---- NUL bytes ----
sed '20s/rip/r\x00p/' $T/ft > $D/ftrace-nul-inside-payload.txt
{ cat $T/ft; head -c 4096 /dev/zero; } > $D/ftrace-trailing-nul-block.txt          # a file extended but never written
{ head -22 $T/ft; head -c 100 /dev/zero; echo; tail -n +23 $T/ft; } > $D/ftrace-nul-line-in-middle.txt

# ---- 1 MB lines (stored xz-compressed) ----
{ head -22 $T/ft; head -c 1500000 /dev/zero | tr '\0' 'A'; echo; tail -n +23 $T/ft; } | xz -9 > $D/ftrace-1mb-garbage-line.txt.xz
{ head -22 $T/ft; sed -n 23p $T/ft | tr -d '\n'; head -c 1200000 /dev/zero | tr '\0' 'x'; echo; tail -n +24 $T/ft; } | xz -9 > $D/ftrace-1mb-payload-line.txt.xz
{ head -2 $T/fo; head -c 1500000 /dev/zero | tr '\0' 'f' ; echo ';main 7'; tail -n +3 $T/fo; } | xz -9 > $D/folded-1mb-stack-line.txt.xz

# ---- cut mid-line ----
{ head -31 $T/ft; sed -n 32p $T/ft | cut -c1-44 | tr -d '\n'; } > $D/ftrace-cut-mid-timestamp.txt
{ head -31 $T/ft; sed -n 32p $T/ft | sed 's/\(kvm_exit: vcpu 0 rea\).*/\1/' | tr -d '\n'; } > $D/ftrace-cut-mid-payload.txt
{ head -20 $T/rp; sed -n 21p $T/rp | cut -c1-12 | tr -d '\n'; } > $D/report-cut-mid-comm.txt
{ head -9 $T/ps; sed -n 10p $T/ps | cut -c1-30 | tr -d '\n'; } > $D/perf-script-cut-mid-header.txt
awk 'BEGIN{RS="";ORS="\n\n"} NR<=2' $T/pc > $T/pc2
{ cat $T/pc2; awk 'BEGIN{RS=""} NR==3' $T/pc | head -1 | cut -c1-25 | tr -d '\n'; } > $D/perf-callchain-cut-mid-header.txt
{ head -4 $T/fo; sed -n 5p $T/fo | cut -c1-40 | tr -d '\n'; } > $D/folded-cut-mid-stack.txt
{ head -9 $T/st; printf 'fw_cfg_add_b'; } > $D/simpletrace-text-cut-mid-name.txt
{ head -9 $T/ql; printf '7803@1795315'; } > $D/qemu-log-cut-mid-prefix.txt

# ---- compressed, truncated or damaged ----
xz -dc $NESTED.ftrace.txt.xz | head -3000 > $T/ft3000
gzip -9nc $T/ft3000 > $T/ft3000.gz
head -c $(( $(stat -c %s $T/ft3000.gz) / 2 )) $T/ft3000.gz > $D/ftrace-gzip-truncated.txt.gz
xz -dc $NESTED.report.txt.xz | head -3000 | xz -9 > $T/rp3000.xz
head -c $(( $(stat -c %s $T/rp3000.xz) / 2 )) $T/rp3000.xz > $D/report-xz-truncated.txt.xz
xz -dc $S/generated/perf/perf-script-kvm-tp-default.txt.xz | head -3000 | zstd -q -19 -c > $T/ps3000.zst
head -c $(( $(stat -c %s $T/ps3000.zst) / 2 )) $T/ps3000.zst > $D/perf-script-zstd-truncated.txt.zst
gzip -9nc $T/ft > $T/ft.gz
python3 -c "import sys; b=bytearray(open(sys.argv[1],'rb').read()); b[-6]^=0xff; open(sys.argv[2],'wb').write(b)" $T/ft.gz $D/ftrace-gzip-bad-crc.txt.gz
head -c 10 $T/ft.gz > $D/gzip-header-only.txt.gz
{ printf '\xfd7zXZ\x00'; head -c 500 /dev/urandom; } > $D/xz-magic-then-garbage.txt.xz
{ gzip -9nc $T/ft; gzip -9nc $T/ft-events; } > $D/ftrace-gzip-two-members.txt.gz

# ---- time ----
awk 'NR>=23 && NR<=32 { sub(/ 20\./, " 10.") } { print }' $T/ft > $D/ftrace-timestamps-backwards.txt
awk 'NR>=12 { sub(/ 20\./, " 10.") } { print }' $T/rp > $D/report-timestamps-backwards.txt
awk 'NR>=6 { sub(/ 1101\./, " 1001.") } { print }' $T/ps > $D/perf-script-timestamps-backwards.txt
sed '5s/^\([a-z_0-9]*\) [0-9.]*/\1 -3.000/' $T/st > $D/simpletrace-text-negative-delta.txt

# ---- duplicates ----
{ cat $T/ft-header; awk '{ print; print }' $T/ft-events; } > $D/ftrace-every-event-twice.txt
{ cat $T/rp; sed -n 2,11p $T/rp; } > $D/report-block-repeated.txt
{ cat $T/ft; cat $T/ft; } > $D/ftrace-two-captures-concatenated.txt

# ---- exits and entries ----
awk 'NR==15 || NR==19 { next } { print }' $T/ft > $D/ftrace-unpaired-exits.txt       # lines 15 and 19 are kvm_entry
awk '{ print } NR==7 { print "CPU:0 [LOST 12 EVENTS]" }' $T/rp > $D/report-lost-between-exit-and-entry.txt   # line 7 is a kvm_exit
awk '{ print } NR==18 { print "##### CPU 0 buffer started ####" }' $T/ft > $D/ftrace-buffer-started-between-exit-and-entry.txt
{ cat $T/rp; printf 'CPU:1 [5 EVENTS DROPPED]\nCPU:0 [EVENTS DROPPED]\nCPU:0 [SUBBUFFER START]\n'; } > $D/report-lost-marker-variants.txt
awk '{ print } NR==5 { print "CPU:0 [LOST many EVENTS]" }' $T/rp > $D/report-lost-marker-garbled.txt

# ---- mixed formats ----
cat $T/ft $T/ps > $D/mixed-ftrace-then-perf-script.txt
cat $T/ps $T/ft-events > $D/mixed-perf-script-then-ftrace.txt
cat $T/rp $T/ql > $D/mixed-report-then-qemu-log.txt
{ head -5 $S/generated/folded/folded-kvm-tracepoints.txt; head -2 $T/ft-events; head -5 $S/generated/folded/folded-cpuclock.txt; } > $D/mixed-folded-with-ftrace-lines.txt

# ---- numbers out of range ----
sed '13s/ 20\.648163:/ 99999999999999999999.648163:/' $T/ft > $D/ftrace-timestamp-overflow.txt
sed '14s/\[000\]/[70000]/' $T/ft > $D/ftrace-cpu-out-of-range.txt
sed '15s/KVM-119 /KVM-99999999999 /' $T/ft > $D/ftrace-pid-overflow.txt
printf 'main;work 3\nmain;work x\nmain;idle -5\nmain;spin 99999999999999999999999\nmain;io 2\nmain;net 4\nmain;disk 1\nmain;cpu 9\nmain;mem 6\n' > $D/folded-bad-counts.txt
{ awk 'BEGIN{RS=""} NR==1' $T/pc | tail -n +2 | head -3; echo; cat $T/pc; } > $D/perf-callchain-frames-before-any-header.txt
sed '5s/^7803@1795315179\.[0-9]*:/abc@xyz:/' $T/ql > $D/qemu-log-bad-prefix.txt

# ---- QEMU binary simpletrace (trace-events-all beside them) ----
xz -dc $S/generated/qemu-simpletrace/tcg-linux-smp2-fullboot/trace-20268.xz > $T/st.bin
python3 $HERE/shrink-simpletrace.py $T/st.bin $S/generated/qemu-simpletrace/trace-events-all-8.2.0 $T/st40.bin $D/simpletrace/trace-events-all 40
cp $T/st40.bin $D/simpletrace/valid-40-records.bin
cp $T/st40.bin $D/simpletrace-no-trace-events-file.bin
python3 - $T/st40.bin $D/simpletrace <<'PY'
import struct, sys
src = open(sys.argv[1], 'rb').read()
out = sys.argv[2]
# offsets of the event records (type 1), after the header and the mapping records (type 0)
pos, recs = 24, []
while pos < len(src):
    (t,) = struct.unpack('<Q', src[pos:pos + 8])
    if t == 0:
        pos += 20 + struct.unpack('<I', src[pos + 16:pos + 20])[0]
    else:
        recs.append(pos)
        pos += 8 + struct.unpack('<I', src[pos + 24:pos + 28])[0]
open(out + '/cut-mid-record-21.bin', 'wb').write(src[:recs[20] + 10])
open(out + '/cut-mid-file-header.bin', 'wb').write(src[:20])
b = bytearray(src); b[recs[20] + 24:recs[20] + 28] = b'\xff\xff\xff\xff'
open(out + '/bad-length-in-record-21.bin', 'wb').write(b)
b = bytearray(src); b[16:24] = struct.pack('<Q', 9)
open(out + '/log-version-9.bin', 'wb').write(b)
b = bytearray(src); b[recs[4] + 8:recs[4] + 16] = struct.pack('<Q', 9999)
open(out + '/unmapped-event-id-in-record-5.bin', 'wb').write(b)
PY
cp $T/st40.bin $D/simpletrace-bad-events/trace.bin
{ head -1 $D/simpletrace/trace-events-all; echo 'fw_cfg_add_file(void *s, int index, char *name "%p #%d: %s'; tail -n +2 $D/simpletrace/trace-events-all; } > $D/simpletrace-bad-events/trace-events-all

# ---- trace.dat (shrunk from the captured KVM trace) ----
trace-cmd convert -i $S/captured/ftrace/kvm-bios-smp2-m128-noemul.trace.dat -o $T/kvm6.dat --file-version 6 --compression none >/dev/null 2>&1
python3 $HERE/shrink-tracedat.py $T/kvm6.dat $T/kvm.dat 1
SIZE=$(stat -c %s $T/kvm.dat)
head -c 200 $T/kvm.dat > $D/tracedat-cut-in-header.dat
head -c $(( SIZE - 4096 )) $T/kvm.dat > $D/tracedat-cpu1-data-missing.dat          # the last page is CPU 1's
head -c $(( SIZE - 2000 )) $T/kvm.dat > $D/tracedat-cut-mid-cpu1-page.dat
head -c $(( SIZE - 8192 )) $T/kvm.dat > $D/tracedat-all-data-missing.dat
python3 -c "import sys; b=bytearray(open(sys.argv[1],'rb').read()); b[10]=ord('8'); open(sys.argv[2],'wb').write(b)" $T/kvm.dat $D/tracedat-version-8.dat
cp $T/kvm.dat $D/tracedat-valid-shrunk.dat
gzip -9nc $T/kvm.dat > $T/kvm.dat.gz
head -c $(( $(stat -c %s $T/kvm.dat.gz) - 300 )) $T/kvm.dat.gz > $D/tracedat-gzip-truncated.dat.gz
ls $D | wc -l
