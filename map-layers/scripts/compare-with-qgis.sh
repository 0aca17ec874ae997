#!/bin/sh
# map-layers vs QGIS 3.22 on the same data, same run (docs/benchmarks.md, issue 15):
#   compare-with-qgis.sh CLASSPATH [OUT_DIR] [RUNS]
# CLASSPATH: map-layers test-classes:classes:dependencies (test-classpath.sh). Needs the Debian packages qgis,
# python3-qgis and gdal-bin (ogr2ogr). Writes the data, both sets of PNGs and prints the ratios.
set -eu
cp=$1; out=${2:-/tmp/render-compare}; runs=${3:-5}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
ours=$(java -Xmx3g -cp "$cp" -Dcompare.out="$out" -Dcompare.runs="$runs" cn.tongguan.map.bench.RenderCompare 2>&1 \
    | grep "map-layers" | sed 's/.* - //')
theirs=$(QT_QPA_PLATFORM=offscreen /usr/bin/python3 "$here/qgis_compare.py" "$out" "$runs" 2>/dev/null | grep "^QGIS")
echo "$ours"; echo "$theirs"
for view in city district street; do
  a=$(echo "$ours" | grep " $view " | sed "s/.*view p50 \([0-9.]*\) ms.*/\1/")
  b=$(echo "$theirs" | grep " $view " | sed "s/.*view p50 \([0-9.]*\) ms.*/\1/")
  c=$(echo "$ours" | grep " $view " | sed 's/.*CPU p50 \([0-9.]*\) ms.*/\1/')
  d=$(echo "$theirs" | grep " $view " | sed 's/.*CPU p50 \([0-9.]*\) ms.*/\1/')
  echo "$view: QGIS / map-layers = $(echo "scale=1; $b / $a" | bc)x wall, $(echo "scale=1; $d / $c" | bc)x CPU"
done
