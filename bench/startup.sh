#!/usr/bin/env bash
# Startup and footprint (the "ship it" issue): time from process/container start to the first 200 of
# GET /_emulator/health and the idle RSS after it, for `java -jar` and for the Docker image (`docker run`,
# --memory 256m, image defaults), median of RUNS runs each; then a bounded load run against the container
# (1 KiB GETs, wrk 16 connections, DURATION after a WARMUP run, container pinned to SERVER_CPU and wrk to
# LOAD_CPU) that must end with zero errors and the container alive.
# Usage: bench/startup.sh   (env: RUNS=5, IDLE=5 seconds, DURATION=10s, WARMUP=5s, JRE_IMAGE, IMAGE_JAVA_OPTS
# to replace the image's JAVA_OPTS, JAR_JAVA_OPTS for the java -jar runs, SKIP_JAR=1 / SKIP_DOCKER=1 / SKIP_LOAD=1)
. "$(dirname "$0")/lib.sh"
. "$ROOT/docker/lib.sh"
require_tools wrk curl taskset python3
RUNS=${RUNS:-5}
IDLE=${IDLE:-5}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-5s}
IMAGE=xblmock-bench:$$
CONTAINER=
SERVER_PID=

cleanup() {
  set +e
  stop_server
  [ -n "$CONTAINER" ] && docker rm -f -v "$CONTAINER" >/dev/null 2>&1
  docker rmi "$IMAGE" >/dev/null 2>&1
  stop_started_dockerd
}
trap cleanup EXIT

now_ns() { date +%s%N; }

# wait_health PORT START_NS: prints the ms from START_NS to the first 200 of /_emulator/health, polling every
# 10 ms for 60 s at most from one Python process (a curl per poll would steal CPU from the starting JVM)
wait_health() {
  python3 - "$1" "$2" <<'PY'
import socket, sys, time
port, start_ns, deadline = int(sys.argv[1]), int(sys.argv[2]), time.time() + 60
request = b"GET /_emulator/health HTTP/1.0\r\nHost: localhost\r\n\r\n"
while time.time() < deadline:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
            s.sendall(request)
            if s.recv(64).split(b" ")[1:2] == [b"200"]:
                print((time.time_ns() - start_ns) // 1_000_000)
                sys.exit(0)
    except OSError:
        pass
    time.sleep(0.01)
sys.exit("no 200 from port %d within 60 s" % port)
PY
}

median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
# "ready in N s" (Spring Boot's part of the start) from xblmock's startup summary line, when the log has it
ready_seconds() { grep -o 'ready in [0-9.]*' | head -n 1 | awk '{print $3}' || true; }
cgroup_peak_mib() {
  local id f
  id=$(docker inspect -f '{{.Id}}' "$1")
  for f in "/sys/fs/cgroup/memory/docker/$id/memory.max_usage_in_bytes" \
           "/sys/fs/cgroup/system.slice/docker-$id.scope/memory.peak"; do
    if [ -r "$f" ]; then echo $(($(cat "$f") / 1048576)); return; fi
  done
  echo n/a
}

build_jar
echo "# xblmock startup benchmark  $(date -u +%FT%TZ)  $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "jar: ${JAR#"$ROOT"/}, host java: $(java -version 2>&1 | head -n 1)${JAR_JAVA_OPTS:+, options: $JAR_JAVA_OPTS}"

if [ "${SKIP_JAR:-0}" != 1 ]; then
  times=() rss=()
  for run in $(seq 1 "$RUNS"); do
    PORT=$(free_port)
    SERVER_LOG=$(mktemp)
    start=$(now_ns)
    # shellcheck disable=SC2086 # JAR_JAVA_OPTS holds several options
    java ${JAR_JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" >"$SERVER_LOG" 2>&1 &
    SERVER_PID=$!
    ms=$(wait_health "$PORT" "$start")
    sleep "$IDLE"
    kib=$(rss_kib "$SERVER_PID")
    echo "java -jar run $run: first 200 after $ms ms (ready in $(ready_seconds <"$SERVER_LOG") s), idle RSS $((kib / 1024)) MiB"
    times+=("$ms") rss+=("$((kib / 1024))")
    stop_server
    rm -f "$SERVER_LOG"
  done
  echo "java -jar: median first 200 $(median "${times[@]}") ms, median idle RSS $(median "${rss[@]}") MiB"
fi
[ "${SKIP_DOCKER:-0}" = 1 ] && exit 0

# the image is built after the java -jar runs, so its build does not slow them down
ensure_docker_engine
resolve_jre_image
build_xblmock_image "$IMAGE"
IMAGE_ENV=()
[ -z "${IMAGE_JAVA_OPTS:-}" ] || IMAGE_ENV=(-e "JAVA_OPTS=$IMAGE_JAVA_OPTS")
echo "image: $IMAGE on $JRE_IMAGE, JAVA_OPTS: $(docker inspect -f '{{range .Config.Env}}{{println .}}{{end}}' "$IMAGE" | sed -n 's/^JAVA_OPTS=//p')${IMAGE_JAVA_OPTS:+ replaced by: $IMAGE_JAVA_OPTS}"

times=() rss=()
for run in $(seq 1 "$RUNS"); do
  PORT=$(free_port)
  CONTAINER=xblmock-bench-$$-$run
  start=$(now_ns)
  docker run -d --name "$CONTAINER" --network host --memory 256m -e SERVER_PORT="$PORT" "${IMAGE_ENV[@]}" "$IMAGE" >/dev/null
  ms=$(wait_health "$PORT" "$start")
  sleep "$IDLE"
  kib=$(rss_kib "$(container_pid "$CONTAINER")")
  usage=$(docker stats --no-stream --format '{{.MemUsage}}' "$CONTAINER" | cut -d/ -f1 | tr -d ' ')
  echo "docker run $run: first 200 after $ms ms (ready in $(docker logs "$CONTAINER" 2>&1 | ready_seconds) s), idle RSS $((kib / 1024)) MiB, cgroup usage $usage"
  times+=("$ms") rss+=("$((kib / 1024))")
  docker rm -f -v "$CONTAINER" >/dev/null
  CONTAINER=
done
echo "docker run: median first 200 $(median "${times[@]}") ms, median idle RSS $(median "${rss[@]}") MiB"
overhead=()
for _ in 1 2 3; do
  start=$(now_ns); docker run --rm --network host --entrypoint true "$IMAGE"; overhead+=($((($(now_ns) - start) / 1000000)))
done
echo "docker run --rm --entrypoint true (container create, start, exit, remove): median $(median "${overhead[@]}") ms"
echo "load average after the startup runs: $(cut -d' ' -f1-3 /proc/loadavg)"

[ "${SKIP_LOAD:-0}" = 1 ] && exit 0
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
CONTAINER=xblmock-bench-$$-load
docker run -d --name "$CONTAINER" --network host --memory 256m --cpuset-cpus "$SERVER_CPU" -e SERVER_PORT="$PORT" \
  "${IMAGE_ENV[@]}" "$IMAGE" >/dev/null
wait_health "$PORT" "$(now_ns)" >/dev/null
small="$BASE/global/scids/Bench/data/small.bin,binary"
head -c 1024 /dev/urandom >/tmp/xblmock-bench-1k
curl -fs -X PUT -H "$AUTH" --data-binary @/tmp/xblmock-bench-1k "$small" >/dev/null
run_wrk "warm-up" "$WARMUP" 16 2 -H "$AUTH" "$small" >/dev/null
report=$(run_wrk "1 KiB GET, container --memory 256m --cpuset-cpus $SERVER_CPU" "$DURATION" 16 2 -H "$AUTH" "$small")
echo "$report"
echo "load average after the load run: $(cut -d' ' -f1-3 /proc/loadavg)"
state=$(docker inspect -f '{{.State.Status}} OOMKilled={{.State.OOMKilled}}' "$CONTAINER")
echo "container after the load: $state, RSS $(($(rss_kib "$(container_pid "$CONTAINER")") / 1024)) MiB, cgroup peak $(cgroup_peak_mib "$CONTAINER") MiB of 256"
errors=$(grep -E 'Non-2xx|Socket errors' <<<"$report" || true)
if [ "$state" = "running OOMKilled=false" ] && [ -z "$errors" ]; then
  echo "load: PASS (no errors, container alive)"
else
  echo "load: FAIL ${errors:-container $state}"
  exit 1
fi
