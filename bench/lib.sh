# Shared helpers for the benchmark scripts: build the jar once, start a pinned server, wait for health, stop it.
# Source it from a bench script: . "$(dirname "$0")/lib.sh"
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
AUTH='Authorization: XBL3.0 x=;'
SERVER_CPU=${SERVER_CPU:-0}
LOAD_CPU=${LOAD_CPU:-1}

require_tools() {
  for tool in "$@"; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "installing $tool" >&2
      apt-get install -y -qq "$tool" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$tool" >/dev/null; }
    fi
  done
}

# build_jar: JAR as given (another build's jar, for an A/B), else this checkout's jar, built if missing or REBUILD=1
build_jar() {
  if [ -n "${JAR:-}" ]; then return 0; fi
  JAR=$(ls "$ROOT"/target/xblmock-*-exec.jar "$ROOT"/target/xblmock-*[0-9T].jar 2>/dev/null | head -n 1 || true)
  if [ -z "${JAR}" ] || [ "${REBUILD:-0}" = 1 ]; then
    (cd "$ROOT" && ./mvnw -B -q -ntp package -DskipTests)
    JAR=$(ls "$ROOT"/target/xblmock-*-exec.jar "$ROOT"/target/xblmock-*[0-9T].jar 2>/dev/null | head -n 1 || true)
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# start_server [extra args...]: starts the jar pinned to SERVER_CPU; sets PORT, BASE, SERVER_PID
start_server() {
  build_jar
  PORT=$(free_port)
  BASE="http://127.0.0.1:$PORT"
  SERVER_LOG=$(mktemp)
  taskset -c "$SERVER_CPU" java ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --logging.level.root=WARN "$@" \
    >"$SERVER_LOG" 2>&1 &
  SERVER_PID=$!
  trap stop_server EXIT
  for _ in $(seq 1 300); do
    if curl -fs "$BASE/_emulator/health" >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  echo "server did not become healthy; log:" >&2; cat "$SERVER_LOG" >&2; exit 1
}

stop_server() {
  if [ -n "${SERVER_PID:-}" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  SERVER_PID=
}

rss_kib() { ps -o rss= -p "$1" | tr -d ' '; }

# run_wrk NAME DURATION CONNECTIONS THREADS [wrk args...]: runs wrk pinned to LOAD_CPU, prints its report
# and the server's CPU time per request during the run (all its threads, GC and JIT included): on a shared machine
# requests per second follow the CPU share the server happens to get, CPU per request much less so
run_wrk() {
  local name=$1 duration=$2 connections=$3 threads=$4; shift 4
  local before report requests
  echo "## $name (${connections} connections, ${duration})"
  before=$(cpu_ticks)
  report=$(taskset -c "$LOAD_CPU" wrk -t"$threads" -c"$connections" -d"$duration" --timeout 5s --latency "$@")
  echo "$report"
  requests=$(echo "$report" | awk '/requests in/{print $1}')
  echo "server CPU per request: $(( ($(cpu_ticks) - before) * 1000000 / $(getconf CLK_TCK) / (requests > 0 ? requests : 1) )) us"
}

# CPU time (user + system) of SERVER_PID so far, in clock ticks
cpu_ticks() { awk '{print $14 + $15}' /proc/"$SERVER_PID"/stat; }

# JIT compiler threads' CPU time of SERVER_PID so far, in clock ticks
jit_ticks() {
  local t sum=0
  for t in /proc/"$SERVER_PID"/task/*; do
    if grep -q 'CompilerThre' "$t/comm" 2>/dev/null; then sum=$((sum + $(awk '{print $14 + $15}' "$t/stat"))); fi
  done
  echo "$sum"
}

# warm_up CONNECTIONS THREADS [wrk args...]: drives the load in WARMUP_SLICE runs (default 5 s) until the JIT is done
# with it: two slices in a row in which the compiler threads used under 5 % of a core, after MIN_WARMUP_SLICES
# (default 4), at most MAX_WARMUP_SLICES (default 24, two minutes). On one pinned core C2 needs 30-40 s for
# Tomcat + Spring MVC and takes up to a third of the core meanwhile: a 5 s warm-up measures the compiler.
warm_up() {
  local connections=$1 threads=$2; shift 2
  local slice=${WARMUP_SLICE:-5} quiet=0 n=0 before rate trace=""
  local hz; hz=$(getconf CLK_TCK)
  while [ "$n" -lt "${MAX_WARMUP_SLICES:-24}" ]; do
    before=$(jit_ticks)
    rate=$(taskset -c "$LOAD_CPU" wrk -t"$threads" -c"$connections" -d"${slice}s" --timeout 5s "$@" \
      | awk '/Requests\/sec/{printf "%d", $2}')
    n=$((n + 1))
    trace+="${trace:+ }${rate}"
    if [ $(( ($(jit_ticks) - before) * 100 )) -lt $((hz * slice * 5)) ]; then quiet=$((quiet + 1)); else quiet=0; fi
    if [ "$quiet" -ge 2 ] && [ "$n" -ge "${MIN_WARMUP_SLICES:-4}" ]; then break; fi
  done
  if [ "$quiet" -ge 2 ]; then echo "## warm-up: $((n * slice)) s until the JIT was quiet; req/s per ${slice} s slice: $trace"
  else echo "## warm-up: stopped after $((n * slice)) s, the JIT still compiling; req/s per ${slice} s slice: $trace"; fi
}
