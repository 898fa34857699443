#!/usr/bin/env bash
# Shared helpers for the service benchmarks: build in Release, start the service on loopback on a fresh SQLite file,
# create a tenant and a key with the penchant CLI, seed users. Source it; do not run it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/benchmarks/service"
PORT="${PORT:-5099}"
URL="http://127.0.0.1:$PORT"
WORK="${WORK:-$(mktemp -d /tmp/penchant-bench.XXXXXX)}"
DB="$WORK/penchant.db"
SERVER="$ROOT/artifacts/bin/Penchant.Server/release/Penchant.Server"
CLI="$ROOT/artifacts/bin/Penchant.Cli/release/penchant"
SERVER_PID=""

build() {
  if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    dotnet build -c Release "$ROOT/src/Penchant.Cli" -v q -nologo >/dev/null
    dotnet build -c Release "$ROOT/src/Penchant.Server" -v q -nologo >/dev/null
  fi
}

# launch_server URL LOG [ARGS...]: starts the Release service on $DB at URL in the background (output appended to LOG,
# pid in LAUNCHED_PID) without waiting. The per-key rate limit (default 2000/s) is raised to RATE_LIMIT (1,000,000/s) so
# that it does not cap the benchmark; ARGS are more configuration settings.
launch_server() {
  local url="$1" log="$2"
  shift 2
  ASPNETCORE_ENVIRONMENT=Production "$SERVER" --urls "$url" \
    --Penchant:Database="$DB" --Penchant:Service:BootstrapKey=false \
    --Logging:LogLevel:Default=Warning --Logging:LogLevel:Microsoft.Hosting.Lifetime=Information \
    --Penchant:Service:RateLimitPerSecond="${RATE_LIMIT:-1000000}" --Penchant:Service:RateLimitBurst="${RATE_LIMIT:-1000000}" \
    "$@" >>"$log" 2>&1 &
  LAUNCHED_PID=$!
}

# wait_ready URL PID LOG: waits until the service at URL answers /health/ready (60 s at most, or until PID exits).
wait_ready() {
  for _ in $(seq 1 600); do
    if curl -fs "$1/health/ready" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$2" 2>/dev/null; then echo "service exited; see $3" >&2; return 1; fi
    sleep 0.1
  done
  echo "service not ready after 60 s" >&2
  return 1
}

# start_server [ARGS...]: runs the Release service on $DB at $URL in the background (logs in $WORK/server.log) and
# waits until ready.
start_server() {
  launch_server "$URL" "$WORK/server.log" "$@"
  SERVER_PID=$LAUNCHED_PID
  wait_ready "$URL" "$SERVER_PID" "$WORK/server.log"
}

stop_server() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}

# create_key TENANT: prints a new API key of TENANT (creating the tenant).
create_key() {
  "$CLI" tenant create "$1" --db "$DB" >/dev/null
  "$CLI" key create --tenant "$1" --db "$DB" 2>/dev/null
}

# cpu_ms: CPU time (user + system) the service has used so far, in ms.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$SERVER_PID/stat"; }

# rss_mb: resident memory of the service in MB.
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER_PID/status"; }
