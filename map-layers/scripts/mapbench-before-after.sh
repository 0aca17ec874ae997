#!/bin/sh
# MapBench for two builds of map-layers back to back in one run (docs/benchmarks.md, issue 15):
#   mapbench-before-after.sh BEFORE_CLASSPATH AFTER_CLASSPATH [extra -D options]
# Each classpath is test-classes:classes:dependencies of one build (see test-classpath.sh). Under Xvfb, software
# pipeline, one JVM per build, the naive-Canvas part skipped (it does not change between builds).
set -eu
before=$1; after=$2; shift 2
for which in before after; do
  eval cp=\$$which
  echo "=== $which"
  xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" java -Xmx3g -Dbench.skipNaive=true "$@" -cp "$cp" \
      cn.tongguan.map.bench.MapBench 2>&1 | grep -v DEBUG | sed 's/^[0-9:.]* INFO  \[[^]]*\] [^ ]* - //'
done
