#!/usr/bin/env bash
# Renders the application icon's PNG sizes from its SVG (needs rsvg-convert: apt-get install librsvg2-bin).
# The PNGs are committed; run this after editing virtscope.svg.
set -euo pipefail
dir="$(cd "$(dirname "$0")/.." && pwd)/app/src/main/resources/dev/virtscope/icons"
for size in 16 32 48 64 128 256; do
  rsvg-convert -w "$size" -h "$size" "$dir/virtscope.svg" -o "$dir/virtscope-$size.png"
done
echo "rendered $dir/virtscope-{16,32,48,64,128,256}.png"
