#!/usr/bin/env bash
# Bulk import with a crash: generate SIGNALS (100,000) synthetic signals across USERS (1,000) users (seeded), start the
# Release service, run `penchant import-signals` (upload, then follow the job), kill -9 the service KILL_AFTER (30) s
# into the import and start it again (the service resumes the job from its last checkpoint; the CLI keeps following),
# then verify from the database (the SQLite file, or PostgreSQL with POSTGRES set, see common.sh) that every line's
# signal is stored exactly once. Prints the CLI's summary
# (lines/s over the whole run, crash and restart included) and the verification.
#   benchmarks/service/import.sh
#   SIGNALS=10000 USERS=1000 KILL_AFTER=20 benchmarks/service/import.sh
source "$(dirname "$0")/common.sh"
# CONFIGURATION=debug with SKIP_BUILD=1 runs the Debug binaries already built (when a Release build is too slow).
CONFIGURATION="${CONFIGURATION:-release}"
SERVER="$ROOT/artifacts/bin/Penchant.Server/$CONFIGURATION/Penchant.Server"
CLI="$ROOT/artifacts/bin/Penchant.Cli/$CONFIGURATION/penchant"
SIGNALS="${SIGNALS:-100000}"
USERS="${USERS:-1000}"
KILL_AFTER="${KILL_AFTER:-30}"
TENANT=bulk
build
trap 'stop_server; drop_pg_database' EXIT
create_pg_database
: >"$WORK/server.log"
DATA="$WORK/signals.jsonl"
python3 "$HERE/import_data.py" generate "$DATA" "$SIGNALS" "$USERS" 19
PENCHANT_KEY="$(create_key "$TENANT")"
start_server --Penchant:Imports:Directory="$WORK/imports"
started=$(date +%s.%N)
"$CLI" import-signals "$DATA" --url "$URL" --api-key "$PENCHANT_KEY" --wait 00:05:00 >"$WORK/import.out" 2>"$WORK/import.err" &
client=$!
sleep "$KILL_AFTER"
before_kill="$(curl -fs -H "Authorization: Bearer $PENCHANT_KEY" "$URL/v1/imports/$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['importId'])" "$DATA.import-state")" || echo '{}')"
cpu_first=$(ps -o times= -p "$SERVER_PID")
kill -9 "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
echo "killed the service after ${KILL_AFTER}s: $(python3 -c "import json,sys; d=json.loads(sys.argv[1] or '{}'); print('lines read', d.get('linesRead'), 'written', d.get('written'))" "$before_kill")"
start_server --Penchant:Imports:Directory="$WORK/imports"
wait "$client"; status=$?
ended=$(date +%s.%N)
cat "$WORK/import.out"
head -5 "$WORK/import.err" | tr '\r' '\n' | grep -v '^import \[' || true
cpu=$(( cpu_first + $(ps -o times= -p "$SERVER_PID") ))
stop_server
if [[ -n "$PG_DB" ]]; then
  pg_run() { psql -q -X -At -F $'\t' -v ON_ERROR_STOP=1 "$(libpq "$PG_RUN")" -c "$1"; }
  pg_run "SELECT user_id, count(*) FROM penchant.events WHERE tenant = '$TENANT' GROUP BY user_id" >"$WORK/counts.tsv"
  pg_run "SELECT count(*), count(DISTINCT id) FROM penchant.events WHERE tenant = '$TENANT'" >"$WORK/ids.tsv"
  verify="$(python3 "$HERE/import_data.py" verify-counts "$DATA" "$WORK/counts.tsv" "$WORK/ids.tsv")" || status=1
else
  verify="$(python3 "$HERE/import_data.py" verify "$DATA" "$DB" "$TENANT")" || status=1
fi
echo "$verify"
STORE_NAME=SQLite; [[ -n "$PG_DB" ]] && STORE_NAME=PostgreSQL
echo "SUMMARY: $SIGNALS signals on $STORE_NAME across $USERS users, service killed (-9) after ${KILL_AFTER}s and restarted; $(awk -v s="$started" -v e="$ended" -v n="$SIGNALS" 'BEGIN { printf "wall %.0f s, %.1f signals/s overall", e - s, n / (e - s) }'); service CPU ${cpu} s (model loads included, $(awk -v c="$cpu" -v n="$SIGNALS" 'BEGIN { printf "%.2f", 1000 * c / n }') ms per signal); $verify; load $(cut -d' ' -f1-3 /proc/loadavg)"
exit $status
