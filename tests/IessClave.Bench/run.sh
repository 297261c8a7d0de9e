#!/usr/bin/env bash
# The benchmark, self-contained:   bash tests/IessClave.Bench/run.sh [bench options, e.g. --n=1000,5000 --seconds=40]
# Builds the app and the harness (Release), starts a private PostgreSQL cluster on 127.0.0.1:$IESSCLAVE_BENCH_PG_PORT
# (default 55451; never the system cluster), runs `IessClave.Bench run` (which starts the app and the bare SignalR
# host as their own processes on 127.0.0.1 and stops them), prints the summary and writes results/latest.md.
# Everything it started is stopped on exit, also on Ctrl-C or failure.
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/../.." && pwd)"
PORT="${IESSCLAVE_BENCH_PG_PORT:-55451}"
RESULTS="$BENCH/results"
LOGS="$RESULTS/logs"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

# 10,000 WebSocket clients and their server ends: well past the usual 1,024 descriptors (root may raise the hard limit).
ulimit -n 200000 2>/dev/null || ulimit -n "$(ulimit -Hn)"
echo "open files limit: $(ulimit -n)"

cd "$ROOT"
dotnet build tests/IessClave.Bench/IessClave.Bench.csproj -c Release -v minimal
WEB_DIR="$ROOT/src/IessClave.Web/bin/Release/net10.0"
BENCH_DLL="$BENCH/bin/Release/net10.0/IessClave.Bench.dll"

PGBIN="$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n1)")"
PGDATA="/tmp/iessclave-bench-pg-$PORT"
pg() { # initdb/postgres refuse to run as root; a readable cwd avoids "could not change directory" noise
  if [ "$(id -u)" -eq 0 ]; then (cd /tmp && runuser -u postgres -- "$PGBIN/$1" "${@:2}")
  else (cd /tmp && "$PGBIN/$1" "${@:2}"); fi
}

mkdir -p "$LOGS"
: >"$LOGS/pids.txt"
cleanup() {
  # only the servers this run started (their pids were written by the harness), never by name
  while read -r pid; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done <"$LOGS/pids.txt"
  pg pg_ctl -D "$PGDATA" stop -m fast >/dev/null 2>&1 || true
  rm -rf "$PGDATA" /tmp/iessclave-bench-outbox
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if pg pg_isready -q -h 127.0.0.1 -p "$PORT"; then
  echo "Something already answers on 127.0.0.1:$PORT; set IESSCLAVE_BENCH_PG_PORT to a free port." >&2
  trap - EXIT
  exit 1
fi
pg pg_ctl -D "$PGDATA" stop -m immediate >/dev/null 2>&1 || true # leftover of a killed run
rm -rf "$PGDATA"
pg initdb -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
# The same settings as ./test.sh (fsync and synchronous_commit off: a commit costs a round trip, not a disk flush),
# plus pg_stat_statements, which P2 reads to count the statements of one claim.
cat >>"$PGDATA/postgresql.conf" <<CONF
shared_preload_libraries = 'pg_stat_statements'
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$PGDATA'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
pg pg_ctl -D "$PGDATA" -l "$PGDATA/server.log" -w -t 60 start >/dev/null || { cat "$PGDATA/server.log" >&2; exit 1; }
echo "Started private PostgreSQL $("$PGBIN/postgres" -V | awk '{print $3}') on 127.0.0.1:$PORT ($PGDATA)"

echo "load before the run: $(uptime)"
dotnet "$BENCH_DLL" run \
  --pg="Host=127.0.0.1;Port=$PORT;Username=postgres;Database=postgres" \
  --web-dir="$WEB_DIR" --results="$RESULTS" "$@"
echo "load after the run: $(uptime)"
echo "Results: $RESULTS/latest.md"
