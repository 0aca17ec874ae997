#!/bin/sh
# The wall's map monitor at real scale against the JavaFX floor of the same run (docs/benchmarks.md, "The wall's
# map at real scale"). Usage (repository root): console/wall-scale-bench.sh <platform-url> [seconds per phase] [out]
# The platform must hold the demo city: PlatformMain serve --data <dir> --demo after DemoCityMain load.
# Writes the figures and the three monitor-1 screenshots (city, district, street zoom) into <out>.
set -e
cd "$(dirname "$0")/.."
mvn -B -ntp -q -o -pl console -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
exec packaging/x11/with-multihead.sh -n 3 java -Xmx3g -Dfile.encoding=UTF-8 \
    -cp "console/target/test-classes:console/target/classes:$(cat console/target/bench.cp)" \
    cn.tongguan.console.app.WallScaleBench "$1" "${2:-30}" "${3:-target/wall-scale-bench}"
