#!/usr/bin/env bash
# Cost of the request journal (issue 6): 1 KiB GETs per second with the journal at its default capacity
# (1000) against xblmock.journal.capacity=0. Both servers run side by side pinned to CPU 0 (only the one
# under load is busy), wrk is pinned to CPU 1 with 16 connections for DURATION (default 10s) per run. After
# a WARMUP run each (default 20s), the two alternate (A-B, B-A, ...) for ROUNDS rounds (default 5), so
# background load and JIT warm-up hit both alike; the medians are compared.
# Usage: bench/journal-overhead.sh   (env: DURATION, WARMUP, ROUNDS, JAVA_OPTS)
. "$(dirname "$0")/lib.sh"
require_tools wrk curl taskset
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-20s}
ROUNDS=${ROUNDS:-5}
head -c 1024 /dev/urandom >/tmp/xblmock-bench-1k
BLOB="/global/scids/Bench/data/small.bin,binary"

start_server
ON_BASE=$BASE; ON_PID=$SERVER_PID
start_server --xblmock.journal.capacity=0
OFF_BASE=$BASE; OFF_PID=$SERVER_PID
trap 'kill "$ON_PID" "$OFF_PID" 2>/dev/null || true; wait 2>/dev/null || true' EXIT

for base in "$ON_BASE" "$OFF_BASE"; do
  curl -fs -X PUT -H "$AUTH" --data-binary @/tmp/xblmock-bench-1k "$base$BLOB" >/dev/null
  run_wrk "warm-up" "$WARMUP" 16 2 -H "$AUTH" "$base$BLOB" >/dev/null
done

# measure LABEL BASE: prints wrk's report to stderr and the requests/s to stdout
measure() {
  local report
  report=$(run_wrk "$1" "$DURATION" 16 2 -H "$AUTH" "$2$BLOB")
  echo "$report" >&2
  echo "$report" | awk '/^Requests\/sec/ {print $2}'
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "# xblmock journal overhead  $(date -u +%FT%TZ)  java: $(java -version 2>&1 | head -n1)"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
on=(); off=()
for round in $(seq 1 "$ROUNDS"); do
  # A-B then B-A: neither configuration always runs first
  if [ $((round % 2)) = 1 ]; then
    on+=("$(measure "journal on (capacity 1000)" "$ON_BASE")")
    off+=("$(measure "journal off (capacity 0)" "$OFF_BASE")")
  else
    off+=("$(measure "journal off (capacity 0)" "$OFF_BASE")")
    on+=("$(measure "journal on (capacity 1000)" "$ON_BASE")")
  fi
  echo "round $round: journal on ${on[-1]} req/s, journal off ${off[-1]} req/s"
done
echo "journal entries kept by the 'on' server: $(curl -fs "$ON_BASE/_emulator/requests" | grep -o '"id"' | wc -l)"
echo "journal entries kept by the 'off' server: $(curl -fs "$OFF_BASE/_emulator/requests" | grep -o '"id"' | wc -l)"
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
on_median=$(printf '%s\n' "${on[@]}" | median)
off_median=$(printf '%s\n' "${off[@]}" | median)
echo "median: journal on $on_median req/s, journal off $off_median req/s"
awk -v on="$on_median" -v off="$off_median" \
  'BEGIN {d = (off - on) / off * 100; printf "journal cost: %.1f%% (%s)\n", d, (d <= 5 ? "within 5%" : "OVER 5%")}'
