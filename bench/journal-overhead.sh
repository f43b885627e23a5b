#!/usr/bin/env bash
# Cost of the request journal (issue 6): 1 KiB GETs per second with the journal at its default capacity
# (1000) against xblmock.journal.capacity=0. Both servers run side by side pinned to CPU 0 (only the one
# under load is busy), wrk is pinned to CPU 1 with 16 connections for DURATION (default 10s) per run. After
# a WARMUP run each (default 20s), the two alternate (A-B, B-A, ...) for ROUNDS rounds (default 5), so
# background load and JIT warm-up hit both alike; the medians are compared.
# Usage: bench/journal-overhead.sh   (env: DURATION, WARMUP, ROUNDS, JAVA_OPTS, OFF_ARGS)
. "$(dirname "$0")/lib.sh"
require_tools wrk curl taskset
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-20s}
ROUNDS=${ROUNDS:-5}
head -c 1024 /dev/urandom >/tmp/xblmock-bench-1k
BLOB="/global/scids/Bench/data/small.bin,binary"

start_server
ON_BASE=$BASE; ON_PID=$SERVER_PID
# OFF_ARGS=--xblmock.journal.capacity=1000 runs an A/A calibration: how far two identical servers differ
start_server ${OFF_ARGS:---xblmock.journal.capacity=0}
OFF_BASE=$BASE; OFF_PID=$SERVER_PID
trap 'kill "$ON_PID" "$OFF_PID" 2>/dev/null || true; wait 2>/dev/null || true' EXIT

for base in "$ON_BASE" "$OFF_BASE"; do
  curl -fs -X PUT -H "$AUTH" --data-binary @/tmp/xblmock-bench-1k "$base$BLOB" >/dev/null
  run_wrk "warm-up" "$WARMUP" 16 2 -H "$AUTH" "$base$BLOB" >/dev/null
done

TICK_US=$((1000000 / $(getconf CLK_TCK)))
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# measure LABEL BASE PID: prints wrk's report to stderr and "<requests/s> <server CPU µs per request>" to
# stdout. CPU time per request barely moves when other processes share the machine; requests/s does.
measure() {
  local report before after
  before=$(cpu_ticks "$3")
  report=$(run_wrk "$1" "$DURATION" 16 2 -H "$AUTH" "$2$BLOB")
  after=$(cpu_ticks "$3")
  echo "$report" >&2
  echo "$report" | awk -v ticks=$((after - before)) -v tick_us="$TICK_US" \
    '/requests in/ {n = $1} /^Requests\/sec/ {rps = $2} END {printf "%s %.1f\n", rps, ticks * tick_us / n}'
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "# xblmock journal overhead  $(date -u +%FT%TZ)  java: $(java -version 2>&1 | head -n1)"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
on=(); off=(); on_cpu=(); off_cpu=()
for round in $(seq 1 "$ROUNDS"); do
  # A-B then B-A: neither configuration always runs first
  if [ $((round % 2)) = 1 ]; then
    read -r rps cpu < <(measure "journal on (capacity 1000)" "$ON_BASE" "$ON_PID"); on+=("$rps"); on_cpu+=("$cpu")
    read -r rps cpu < <(measure "journal off (capacity 0)" "$OFF_BASE" "$OFF_PID"); off+=("$rps"); off_cpu+=("$cpu")
  else
    read -r rps cpu < <(measure "journal off (capacity 0)" "$OFF_BASE" "$OFF_PID"); off+=("$rps"); off_cpu+=("$cpu")
    read -r rps cpu < <(measure "journal on (capacity 1000)" "$ON_BASE" "$ON_PID"); on+=("$rps"); on_cpu+=("$cpu")
  fi
  echo "round $round: journal on ${on[-1]} req/s (${on_cpu[-1]} µs CPU/req), journal off ${off[-1]} req/s (${off_cpu[-1]} µs CPU/req)"
done
echo "journal entries kept by the 'on' server: $(curl -fs "$ON_BASE/_emulator/requests" | grep -o '"id"' | wc -l)"
echo "journal entries kept by the 'off' server: $(curl -fs "$OFF_BASE/_emulator/requests" | grep -o '"id"' | wc -l)"
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
on_median=$(printf '%s\n' "${on[@]}" | median)
off_median=$(printf '%s\n' "${off[@]}" | median)
on_cpu_median=$(printf '%s\n' "${on_cpu[@]}" | median)
off_cpu_median=$(printf '%s\n' "${off_cpu[@]}" | median)
echo "median: journal on $on_median req/s ($on_cpu_median µs CPU/req), journal off $off_median req/s ($off_cpu_median µs CPU/req)"
awk -v on="$on_median" -v off="$off_median" \
  'BEGIN {d = (off - on) / off * 100; printf "journal cost in requests/s: %.1f%% (%s)\n", d, (d <= 5 ? "within 5%" : "OVER 5%")}'
awk -v on="$on_cpu_median" -v off="$off_cpu_median" \
  'BEGIN {d = (on - off) / off * 100; printf "journal cost in server CPU per request: %.1f%% (%s)\n", d, (d <= 5 ? "within 5%" : "OVER 5%")}'
