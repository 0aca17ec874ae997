#!/usr/bin/env bash
# A private, throw-away PostgreSQL 15 cluster for the test suite and the benchmarks.
#   pg-test-cluster.sh start   → creates the cluster in a temp dir on 127.0.0.1:<free port>, creates database
#                                "tongguan" and prints its JDBC URL on stdout (the last line)
#   pg-test-cluster.sh stop    → stops the cluster started last and removes its directory
# The server runs as the `postgres` OS user (initdb refuses root); state lives in $STATE (a file that
# remembers the directory and port), so `stop` works from another shell.
set -euo pipefail
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
STATE=${TONGGUAN_PG_STATE:-/tmp/tongguan-pg-test.state}

as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

start() {
  [ -x "$PGBIN/initdb" ] || { echo "PostgreSQL 15 binaries not found in $PGBIN (Debian: postgresql)" >&2; exit 1; }
  local dir port
  dir=$(mktemp -d /tmp/tongguan-pg.XXXXXX)
  chmod 755 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  port=$(free_port)
  as_pg "$PGBIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  # Tuned for a throw-away test cluster: durability off (fsync), small footprint, sockets only in $dir.
  as_pg "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
    -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  as_pg "$PGBIN/psql" -h 127.0.0.1 -p "$port" -U postgres -q -c "CREATE DATABASE tongguan" >/dev/null
  as_pg "$PGBIN/psql" -h 127.0.0.1 -p "$port" -U postgres -d tongguan -q -c "CREATE EXTENSION IF NOT EXISTS postgis" >/dev/null 2>&1 || true
  printf '%s %s\n' "$dir" "$port" >"$STATE"
  echo "jdbc:postgresql://127.0.0.1:$port/tongguan?user=postgres"
}

stop() {
  [ -f "$STATE" ] || return 0
  local dir port
  read -r dir port <"$STATE" || { rm -f "$STATE"; return 0; }
  as_pg "$PGBIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir" "$STATE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
