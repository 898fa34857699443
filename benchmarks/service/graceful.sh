#!/usr/bin/env bash
# Graceful shutdown: TRIALS (5) times, drive a write burst (16 clients, Idempotency-Keys), send SIGTERM after 1-4 s,
# and count how the requests that did not get 200 failed: refused connections (the service had stopped accepting) are
# expected; a request dropped mid-flight (reset, empty reply, 5xx) means shutdown did not drain it. Then restart and
# verify every acknowledged write is present exactly once.
#   benchmarks/service/graceful.sh
source "$(dirname "$0")/common.sh"
TRIALS="${TRIALS:-5}"
build
trap stop_server EXIT
: >"$WORK/server.log"
PENCHANT_KEY="$(create_key graceful)"
dropped_total=0
for trial in $(seq 1 "$TRIALS"); do
  start_server
  : >"$WORK/errors.tsv"
  python3 "$HERE/crash_client.py" burst "$URL" "$PENCHANT_KEY" "g$trial" "$WORK" &
  client=$!
  delay=$(python3 -c "import random; print(round(random.uniform(1.0, 4.0), 2))")
  sleep "$delay"
  kill -TERM "$SERVER_PID"; wait "$SERVER_PID"; code=$?; SERVER_PID=""
  wait "$client" || true
  refused=$(grep -c "ConnectionRefusedError" "$WORK/errors.tsv" || true)
  dropped=$(grep -vc "ConnectionRefusedError" "$WORK/errors.tsv" || true)
  dropped_total=$((dropped_total + dropped))
  start_server
  result="$(python3 "$HERE/crash_client.py" verify "$URL" "$PENCHANT_KEY" "$WORK" || true)"
  echo "trial $trial: SIGTERM after ${delay}s, exit code $code; failed requests: refused $refused, dropped in flight $dropped ($(cut -f2 "$WORK/errors.tsv" | sort | uniq -c | tr '\n' ' ')); $result"
  stop_server
done
echo "SUMMARY: $TRIALS graceful shutdowns during a write burst; requests dropped in flight: $dropped_total; final $result"
