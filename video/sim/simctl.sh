#!/usr/bin/env bash
# Sends one command to a running camera simulator: stop camNNN | start camNNN | list | quit
#   video/sim/simctl.sh stop cam005        (CONTROL_PORT defaults to 8091)
set -euo pipefail
exec 3<>"/dev/tcp/127.0.0.1/${CONTROL_PORT:-8091}"
echo "$*" >&3
head -1 <&3
