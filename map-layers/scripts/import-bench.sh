#!/bin/sh
# Import figures for docs/benchmarks.md (issue 15), one fresh JVM per measurement:
#   import-bench.sh PARTS_GEOJSON CLASSPATH [BEFORE_CLASSPATH]
# PARTS_GEOJSON: the 629,724 parts RenderCompare writes (target/render-compare/parts.geojson).
# With BEFORE_CLASSPATH the same GeoJSON import runs first on that (older) build of map-layers.
set -eu
geojson=$1; cp=$2; before=${3:-}
here=$(dirname "$0")
cache=$(mktemp -u /tmp/parts-XXXXXX.tgfc)
run() { java "$@" 2>&1 | grep -v " DEBUG \| INFO " ; }
if [ -n "$before" ]; then
  for xmx in 4g 1g; do echo "--- before, -Xmx$xmx"; run -Xmx$xmx -cp "$before" "$here/ImportBench.java" geojson "$geojson" || true; done
fi
for xmx in 4g 1g 512m; do echo "--- after, -Xmx$xmx"; run -Xmx$xmx -cp "$cp" "$here/ImportBench.java" geojson "$geojson" || true; done
echo "--- after, cold import writing the cache, -Xmx1g"; run -Xmx1g -cp "$cp" "$here/ImportBench.java" cache "$geojson" "$cache"
for i in 1 2 3; do echo "--- after, warm load from the cache ($(stat -c %s "$cache") bytes), -Xmx1g"; run -Xmx1g -cp "$cp" "$here/ImportBench.java" cache "$geojson" "$cache"; done
rm -f "$cache"
