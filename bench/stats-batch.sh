#!/usr/bin/env bash
# User Statistics hot path (issue 4): POST /batch with contract version 1 asking 100 users x 2 scids x 10
# stats (a 2 KiB request, a 123 KiB answer), 16 connections for DURATION (default 10s) after a warm-up that lasts
# until the JIT is quiet (warm_up in lib.sh).
# The server (the built jar, pinned to CPU 0) is seeded through the control plane; wrk runs on CPU 1.
# Prints requests/s, p50/p99 latency, errors, and the server CPU time per request, which stays comparable
# when other processes share the machine.   Usage: bench/stats-batch.sh   (env: DURATION, JAVA_OPTS, WARMUP_SLICE, MAX_WARMUP_SLICES)
. "$(dirname "$0")/lib.sh"
require_tools wrk curl taskset
DURATION=${DURATION:-10s}
SCIDS=(7492baca-c1b4-440d-a391-b7ef364a8d40 00000000-0000-0000-0000-000066591171)
FIRST_XUID=2533274792693551
start_server
WORK=$(mktemp -d)

# 100 users x 2 scids x 10 Integer stats, written through the control plane
users=()
for u in $(seq 0 99); do
  xuid=$((FIRST_XUID + u))
  users+=("\"$xuid\"")
  for scid in "${SCIDS[@]}"; do
    stats=""
    for s in $(seq 0 9); do
      stats+="${stats:+,}\"Stat0${s}\":{\"type\":\"Integer\",\"value\":\"$(( (u * 37 + s * 1009) % 100000 ))\"}"
    done
    curl -fs -o /dev/null -X PUT -d "{\"gamertag\":\"Player${u}\",\"stats\":{${stats}}}" \
      "$BASE/_emulator/stats/users/${xuid}/scids/${scid}"
  done
done

names='"Stat00","Stat01","Stat02","Stat03","Stat04","Stat05","Stat06","Stat07","Stat08","Stat09"'
printf '{"requestedusers":[%s],"requestedscids":[{"scid":"%s","requestedstats":[%s]},{"scid":"%s","requestedstats":[%s]}]}' \
  "$(IFS=,; echo "${users[*]}")" "${SCIDS[0]}" "$names" "${SCIDS[1]}" "$names" >"$WORK/body.json"
export BATCH_BODY_FILE="$WORK/body.json"
URL="$BASE/batch?operation=read"

# one checked request: 200 with all 2,000 stats
status=$(curl -s -o "$WORK/answer.json" -w '%{http_code}' -H "$AUTH" -H 'x-xbl-contract-version: 1' \
  --data-binary @"$WORK/body.json" "$URL")
stat_count=$(grep -o '"statname"' "$WORK/answer.json" | wc -l)
if [ "$status" != 200 ] || [ "$stat_count" != 2000 ]; then echo "bad answer: HTTP $status, $stat_count stats" >&2; exit 1; fi

echo "# xblmock User Statistics batch benchmark  $(date -u +%FT%TZ)  java: $(java -version 2>&1 | head -n1)"
echo "request $(wc -c <"$WORK/body.json") bytes, answer $(wc -c <"$WORK/answer.json") bytes ($stat_count stats)"
warm_up 16 1 -s "$ROOT/bench/wrk/stats-batch.lua" "$URL"
cpu_ticks() { awk '{print $14, $15}' "/proc/$SERVER_PID/stat"; } # user and system clock ticks
read -r user_before sys_before < <(cpu_ticks)
run_wrk "POST /batch, 100 users x 2 scids x 10 stats" "$DURATION" 16 1 -s "$ROOT/bench/wrk/stats-batch.lua" "$URL" \
  | tee "$WORK/wrk.txt"
read -r user_after sys_after < <(cpu_ticks)

requests=$(awk '/requests in/ {print $1}' "$WORK/wrk.txt")
per_request() { awk -v t="$1" -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN { printf "%.0f", t * 1000000 / hz / n }'; }
echo "server CPU per request: $(per_request $((user_after + sys_after - user_before - sys_before))) us" \
  "(user $(per_request $((user_after - user_before))) us, system $(per_request $((sys_after - sys_before))) us;" \
  "all server threads: HTTP, JIT, GC)"
echo "RESULT requests/s=$(awk '/^Requests\/sec/ {print $2}' "$WORK/wrk.txt")" \
  "p50=$(awk '$1 == "50%" {print $2}' "$WORK/wrk.txt") p99=$(awk '$1 == "99%" {print $2}' "$WORK/wrk.txt")" \
  "non-2xx=$(awk '/Non-2xx/ {print $NF}' "$WORK/wrk.txt" | grep . || echo 0)" \
  "socket-errors=$(awk '/Socket errors/ {print $0}' "$WORK/wrk.txt" | grep . || echo none)"
rm -rf "$WORK"
