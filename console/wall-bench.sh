#!/bin/sh
# Display wall bench (docs/benchmarks.md, "Wall (issue 8)"): the wall on three monitors, map only vs all layers
# with 16 live video tiles and readings streaming through a real platform; frame time, process CPU and
# reading → wall latency. Usage (from the repository root): console/wall-bench.sh [seconds per phase] [readings/s]
# Needs the 3-head X server (packaging/x11/with-multihead.sh) and the camera simulator's python3-gi.
set -e
cd "$(dirname "$0")/.."
mvn -B -ntp -q -o -pl console -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
exec packaging/x11/with-multihead.sh -n 3 java -Xmx2g -Dfile.encoding=UTF-8 -Dtongguan.camera-sim=video/sim/camera_sim.py \
    -cp "console/target/test-classes:console/target/classes:$(cat console/target/bench.cp)" \
    cn.tongguan.console.bench.WallBench "${1:-60}" "${2:-5}"
