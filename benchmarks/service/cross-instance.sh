#!/usr/bin/env bash
# Two service processes over one store (a SQLite file, or PostgreSQL with POSTGRES=CONNSTR): is a write acknowledged by one visible to the other at once?
# Starts two Release services (A on PORT, B on PORT_B) at the same moment on one fresh store, creates a key, then
#  1. PROBES (1,000) probes, one at a time, roles alternating: the reading instance caches a user (select and list), the
#     other instance writes (a statement, an observed conversation or a reaction), and right after the acknowledged write
#     the reading instance's list, select and event log must show it (cross_instance_client.py says what is checked);
#  2. WRITES (400) concurrent writes to 4 users from 8 threads through both instances, with Idempotency-Keys, a 409 retried
#     with its key: every acknowledged write must be in the log exactly once, the same on both instances;
#  3. the negative control: both services restarted with Penchant:CheckCachedStateOnRead=false (each trusts its cache),
#     CONTROL (100) probes and 200 concurrent writes, which must find stale reads (else the probes could not fail).
#   benchmarks/service/cross-instance.sh
#   POSTGRES=CONNSTR benchmarks/service/cross-instance.sh    # the same over a fresh PostgreSQL database (see common.sh)
PORT="${PORT:-5097}"
source "$(dirname "$0")/common.sh"
PROBES="${PROBES:-1000}"
WRITES="${WRITES:-400}"
CONTROL="${CONTROL:-100}"
URL_A="$URL"
URL_B="http://127.0.0.1:${PORT_B:-$((PORT + 1))}"
PID_A=""; PID_B=""

# start_both [ARGS...]: launches A and B together (both initialize the store at once) and waits until both are ready.
start_both() {
  : >"$WORK/a.log"; : >"$WORK/b.log"
  launch_server "$URL_A" "$WORK/a.log" "$@"; PID_A=$LAUNCHED_PID
  launch_server "$URL_B" "$WORK/b.log" "$@"; PID_B=$LAUNCHED_PID
  wait_ready "$URL_A" "$PID_A" "$WORK/a.log"
  wait_ready "$URL_B" "$PID_B" "$WORK/b.log"
}

stop_both() {
  for pid in $PID_A $PID_B; do
    if kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; fi
  done
  PID_A=""; PID_B=""
}

# engine_retries: how many times the engines re-planned a write because the other process had moved the user's log on
# (log event 1005, a warning), and how many requests the services answered with a 5xx (logged as errors).
engine_retries() { cat "$WORK/a.log" "$WORK/b.log" | grep -c "A concurrent write changed the user's log" || true; }
server_errors() { cat "$WORK/a.log" "$WORK/b.log" | grep -v "HealthChecks" | grep -c "^fail:" || true; }
field() { sed -n "s/.*\b$2=\([^ ]*\).*/\1/p" <<<"$1"; }

build
trap 'stop_both; drop_pg_database' EXIT
create_pg_database
echo "load: $(uptime)"
if [[ -n "$PG_DB" ]]; then echo "database: PostgreSQL $PG_DB; A: $URL_A; B: $URL_B"; else echo "database: $DB; A: $URL_A; B: $URL_B"; fi
PENCHANT_KEY="$(create_key xinstance)"

start_both
started=$(date +%s)
python3 "$HERE/cross_instance_client.py" probes "$URL_A" "$URL_B" "$PENCHANT_KEY" "$PROBES" main | tee "$WORK/probes.txt" || true
probes="$(tail -1 "$WORK/probes.txt")"
echo "probes took $(( $(date +%s) - started )) s"
started=$(date +%s)
python3 "$HERE/cross_instance_client.py" concurrent "$URL_A" "$URL_B" "$PENCHANT_KEY" "$WRITES" main | tee "$WORK/writes.txt" || true
writes="$(head -1 "$WORK/writes.txt")"
echo "concurrent writes took $(( $(date +%s) - started )) s; engine retries after a conflict: $(engine_retries); 5xx logged: $(server_errors)"
retries=$(engine_retries); errors_5xx=$(server_errors)
stop_both

echo "negative control: both services with --Penchant:CheckCachedStateOnRead=false"
start_both --Penchant:CheckCachedStateOnRead=false
control="$(python3 "$HERE/cross_instance_client.py" probes "$URL_A" "$URL_B" "$PENCHANT_KEY" "$CONTROL" control | tail -1)" || true
echo "$control"
control_writes="$(python3 "$HERE/cross_instance_client.py" concurrent "$URL_A" "$URL_B" "$PENCHANT_KEY" 200 control | head -1)" || true
echo "$control_writes"
stop_both

echo "cross-instance: probes=$(field "$probes" probes) visible=$(field "$probes" visible) stale=$(field "$probes" stale)" \
  "errors=$(field "$probes" errors) writes=$(field "$writes" writes) acknowledged=$(field "$writes" acknowledged)" \
  "conflicts_409=$(field "$writes" conflicts_409) engine_retries=$retries lost=$(field "$writes" lost)" \
  "duplicated=$(field "$writes" duplicated) mismatches=$(field "$writes" instance_mismatches) errors_5xx=$errors_5xx" \
  "control_stale=$(field "$control" stale)/$(field "$control" probes) control_mismatches=$(field "$control_writes" instance_mismatches)"
[[ "$(field "$probes" stale)" == 0 && "$(field "$probes" errors)" == 0 && "$(field "$probes" visible)" == "$PROBES" \
   && "$(field "$writes" lost)" == 0 && "$(field "$writes" duplicated)" == 0 && "$(field "$writes" instance_mismatches)" == 0 \
   && "$(field "$writes" failed)" == 0 && "$(field "$control" stale)" -gt 0 ]]
