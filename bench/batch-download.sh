#!/usr/bin/env bash
# Batch download (issue 3): 1,000 users with a 64 KiB blob each, read back as one streamed multipart response
# of 100 and of 1,000 parts. Reports throughput (curl's size_download / time_total) and the server's heap
# growth during the response (peak used heap sampled by jstat every SAMPLE_MS, minus the used heap after a
# forced GC just before the request), so it shows whether memory scales with the batch.
# Server pinned to CPU 0 with -Xmx512m, curl and jstat to CPU 1.
# Usage: bench/batch-download.sh   (env: RUNS (default 10), WARMUP (default 10), SAMPLE_MS (default 10), JAVA_OPTS)
. "$(dirname "$0")/lib.sh"
require_tools curl taskset python3
command -v jstat >/dev/null && command -v jcmd >/dev/null || { echo "needs a JDK's jstat and jcmd on PATH" >&2; exit 1; }
RUNS=${RUNS:-10}
WARMUP=${WARMUP:-10}
SAMPLE_MS=${SAMPLE_MS:-10}
USERS=1000
SCID=BatchBench
JAVA_OPTS="-Xmx512m -Dxblmock.batch.max-xuids=$USERS ${JAVA_OPTS:-}"
start_server

WORK=$(mktemp -d)
trap 'stop_server; rm -rf "$WORK"' EXIT
head -c 65536 /dev/urandom >"$WORK/blob"

# seed: one curl process, keep-alive, 1,000 whole uploads; every one must answer 201
for i in $(seq 1 "$USERS"); do
  printf 'url = "%s/trustedplatform/users/xuid(%d)/scids/%s/data/b.bin,binary"\nupload-file = "%s"\nheader = "%s"\noutput = "/dev/null"\nwrite-out = "%%{http_code}\\n"\n' \
    "$BASE" "$i" "$SCID" "$WORK/blob" "$AUTH"
  [ "$i" = "$USERS" ] || echo next
done >"$WORK/seed.curl"
created=$(taskset -c "$LOAD_CPU" curl -s -K "$WORK/seed.curl" | grep -c '^201$' || true)
if [ "$created" != "$USERS" ]; then
  echo "seeding failed: $created of $USERS uploads answered 201 (is PUT {root}/data/{path},{type} available?)" >&2
  exit 1
fi

body_for() { python3 -c "import sys; n=int(sys.argv[1]); print('{\"xuids\":[' + ','.join(str(i) for i in range(1, n + 1)) + ']}')" "$1"; }
URL="$BASE/trustedplatform/users/batch/scids/$SCID/data/b.bin,binary"

# fetch FILE: one batch request; prints "bytes seconds"
fetch() {
  taskset -c "$LOAD_CPU" curl -s -o /dev/null -X POST -H "$AUTH" -H 'Content-Type: application/json' \
    --data-binary @"$1" -w '%{size_download} %{time_total}\n' "$URL"
}

# CPU time the server process has used, in clock ticks (utime + stime, all its threads)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat"; }
TICKS=$(getconf CLK_TCK)

# used heap in KiB: young + old occupancy from jstat -gc (S0U S1U EU OU)
used_kib() { jstat -gc "$SERVER_PID" | awk 'NR==2 { printf "%d\n", $3 + $4 + $6 + $8 }'; }

echo "# xblmock batch download benchmark  $(date -u +%FT%TZ)"
echo "java: $(java -version 2>&1 | head -n1); $(nproc) CPUs; server: $JAVA_OPTS, pinned to CPU $SERVER_CPU"
echo "seeded $USERS users x 64 KiB (trustedplatform, ${SCID}, b.bin,binary); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| entries | response bytes | median time (s) | median MB/s | min-max MB/s | server CPU per response (ms) | MB per server CPU-second | heap after GC (MiB) | peak heap during response (MiB) | growth (MiB) | young GCs during response | retained after response and GC (MiB) |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in 100 1000; do body_for "$n" >"$WORK/body-$n.json"; done
# warm the JIT up on both sizes before measuring either
for _ in $(seq 1 "$WARMUP"); do fetch "$WORK/body-1000.json" >/dev/null; fetch "$WORK/body-100.json" >/dev/null; done
for n in 100 1000; do
  : >"$WORK/times-$n"
  ticks_before=$(cpu_ticks)
  for _ in $(seq 1 "$RUNS"); do fetch "$WORK/body-$n.json" >>"$WORK/times-$n"; done
  cpu_ms=$(( ($(cpu_ticks) - ticks_before) * 1000 / TICKS / RUNS ))

  # one more run with the heap sampled while the response streams
  jcmd "$SERVER_PID" GC.run >/dev/null
  sleep 0.5
  base=$(used_kib)
  ygc_before=$(jstat -gc "$SERVER_PID" | awk 'NR==2 { print $13 }')
  taskset -c "$LOAD_CPU" jstat -gc "$SERVER_PID" "$SAMPLE_MS" >"$WORK/jstat-$n" &
  JSTAT_PID=$!
  sleep 1 # jstat's own start-up
  fetch "$WORK/body-$n.json" >>"$WORK/times-$n"
  sleep 0.2
  kill "$JSTAT_PID" 2>/dev/null || true; wait "$JSTAT_PID" 2>/dev/null || true
  ygc_after=$(jstat -gc "$SERVER_PID" | awk 'NR==2 { print $13 }')
  jcmd "$SERVER_PID" GC.run >/dev/null
  sleep 0.5
  retained=$(used_kib)
  peak=$(awk '$1 ~ /^[0-9.]+$/ { u = $3 + $4 + $6 + $8; if (u > max) max = u } END { printf "%d\n", max }' "$WORK/jstat-$n")

  python3 - "$n" "$WORK/times-$n" "$base" "$peak" "$((ygc_after - ygc_before))" "$cpu_ms" "$retained" <<'EOF'
import statistics, sys
n, path, base, peak, ygc, cpu_ms, retained = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], int(sys.argv[6]), int(sys.argv[7])
runs = [tuple(map(float, line.split())) for line in open(path) if line.strip()]
size = int(runs[0][0])
assert all(int(r[0]) == size for r in runs), "response sizes differ between runs"
rates = [r[0] / r[1] / 1e6 for r in runs]
times = [r[1] for r in runs]
print(f"| {n} | {size:,} | {statistics.median(times):.3f} | {statistics.median(rates):.0f} | "
      f"{min(rates):.0f}-{max(rates):.0f} | {cpu_ms} | {size / 1e6 / (cpu_ms / 1000):.0f} | {base / 1024:.1f} | {peak / 1024:.1f} | {(peak - base) / 1024:.1f} | {ygc} | {(retained - base) / 1024:+.1f} |")
EOF
done
echo
echo "MB = 10^6 bytes. $((RUNS + 1)) measured runs per size after $WARMUP warm-up runs of each; server CPU is averaged over"
echo "the first $RUNS of them (all server threads, JIT and GC included); heap sampled every ${SAMPLE_MS} ms by jstat"
echo "during the last run: growth = peak - heap after a forced GC just before it (garbage included, since no GC ran);"
echo "retained = heap after a forced GC just after it - that same baseline. Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
