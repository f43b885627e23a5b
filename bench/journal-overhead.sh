#!/usr/bin/env bash
# Cost of the request journal (issue 6): 1 KiB GETs per second with the journal at its default capacity
# (1000) against the same run with xblmock.journal.capacity=0. Server pinned to CPU 0, wrk to CPU 1,
# 16 connections, DURATION (default 10s) per run after a WARMUP run. The two configurations alternate
# for ROUNDS rounds (default 3) so background load hits both alike; the medians are compared.
# Usage: bench/journal-overhead.sh   (env: DURATION, WARMUP, ROUNDS, JAVA_OPTS)
. "$(dirname "$0")/lib.sh"
require_tools wrk curl taskset
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-5s}
ROUNDS=${ROUNDS:-3}
head -c 1024 /dev/urandom >/tmp/xblmock-bench-1k

# run_config LABEL [server args...]: prints the requests/s of one measured run
run_config() {
  local label=$1; shift
  start_server "$@"
  local blob="$BASE/global/scids/Bench/data/small.bin,binary"
  curl -fs -X PUT -H "$AUTH" --data-binary @/tmp/xblmock-bench-1k "$blob" >/dev/null
  run_wrk "warm-up" "$WARMUP" 16 2 -H "$AUTH" "$blob" >/dev/null
  local report
  report=$(run_wrk "$label" "$DURATION" 16 2 -H "$AUTH" "$blob")
  echo "$report" >&2
  if [ "$label" = "journal on" ]; then
    # the journal really recorded the run (and stayed bounded)
    echo "journal entries after the run: $(curl -fs "$BASE/_emulator/requests" | grep -o '"id"' | wc -l)" >&2
  fi
  stop_server
  echo "$report" | awk '/^Requests\/sec/ {print $2}'
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "# xblmock journal overhead  $(date -u +%FT%TZ)  java: $(java -version 2>&1 | head -n1)"
on=(); off=()
for round in $(seq 1 "$ROUNDS"); do
  on+=("$(run_config "journal on")")
  off+=("$(run_config "journal off" --xblmock.journal.capacity=0)")
  echo "round $round: journal on ${on[-1]} req/s, journal off ${off[-1]} req/s"
done
on_median=$(printf '%s\n' "${on[@]}" | median)
off_median=$(printf '%s\n' "${off[@]}" | median)
echo "median: journal on $on_median req/s, journal off $off_median req/s"
awk -v on="$on_median" -v off="$off_median" \
  'BEGIN {d = (off - on) / off * 100; printf "journal cost: %.1f%% (%s)\n", d, (d <= 5 ? "within 5%" : "OVER 5%")}'
