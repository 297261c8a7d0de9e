#!/usr/bin/env bash
# Run CMD in a new network namespace that has only loopback (up), e.g. for browser tests that
# must prove the page makes no outside requests. Needs root (or CAP_SYS_ADMIN).
#   build/netns-run.sh dotnet test tests/IessClave.E2E -c Release
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 CMD [ARGS...]" >&2; exit 2; }
exec unshare -n -- bash -c 'ip link set lo up && exec "$@"' netns-run "$@"
