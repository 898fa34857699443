#!/usr/bin/env bash
# Scale-out faults: INSTANCES (2) Release services on loopback over one PostgreSQL database, under a write burst from
# 16 clients that send every write with an Idempotency-Key to the instances in turn and retry a failed write with the
# same key on the next instance (scaleout_client.py). Four phases, each verified from the export (every acknowledged
# write present exactly once, nothing applied twice, no 500):
#   kill      KILLS (20) times: kill -9 one instance (in turn) 1-3 s into the burst, restart it, wait until ready
#   restart   RESTARTS (5) times: restart PostgreSQL (PG_RESTART) 1-3 s into the burst, wait until the instances are ready
#   terminate TERMINATES (5) times: pg_terminate_backend every connection of the instances
#   ryw       PROBES (1000) write-then-read probes alternating instances (read-your-writes across instances)
#   POSTGRES=CONNSTR benchmarks/service/scaleout.sh     # default POSTGRES: $PENCHANT_POSTGRES; SAVE=1 writes results/
export POSTGRES="${POSTGRES:-${PENCHANT_POSTGRES:?set POSTGRES (or PENCHANT_POSTGRES) to an Npgsql connection string whose role may create databases}}"
source "$(dirname "$0")/common.sh"
INSTANCES="${INSTANCES:-2}"
KILLS="${KILLS:-20}"
RESTARTS="${RESTARTS:-5}"
TERMINATES="${TERMINATES:-5}"
PROBES="${PROBES:-1000}"
PHASES="${PHASES:-kill restart terminate ryw}"
PG_RESTART="${PG_RESTART:-pg_ctlcluster $(pg_lsclusters -h | awk 'NR == 1 { print $1, $2 }') restart -m fast}"

if [[ "${SAVE:-0}" == 1 ]]; then
  mkdir -p "$HERE/results"
  saved="$HERE/results/scaleout-$(date -u +%Y-%m-%d-%H%M).txt"
  exec > >(tee "$saved") 2>&1
  echo "saving to ${saved#"$ROOT"/}"
fi

declare -a PIDS URLS_
for i in $(seq 0 $((INSTANCES - 1))); do URLS_[i]="http://127.0.0.1:$((PORT + 1 + i))"; done
URLS="$(IFS=,; echo "${URLS_[*]}")"

start_instance() {
  local i=$1
  ASPNETCORE_ENVIRONMENT=Production "$SERVER" --urls "${URLS_[i]}" \
    "${STORE_ARGS[@]}" --Penchant:Service:BootstrapKey=false \
    --Logging:LogLevel:Default=Warning --Logging:LogLevel:Microsoft.Hosting.Lifetime=Information \
    --Penchant:Service:RateLimitPerSecond=1000000 --Penchant:Service:RateLimitBurst=1000000 >>"$WORK/server-$i.log" 2>&1 &
  PIDS[i]=$!
}

wait_ready() {
  local i
  for i in $(seq 0 $((INSTANCES - 1))); do
    for _ in $(seq 1 1200); do
      curl -fs "${URLS_[i]}/health/ready" >/dev/null 2>&1 && break
      kill -0 "${PIDS[i]}" 2>/dev/null || { echo "instance $i exited; see $WORK/server-$i.log" >&2; return 1; }
      sleep 0.1
    done
  done
}

stop_all() {
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}

rand() { python3 -c "import random; print(round(random.uniform($1, $2), 2))"; }

start_burst() { rm -f "$WORK/stop"; python3 "$HERE/scaleout_client.py" burst "$URLS" "$PENCHANT_KEY" "$1" "$WORK" "$WORK/stop" & CLIENT=$!; }
stop_burst() { sleep 1; touch "$WORK/stop"; wait "$CLIENT" || true; }

build
trap 'stop_all; drop_pg_database' EXIT
create_pg_database
PENCHANT_KEY="$(create_key scaleout)"
for i in $(seq 0 $((INSTANCES - 1))); do start_instance "$i"; done
wait_ready
echo "store: PostgreSQL database $PG_DB; instances: $URLS"
echo "machine: $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

failures=0
summary=()
for phase in $PHASES; do
  started=$(date +%s)
  case "$phase" in
    kill)
      start_burst kill
      for k in $(seq 1 "$KILLS"); do
        sleep "$(rand 1 3)"
        i=$(( k % INSTANCES ))
        kill -9 "${PIDS[i]}"; wait "${PIDS[i]}" 2>/dev/null || true
        start_instance "$i"
        wait_ready
      done
      stop_burst ;;
    restart)
      start_burst restart
      for _ in $(seq 1 "$RESTARTS"); do
        sleep "$(rand 1 3)"
        $PG_RESTART
        wait_ready
      done
      stop_burst ;;
    terminate)
      start_burst terminate
      for _ in $(seq 1 "$TERMINATES"); do
        sleep "$(rand 1 2)"
        pg_admin "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '$PG_DB' AND application_name = 'penchant'" >/dev/null
      done
      stop_burst ;;
    ryw)
      if ! line="$(python3 "$HERE/scaleout_client.py" ryw "$URLS" "$PENCHANT_KEY" "$PROBES")"; then failures=$((failures + 1)); fi
      summary+=("$(printf '%-9s %4ss  %s' "$phase" "$(( $(date +%s) - started ))" "$line")")
      continue ;;
  esac
  if ! line="$(python3 "$HERE/scaleout_client.py" verify "${URLS_[0]}" "$PENCHANT_KEY" "$WORK" "$phase")"; then failures=$((failures + 1)); fi
  summary+=("$(printf '%-9s %4ss  %s' "$phase" "$(( $(date +%s) - started ))" "$line")")
  : >"$WORK/sent.tsv"; : >"$WORK/acked.tsv"
done

echo
echo "=== summary ($INSTANCES instances; kill: $KILLS x kill -9, restart: $RESTARTS x PostgreSQL restart, terminate: $TERMINATES x pg_terminate_backend; counts are cumulative over the phase) ==="
printf '%s\n' "${summary[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "SUMMARY: phases with lost or duplicated acknowledged writes, a 500, or a failed probe: $failures"
[[ $failures == 0 ]]
