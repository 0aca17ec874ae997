#!/usr/bin/env bash
# Camera simulator for the demo: 139 cameras on 127.0.0.1, each as RTSP (main + sub stream) and as
# MPEG-TS over HTTP. Encodes only what is watched. Runs until killed.
#
#   video/sim/run-sim.sh [OUT_DIR] [camera_sim.py options, e.g. --cameras 16 --sub 320x180@15]
#
# Ports (environment): RTSP_PORT=8554  HTTP_PORT=8090  CONTROL_PORT=8091
# URLs:  rtsp://127.0.0.1:8554/cam001/main   rtsp://127.0.0.1:8554/cam001/sub
#        http://127.0.0.1:8090/cam001/main.ts http://127.0.0.1:8090/cam001/sub.ts
# Camera lists (tab separated id, name, main URL, sub URL; read by cn.tongguan.video.CameraList):
#        OUT_DIR/cameras-rtsp.tsv  OUT_DIR/cameras-http.tsv     (OUT_DIR defaults to ~/.tongguan/cameras)
# Stop/start a camera:  video/sim/simctl.sh stop cam005   |   video/sim/simctl.sh start cam005
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-${TONGGUAN_SIM_DIR:-$HOME/.tongguan/cameras}}
[ $# -gt 0 ] && shift
rtsp=${RTSP_PORT:-8554} http=${HTTP_PORT:-8090} control=${CONTROL_PORT:-8091}
echo "camera simulator: rtsp://127.0.0.1:$rtsp/camNNN/{main,sub}  http://127.0.0.1:$http/camNNN/{main,sub}.ts" \
     " control 127.0.0.1:$control  lists in $out" >&2
# stdin is not read (a backgrounded reader would be stopped by the terminal): commands go to the control port
exec /usr/bin/python3 "$here/camera_sim.py" --out "$out" --rtsp-port "$rtsp" --http-port "$http" \
     --control-port "$control" --no-stdin "$@" </dev/null
