#!/usr/bin/env bash
# Runs a command inside a private X server with several 1920x1080 monitors side by side, as on the
# command-hall PC: Xorg's dummy driver, split into RandR outputs (Xvfb's +xinerama puts every head at
# 0,0, so JavaFX would see one screen). Usage: with-multihead.sh [-n HEADS] command args...
# Needs Debian xserver-xorg-core xserver-xorg-video-dummy x11-xserver-utils; falls back to Xvfb (one
# screen) when Xorg cannot start.
set -euo pipefail
heads=3
if [ "${1:-}" = "-n" ]; then heads=$2; shift 2; fi
here=$(cd "$(dirname "$0")" && pwd)
conf=$(mktemp /tmp/tongguan-xorg-XXXX.conf)
width=$((1920 * heads))
sed -e "s/Virtual 5760 1080/Virtual $width 1080/" -e "s/\"5760x1080\" 213.30 5760 5936 6024 6320/\"${width}x1080\" $((213 * heads / 3)).30 $width $((width + 176)) $((width + 264)) $((width + 560))/" \
    -e "s/Modes \"5760x1080\"/Modes \"${width}x1080\"/" "$here/multihead.conf" >"$conf"
display=""
for n in $(seq 70 99); do
  [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] || { display=":$n"; break; }
done
xorg_pid=""
cleanup() { [ -n "$xorg_pid" ] && kill "$xorg_pid" 2>/dev/null; rm -f "$conf"; }
trap cleanup EXIT
if [ -n "$display" ] && command -v Xorg >/dev/null; then
  Xorg "$display" -config "$conf" -noreset -nolisten tcp -logfile "/tmp/tongguan-xorg${display#:}.log" >/dev/null 2>&1 &
  xorg_pid=$!
  for _ in $(seq 1 50); do DISPLAY=$display xrandr >/dev/null 2>&1 && break; sleep 0.1; done
fi
if [ -n "$xorg_pid" ] && DISPLAY=$display xrandr >/dev/null 2>&1; then
  export DISPLAY=$display
  xrandr --output DUMMY0 --mode 1920x1080 --pos 0x0 --primary
  for ((i = 1; i < heads; i++)); do
    xrandr --addmode "DUMMY$i" 1920x1080
    xrandr --output "DUMMY$i" --mode 1920x1080 --right-of "DUMMY$((i - 1))"
  done
  # Ask for the RandR 1.5 monitor list once: until some client has, GTK (and so JavaFX) may still see
  # a single monitor (seen here: 1 screen instead of 2 or 3 without this call).
  xrandr --listmonitors >/dev/null
  sleep 0.5
  echo "[with-multihead] $heads monitors on $DISPLAY" >&2
  "$@"
else
  echo "[with-multihead] Xorg dummy unavailable: falling back to Xvfb with one screen" >&2
  cleanup; trap - EXIT
  exec xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" "$@"
fi
