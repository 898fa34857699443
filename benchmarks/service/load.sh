#!/usr/bin/env bash
# Load test: requests per second and p50/p99 latency for select (embedding cache warm and cold), remember and a mixed
# workload at 1, 10 and 50 concurrent clients, with wrk against the Release service on loopback and a fresh SQLite file
# (POSTGRES=CONNSTR: a fresh PostgreSQL database instead, see common.sh).
#   benchmarks/service/load.sh                 # DURATION=15s per run, USERS=100 seeded users x PER_USER=10 statements
#                                              # (each workload after a WARMUP=5s run at 10 clients that is not reported)
# Prints wrk's own output for every run and one summary line per run, with the service's CPU time (user + system) per
# request over the run. SAVE=1 also writes everything printed to results/load-DATE-TIME.txt. SERVER_ARGS adds settings to
# the service's command line (say SERVER_ARGS="--Penchant:PostgreSql:BatchLogPositionReads=false").
source "$(dirname "$0")/common.sh"
DURATION="${DURATION:-15s}"
USERS="${USERS:-100}"
PER_USER="${PER_USER:-10}"
CLIENTS="${CLIENTS:-1 10 50}"
WORKLOADS="${WORKLOADS:-select-warm select-cold remember mixed}"
WARMUP="${WARMUP:-5s}"
export USERS

if [[ "${SAVE:-0}" == 1 ]]; then
  mkdir -p "$HERE/results"
  saved="$HERE/results/load-$(date -u +%Y-%m-%d-%H%M).txt"
  exec > >(tee "$saved") 2>&1
  echo "saving to ${saved#"$ROOT"/}"
fi

build
trap 'stop_server; drop_pg_database' EXIT
create_pg_database
: >"$WORK/server.log"
PENCHANT_KEY="$(create_key bench)"
export PENCHANT_KEY
# shellcheck disable=SC2086 # SERVER_ARGS is a list of settings
start_server ${SERVER_ARGS:-}
python3 "$HERE/seed.py" "$URL" "$PENCHANT_KEY" "$USERS" "$PER_USER"
if [[ -n "$PG_DB" ]]; then echo "store: PostgreSQL database $PG_DB"; else echo "store: SQLite file $DB"; fi
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

summary=()
for workload in $WORKLOADS; do
  script="$HERE/${workload%%-*}.lua"
  cold=0; [[ "$workload" == select-cold ]] && cold=1
  if [[ "$workload" == select-warm ]]; then
    # One pass over every request text so the embedding cache is warm (reported as such).
    COLD=0 wrk -t1 -c4 -d5s -s "$script" "$URL" >/dev/null
  fi
  # A warm-up at 10 clients, not reported, so the runtime has compiled the workload's code paths before it is measured
  # (a fresh service spent a fifth of its CPU in the JIT during its first 10 s of writes; over PostgreSQL, the first
  # 50-client select run after the 4-client pass alone cost 0.38 ms of service CPU per request, the next one 0.14 ms).
  COLD=$cold wrk -t2 -c10 -d"$WARMUP" -s "$script" "$URL" >/dev/null
  for c in $CLIENTS; do
    threads=$(( c < 2 ? 1 : 2 ))
    echo
    echo "=== $workload, $c concurrent clients, $DURATION (wrk -t$threads -c$c --latency) ==="
    cpu_before=$(cpu_ms); db_before=$(db_cpu_ms)
    out="$(COLD=$cold wrk -t"$threads" -c"$c" -d"$DURATION" --timeout 10s --latency -s "$script" "$URL")"
    echo "$out"
    cpu_after=$(cpu_ms); db_after=$(db_cpu_ms)
    rps=$(awk '/Requests\/sec/ { print $2 }' <<<"$out")
    requests=$(awk '/requests in/ { print $1 }' <<<"$out")
    cpu=$(awk -v ms=$(( cpu_after - cpu_before )) -v n="$requests" 'BEGIN { printf "%.2f", (n > 0 ? ms / n : 0) }')
    db=$(awk -v ms=$(( db_after - db_before )) -v n="$requests" 'BEGIN { printf "%.2f", (n > 0 ? ms / n : 0) }')
    p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
    p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
    non2xx=$(awk '/Non-2xx/ { print $5 }' <<<"$out"); non2xx=${non2xx:-0}
    socket=$(awk '/Socket errors/ { print $0 }' <<<"$out"); socket=${socket:-none}
    connections=""
    if [[ -n "$PG_DB" ]]; then
      connections="$(psql -X -A -t "$(libpq "$PG_RUN")" -c "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'penchant'")"
    fi
    line="$(printf '%-12s c=%-3s %9s req/s  p50 %-9s p99 %-9s non-2xx %s  socket errors: %s  rss %s MB  service CPU %s ms/request%s' "$workload" "$c" "$rps" "$p50" "$p99" "$non2xx" "${socket#*Socket errors: }" "$(rss_mb)" "$cpu" "${PG_DB:+  database CPU $db ms/request, $connections pooled connections}")"
    summary+=("$line")
  done
done

echo
echo "=== summary (select-warm: embedding cache warm, the same 24 request texts; select-cold: every request text unique, so every request is embedded) ==="
printf '%s\n' "${summary[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ -n "$PG_DB" ]]; then
  echo
  echo "=== PostgreSQL: rows and bytes (table + indexes + TOAST) per table, and per user with events ==="
  psql -X -q "$(libpq "$PG_RUN")" -c "ANALYZE penchant.users, penchant.events, penchant.preferences, penchant.user_models;" -c "
    WITH u AS (SELECT count(*) AS n FROM penchant.users WHERE version > 0)
    SELECT relname AS table, n_live_tup AS rows, pg_total_relation_size(relid) AS bytes,
           round(n_live_tup::numeric / nullif(u.n, 0), 1) AS rows_per_user,
           round(pg_total_relation_size(relid)::numeric / nullif(u.n, 0)) AS bytes_per_user
    FROM pg_stat_user_tables, u WHERE schemaname = 'penchant' AND relname IN ('users', 'events', 'preferences', 'user_models')
    ORDER BY relname;"
fi
