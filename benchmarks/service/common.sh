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

# POSTGRES=CONNSTR (an Npgsql connection string whose role may create databases) runs the service and the CLI over
# PostgreSQL, in a fresh database created for the run and dropped at its end, instead of the SQLite file.
STORE_ARGS=(--Penchant:Database="$DB")
CLI_STORE=(--db "$DB")
PG_DB=""
if [[ -n "${POSTGRES:-}" ]]; then
  PG_DB="penchant_bench_$(date +%s)_$$"
  PG_RUN="$(python3 - "$POSTGRES" "$PG_DB" <<'PY'
import sys
parts = dict(p.split("=", 1) for p in sys.argv[1].split(";") if "=" in p)
parts = {k.strip().lower(): v.strip() for k, v in parts.items()}
parts["database"] = sys.argv[2]
print(";".join(f"{k}={v}" for k, v in parts.items()))
PY
)"
  STORE_ARGS=(--Penchant:Postgres="$PG_RUN")
  CLI_STORE=(--postgres "$PG_RUN")
fi

# libpq CONNSTR: the libpq form (for psql) of an Npgsql connection string.
libpq() {
  python3 - "$1" <<'PY'
import sys
names = {"host": "host", "server": "host", "port": "port", "username": "user", "user id": "user", "password": "password", "database": "dbname"}
parts = (p.split("=", 1) for p in sys.argv[1].split(";") if "=" in p)
print(" ".join(f"{names[k.strip().lower()]}={v.strip()}" for k, v in parts if k.strip().lower() in names))
PY
}

# pg_admin SQL: runs SQL on the database POSTGRES names.
pg_admin() { psql -q -X -v ON_ERROR_STOP=1 "$(libpq "$POSTGRES")" -c "$1"; }

create_pg_database() { if [[ -n "$PG_DB" ]]; then pg_admin "CREATE DATABASE $PG_DB" >/dev/null; fi; }
drop_pg_database() { if [[ -n "$PG_DB" ]]; then pg_admin "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null || true; fi; }

build() {
  if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    dotnet build -c Release "$ROOT/src/Penchant.Cli" -v q -nologo >/dev/null
    dotnet build -c Release "$ROOT/src/Penchant.Server" -v q -nologo >/dev/null
  fi
}

# launch_server URL LOG [ARGS...]: starts the Release service on $DB (or PostgreSQL, see POSTGRES) at URL in the
# background (output appended to LOG, pid in LAUNCHED_PID) without waiting. The per-key rate limit (default 2000/s) is
# raised to RATE_LIMIT (1,000,000/s) so that it does not cap the benchmark; ARGS are more configuration settings.
launch_server() {
  local url="$1" log="$2"
  shift 2
  ASPNETCORE_ENVIRONMENT=Production "$SERVER" --urls "$url" \
    "${STORE_ARGS[@]}" --Penchant:Service:BootstrapKey=false \
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
  "$CLI" tenant create "$1" "${CLI_STORE[@]}" >/dev/null
  "$CLI" key create --tenant "$1" "${CLI_STORE[@]}" 2>/dev/null
}

# cpu_ms: CPU time (user + system) the service has used so far, in ms.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$SERVER_PID/stat"; }

# db_cpu_ms: CPU time (user + system) every PostgreSQL process on this machine has used so far, in ms (0 without
# POSTGRES). The service's pooled connections live through a run, so their backends' time is counted.
db_cpu_ms() {
  if [[ -z "$PG_DB" ]]; then echo 0; return; fi
  local total=0 pid
  for pid in $(pgrep -x postgres || true); do
    total=$(( total + $(awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$pid/stat" 2>/dev/null || echo 0) ))
  done
  echo "$total"
}

# rss_mb: resident memory of the service in MB.
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER_PID/status"; }
