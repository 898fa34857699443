#!/usr/bin/env bash
# Soak test: SOAK (300 s) of the mixed workload (70% select, 20% remember, 10% list) from CLIENTS (10) clients against
# the Release service, in SLICE (30 s) wrk runs, printing requests/s, p50, p99, errors and the service's resident memory
# after every slice, so that drift in memory or latency shows. wrk's full output per slice goes to $WORK/soak-wrk.log.
#   benchmarks/service/soak.sh
source "$(dirname "$0")/common.sh"
SOAK="${SOAK:-300}"
SLICE="${SLICE:-30}"
CLIENTS="${CLIENTS:-10}"
USERS="${USERS:-100}"
PER_USER="${PER_USER:-10}"
export USERS
build
trap stop_server EXIT
: >"$WORK/server.log"
PENCHANT_KEY="$(create_key soak)"
export PENCHANT_KEY
start_server
python3 "$HERE/seed.py" "$URL" "$PENCHANT_KEY" "$USERS" "$PER_USER"
echo "soak: ${SOAK}s of mixed load, $CLIENTS clients, slices of ${SLICE}s; rss at start $(rss_mb) MB; load average $(cut -d' ' -f1-3 /proc/loadavg)"
lines=()
for slice in $(seq 1 $(( SOAK / SLICE ))); do
  out="$(wrk -t2 -c"$CLIENTS" -d"${SLICE}s" --timeout 10s --latency -s "$HERE/mixed.lua" "$URL")"
  { echo "=== slice $slice"; echo "$out"; } >>"$WORK/soak-wrk.log"
  rps=$(awk '/Requests\/sec/ { print $2 }' <<<"$out")
  p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
  non2xx=$(awk '/Non-2xx/ { print $5 }' <<<"$out"); non2xx=${non2xx:-0}
  line="$(printf 'slice %2d (t=%4ss): %8s req/s  p50 %-9s p99 %-9s non-2xx %s  rss %s MB  load %s' "$slice" $(( slice * SLICE )) "$rps" "$p50" "$p99" "$non2xx" "$(rss_mb)" "$(cut -d' ' -f1 /proc/loadavg)")"
  echo "$line"
  lines+=("$line")
done
echo "=== wrk output of the last slice ==="
echo "$out"
echo "SUMMARY: first: ${lines[0]}"
echo "SUMMARY: last:  ${lines[-1]}"
