#!/usr/bin/env bash
# Benchmark: POST /batch (contract version 1) asking 100 users x 2 scids x 10 stats, 16 connections for 10 s.
# Starts the built jar pinned to CPU 0, seeds the stats through the control plane, warms the JIT up, then
# drives the batch with wrk pinned to CPU 1 and prints requests/s, p50/p99 latency and errors.
#   build first:  ./mvnw -q -o package -DskipTests      needs: wrk (apt-get install -y wrk), curl, taskset
# Environment: PORT (18090), DURATION (10s), WARMUP (10s), CONNECTIONS (16).
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-18090}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-10s}
CONNECTIONS=${CONNECTIONS:-16}
BASE="http://127.0.0.1:${PORT}"
SCIDS=(7492baca-c1b4-440d-a391-b7ef364a8d40 00000000-0000-0000-0000-000066591171)
FIRST_XUID=2533274792693551

JAR=$(ls target/xblmock-*.jar 2>/dev/null | grep -v '\.original$' | head -n 1 || true)
[ -n "$JAR" ] || { echo "no target/xblmock-*.jar: run ./mvnw -q -o package -DskipTests first" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

WORK=$(mktemp -d)
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

taskset -c 0 java ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --logging.level.root=WARN >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do
  curl -sf "$BASE/_emulator/health" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
  sleep 0.5
done
curl -sf "$BASE/_emulator/health" >/dev/null || { echo "server did not become healthy" >&2; exit 1; }

# Seed 100 users x 2 scids x 10 stats through the control plane.
users=()
for u in $(seq 0 99); do
  xuid=$((FIRST_XUID + u))
  users+=("\"$xuid\"")
  for scid in "${SCIDS[@]}"; do
    stats=""
    for s in $(seq 0 9); do
      stats+="${stats:+,}\"Stat0${s}\":{\"type\":\"Integer\",\"value\":\"$(( (u * 37 + s * 1009) % 100000 ))\"}"
    done
    curl -sf -o /dev/null -X PUT -H 'Content-Type: application/json' \
      -d "{\"gamertag\":\"Player${u}\",\"stats\":{${stats}}}" "$BASE/_emulator/stats/users/${xuid}/scids/${scid}"
  done
done

names='"Stat00","Stat01","Stat02","Stat03","Stat04","Stat05","Stat06","Stat07","Stat08","Stat09"'
user_list=$(IFS=,; echo "${users[*]}")
printf '{"requestedusers":[%s],"requestedscids":[{"scid":"%s","requestedstats":[%s]},{"scid":"%s","requestedstats":[%s]}]}' \
  "$user_list" "${SCIDS[0]}" "$names" "${SCIDS[1]}" "$names" >"$WORK/body.json"
export BATCH_BODY_FILE="$WORK/body.json"

# One checked request: 200 and 2,000 stats in the answer.
status=$(curl -s -o "$WORK/answer.json" -w '%{http_code}' -H 'Authorization: XBL3.0 x=;' \
  -H 'x-xbl-contract-version: 1' --data-binary @"$WORK/body.json" "$BASE/batch?operation=read")
stat_count=$(grep -o '"statname"' "$WORK/answer.json" | wc -l)
[ "$status" = 200 ] && [ "$stat_count" = 2000 ] || { echo "bad answer: HTTP $status, $stat_count stats" >&2; exit 1; }
echo "request: $(wc -c <"$WORK/body.json") bytes; response: $(wc -c <"$WORK/answer.json") bytes, $stat_count stats"

taskset -c 1 wrk -t1 -c"$CONNECTIONS" -d"$WARMUP" -s bench/stats-batch.lua "$BASE/batch?operation=read" >/dev/null
cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }
ticks_before=$(cpu_ticks)
taskset -c 1 wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/stats-batch.lua "$BASE/batch?operation=read" \
  | tee "$WORK/wrk.txt"

ticks_after=$(cpu_ticks)
rps=$(awk '/^Requests\/sec/ {print $2}' "$WORK/wrk.txt")
p50=$(awk '$1 == "50%" {print $2}' "$WORK/wrk.txt")
p99=$(awk '$1 == "99%" {print $2}' "$WORK/wrk.txt")
non2xx=$(awk '/Non-2xx/ {print $NF}' "$WORK/wrk.txt")
socket=$(awk '/Socket errors/ {print $0}' "$WORK/wrk.txt")
requests=$(awk '/requests in/ {print $1}' "$WORK/wrk.txt")
# CPU the server used per request (all its threads: HTTP, JIT, GC): comparable even when the machine is busy.
cpu_us=$(awk -v t=$((ticks_after - ticks_before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" \
  'BEGIN { printf "%.0f", t * 1000000 / hz / n }')
echo
echo "server CPU per request: ${cpu_us} us (one dedicated core would serve about $((1000000 / cpu_us)) requests/s)"
echo "RESULT requests/s=${rps} p50=${p50} p99=${p99} non-2xx=${non2xx:-0} ${socket:-socket errors: none}"
