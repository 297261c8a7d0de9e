#!/usr/bin/env bash
# The project's single test command (also what CI runs via .ci/run):
#   ./test.sh [extra dotnet test args]      e.g. ./test.sh --filter Category=Unit
# Env: IESSCLAVE_PG_PORT (default 55432), IESSCLAVE_KEEP_PG=1 to leave the private cluster running (outside the
# network namespace only), IESSCLAVE_NETNS=0 to run the tests in the machine's own network.
#
# As root, the tests run in a network namespace whose one interface is loopback (build/netns-run.sh), so the
# WebRTC browser tests cannot use any other interface. Everything the tests use is on 127.0.0.1, but a namespace
# has its own loopback: PostgreSQL is started INSIDE it (its own data folder, stopped at the end). NuGet needs the
# network, so packages are installed and the solution is built first, outside; inside runs `dotnet test --no-build`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
PORT="${IESSCLAVE_PG_PORT:-55432}"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
summary_failed() { echo "tests: 0 passed, 1 failed, 0 skipped"; exit 1; }

if [ "${IESSCLAVE_IN_NETNS:-0}" != 1 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then SUDO=sudo; fi

  # --- Debian packages (apt-get update only when something is missing) ---
  missing=()
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  for p in chromium fonts-liberation iproute2 util-linux; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    apt=($SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300)
    "${apt[@]}" update -q
    "${apt[@]}" install -y -q --no-install-recommends "${missing[@]}"
  fi

  # --- Restore and build, with the network ---
  if ! dotnet build IessClave.sln -c Release -v minimal; then
    echo "dotnet build failed" >&2
    summary_failed
  fi

  # --- Into a loopback-only network namespace (root only); this script continues there ---
  if [ "${IESSCLAVE_NETNS:-1}" != 0 ] && [ "$(id -u)" -eq 0 ] && unshare -n true 2>/dev/null; then
    echo "Running the tests in a network namespace with only loopback"
    exec "$ROOT/build/netns-run.sh" env IESSCLAVE_IN_NETNS=1 "$ROOT/test.sh" "$@"
  fi
  echo "Running the tests in the machine's network: the WebRTC browser tests will be skipped (a loopback-only namespace needs root and unshare; IESSCLAVE_NETNS=0 turns it off)."
fi

# --- Private PostgreSQL cluster on 127.0.0.1:$PORT (never the system cluster) ---
PGBIN="$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n1)")" # newest server, not just a client
PGDATA="/tmp/iessclave-pg-$PORT"
if [ "${IESSCLAVE_IN_NETNS:-0}" = 1 ]; then
  # Not the folder of a cluster on the same port outside (it may be serving another run); never kept, since
  # nothing outside this namespace can reach it.
  PGDATA="/tmp/iessclave-pg-netns-$PORT"
  IESSCLAVE_KEEP_PG=0
fi
pg() { # initdb/postgres refuse to run as root; a readable cwd avoids "could not change directory" noise
  if [ "$(id -u)" -eq 0 ]; then (cd /tmp && runuser -u postgres -- "$PGBIN/$1" "${@:2}")
  else (cd /tmp && "$PGBIN/$1" "${@:2}"); fi
}
started_pg=0
cleanup() { # only stop a cluster this run started (a reused one may serve another run)
  if [ "$started_pg" = 1 ] && [ "${IESSCLAVE_KEEP_PG:-0}" != 1 ]; then
    pg pg_ctl -D "$PGDATA" stop -m fast >/dev/null 2>&1 || true
    rm -rf "$PGDATA"
  fi
}
trap cleanup EXIT

if pg pg_isready -q -h 127.0.0.1 -p "$PORT"; then
  echo "Reusing PostgreSQL already running on 127.0.0.1:$PORT"
else
  pg pg_ctl -D "$PGDATA" stop -m immediate >/dev/null 2>&1 || true # leftover of a killed run
  rm -rf "$PGDATA"
  pg initdb -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  cat >>"$PGDATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$PGDATA'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
  started_pg=1
  if ! pg pg_ctl -D "$PGDATA" -l "$PGDATA/server.log" -w -t 60 start >/dev/null; then
    cat "$PGDATA/server.log" >&2; summary_failed
  fi
  echo "Started private PostgreSQL $("$PGBIN/postgres" -V | awk '{print $3}') on 127.0.0.1:$PORT ($PGDATA)"
fi
"$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres -d postgres <<'SQL'
SELECT 'CREATE ROLE iessclave LOGIN SUPERUSER PASSWORD ''iessclave'''
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'iessclave')\gexec
SELECT 'CREATE DATABASE iessclave_test OWNER iessclave'
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'iessclave_test')\gexec
SQL

export IESSCLAVE_TEST_PG="Host=127.0.0.1;Port=$PORT;Username=iessclave;Password=iessclave;Database=iessclave_test"
export IESSCLAVE_CHROMIUM=/usr/bin/chromium

# --- Tests ---
RESULTS="$ROOT/TestResults/$(date +%Y%m%d-%H%M%S)-$$"
rc=0
dotnet test IessClave.sln -c Release --no-build --results-directory "$RESULTS" \
  --logger trx --logger "console;verbosity=normal" "$@" || rc=$?

# --- Summary (must stay the last line of output) ---
if ! find "$RESULTS" -name '*.trx' 2>/dev/null | grep -q .; then
  echo "dotnet test produced no .trx (host crash?), exit code $rc" >&2
  summary_failed
fi
if command -v python3 >/dev/null && python3 -c '' 2>/dev/null; then
  read -r passed failed skipped < <(python3 build/trx-summary.py "$RESULTS")
else # crude fallback: count outcome attributes of <UnitTestResult> elements
  outcomes="$(find "$RESULTS" -name '*.trx' -exec grep -ho '<UnitTestResult [^>]*' {} + | grep -o ' outcome="[A-Za-z]*"' || true)"
  passed=$(grep -c '"Passed"' <<<"$outcomes" || true)
  skipped=$(grep -Ec '"(NotExecuted|Inconclusive)"' <<<"$outcomes" || true)
  failed=$(grep -Evc '"(Passed|NotExecuted|Inconclusive)"|^$' <<<"$outcomes" || true)
fi
# A failing dotnet test with no failed test (e.g. one project didn't build, host crash) still counts as a failure.
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
cleanup >/dev/null 2>&1; started_pg=0
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$rc" -eq 0 ] && [ "$failed" -eq 0 ]
