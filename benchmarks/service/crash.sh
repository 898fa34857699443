#!/usr/bin/env bash
# Crash test: TRIALS (20) times, start the Release service, drive a write burst (16 clients, every write with an
# Idempotency-Key, each acknowledged write recorded), kill -9 the service at a random moment (1-5 s in), run the
# integrity check on the crashed file (penchant check), restart, retry every write that was sent but not acknowledged,
# and verify from the export that every acknowledged write is present exactly once. One SQLite file for all trials.
#   benchmarks/service/crash.sh
source "$(dirname "$0")/common.sh"
TRIALS="${TRIALS:-20}"
build
trap stop_server EXIT
: >"$WORK/server.log"
PENCHANT_KEY="$(create_key crash)"
failures=0; integrity_failures=0
for trial in $(seq 1 "$TRIALS"); do
  start_server
  python3 "$HERE/crash_client.py" burst "$URL" "$PENCHANT_KEY" "$trial" "$WORK" &
  client=$!
  delay=$(python3 -c "import random; print(round(random.uniform(1.0, 5.0), 2))")
  sleep "$delay"
  kill -9 "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
  wait "$client" || true
  integrity="$("$CLI" check --db "$DB" 2>&1 || true)"
  [[ "$integrity" == ok ]] || integrity_failures=$((integrity_failures + 1))
  start_server
  if ! result="$(python3 "$HERE/crash_client.py" verify "$URL" "$PENCHANT_KEY" "$WORK")"; then failures=$((failures + 1)); fi
  echo "trial $trial: killed after ${delay}s; integrity: $integrity; $result"
  stop_server
done
echo "SUMMARY: $TRIALS crash trials (kill -9 during a write burst); trials with lost or duplicated acknowledged writes: $failures; integrity check failures: $integrity_failures; final $result"
[[ $failures == 0 && $integrity_failures == 0 ]]
