#!/usr/bin/env bash
# Startup and footprint, xblmock beside WireMock in the same run (issue 17). Each section runs RUNS times,
# alternating the two where both take part, and prints each run and the medians:
#   jar       `java -jar` (default JVM flags) to the first 200 and the idle RSS after it: xblmock's exec jar
#             (GET /_emulator/health) and WireMock's standalone jar (GET /__admin/health)
#   inprocess in a fresh JVM: the first XblMock / new WireMockServer().start(), then a new configuration or
#             server in the same JVM, then (xblmock) the lease of a running shared server, what the second and
#             later test classes of a configuration pay (bench/inprocess/*.java)
#   run       `./mvnw spring-boot:run` (the pom's dev-server JVM flags) to its ready line, beside `java -jar`
#   docker    `docker run` to the first 200 and idle RSS, on a Java 17 base (AppCDS) and a Java 25 base (AOT cache)
#   load      a bounded load run against the Java 17 container (1 KiB GETs, wrk 16 connections, DURATION after
#             a WARMUP run, container pinned to SERVER_CPU and wrk to LOAD_CPU): zero errors, container alive
# The load average is printed with every run: on a shared machine compare ratios within one run only.
# Usage: bench/startup.sh   (env: RUNS=5, IDLE=5 seconds, DURATION=10s, WARMUP=5s, WIREMOCK_VERSION=3.13.2,
# JRE_IMAGE / JRE25_IMAGE, IMAGE_JAVA_OPTS to replace the image's JAVA_OPTS, JAR_JAVA_OPTS for the java -jar
# runs, SKIP_JAR=1 / SKIP_INPROCESS=1 / SKIP_RUN=1 / SKIP_DOCKER=1 / SKIP_LOAD=1)
. "$(dirname "$0")/lib.sh"
. "$ROOT/docker/lib.sh"
require_tools wrk curl taskset python3
RUNS=${RUNS:-5}
IDLE=${IDLE:-5}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-5s}
WIREMOCK_VERSION=${WIREMOCK_VERSION:-3.13.2}
IMAGES=()
CONTAINER=
SERVER_PID=
WORK=$ROOT/target/bench-startup

cleanup() {
  set +e
  stop_server
  [ -n "$CONTAINER" ] && docker rm -f -v "$CONTAINER" >/dev/null 2>&1
  for image in "${IMAGES[@]}"; do docker rmi "$image" >/dev/null 2>&1; done
  stop_started_dockerd
}
trap cleanup EXIT

now_ns() { date +%s%N; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

# wait_http PORT PATH START_NS: prints the ms from START_NS to the first 200 of PATH, polling every 10 ms for
# 120 s at most from one Python process (a curl per poll would steal CPU from the starting JVM)
wait_http() {
  python3 - "$1" "$2" "$3" <<'PY'
import socket, sys, time
port, path, start_ns, deadline = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), time.time() + 120
request = ("GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n" % path).encode()
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
sys.exit("no 200 from port %d within 120 s" % port)
PY
}
wait_health() { wait_http "$1" /_emulator/health "$2"; }

median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
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

# WireMock from the Maven repository (never committed): the standalone jar serves both the process and the
# in-process runs
wiremock_jar() {
  WIREMOCK_JAR=$HOME/.m2/repository/org/wiremock/wiremock-standalone/$WIREMOCK_VERSION/wiremock-standalone-$WIREMOCK_VERSION.jar
  [ -s "$WIREMOCK_JAR" ] || (cd "$ROOT" && ./mvnw -B -q -ntp dependency:get \
    -Dartifact="org.wiremock:wiremock-standalone:$WIREMOCK_VERSION" -Dtransitive=false >/dev/null)
  [ -s "$WIREMOCK_JAR" ] || { echo "cannot resolve wiremock-standalone $WIREMOCK_VERSION" >&2; exit 1; }
}

# jar_run NAME PATH CMD...: one process start to the first 200 of PATH on $PORT; appends to T_<NAME>, R_<NAME>
jar_run() {
  local name=$1 path=$2 start ms kib log; shift 2
  log=$(mktemp)
  start=$(now_ns)
  "$@" >"$log" 2>&1 &
  SERVER_PID=$!
  ms=$(wait_http "$PORT" "$path" "$start")
  sleep "$IDLE"
  kib=$(rss_kib "$SERVER_PID")
  echo "$name run $run: first 200 after $ms ms$(r=$(ready_seconds <"$log"); [ -n "$r" ] && echo " (ready in $r s)"), idle RSS $((kib / 1024)) MiB, load $(load)"
  eval "T_$name+=($ms) R_$name+=($((kib / 1024)))"
  stop_server
  rm -f "$log"
}

build_jar
echo "# xblmock startup benchmark  $(date -u +%FT%TZ)  $(nproc) cores, load average $(load)"
echo "jar: ${JAR#"$ROOT"/}, host java: $(java -version 2>&1 | head -n 1)${JAR_JAVA_OPTS:+, options: $JAR_JAVA_OPTS}"
wiremock_jar
echo "WireMock: wiremock-standalone $WIREMOCK_VERSION"

if [ "${SKIP_JAR:-0}" != 1 ]; then
  T_xblmock=() R_xblmock=() T_wiremock=() R_wiremock=()
  for run in $(seq 1 "$RUNS"); do
    PORT=$(free_port)
    # shellcheck disable=SC2086 # JAR_JAVA_OPTS holds several options
    jar_run xblmock /_emulator/health java ${JAR_JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT"
    PORT=$(free_port)
    # shellcheck disable=SC2086
    jar_run wiremock /__admin/health java ${JAR_JAVA_OPTS:-} -jar "$WIREMOCK_JAR" --port "$PORT" --bind-address 127.0.0.1 --disable-banner
  done
  mx=$(median "${T_xblmock[@]}") mw=$(median "${T_wiremock[@]}")
  echo "java -jar: xblmock median first 200 $mx ms, idle RSS $(median "${R_xblmock[@]}") MiB; WireMock $mw ms, $(median "${R_wiremock[@]}") MiB; xblmock/WireMock $(ratio "$mx" "$mw")"
fi

if [ "${SKIP_INPROCESS:-0}" != 1 ]; then
  mkdir -p "$WORK/classes"
  (cd "$ROOT" && ./mvnw -B -q -ntp dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" -Dmdep.includeScope=runtime >/dev/null)
  LIB_JAR=
  for jar in "$ROOT"/target/xblmock-*.jar; do
    case $jar in *-exec.jar) ;; *) LIB_JAR=$jar; break ;; esac
  done
  XBL_CP=$LIB_JAR:$(cat "$WORK/classpath.txt")
  javac -d "$WORK/classes" -cp "$XBL_CP:$WIREMOCK_JAR" "$ROOT"/bench/inprocess/*.java
  first_x=() new_x=() shared_x=() first_w=() new_w=()
  for run in $(seq 1 "$RUNS"); do
    out=$(java -cp "$WORK/classes:$XBL_CP" XblMockStartup 5 2>/dev/null)
    first_x+=("$(awk '$1 == "first" {print $2}' <<<"$out")")
    new_x+=("$(awk '$1 == "new-configuration" {print $2}' <<<"$out")")
    mapfile -t -O "${#shared_x[@]}" shared_x < <(awk '$1 == "shared" {print $2}' <<<"$out")
    echo "in-process xblmock run $run: first ${first_x[-1]} ms, new configuration ${new_x[-1]} ms, shared server leases $(awk '$1 == "shared" {printf "%s ", $2}' <<<"$out")ms, load $(load)"
    out=$(java -cp "$WORK/classes:$WIREMOCK_JAR" WireMockStartup 5 2>/dev/null)
    first_w+=("$(awk '$1 == "first" {print $2}' <<<"$out")")
    mapfile -t -O "${#new_w[@]}" new_w < <(awk '$1 == "new-server" {print $2}' <<<"$out")
    echo "in-process WireMock run $run: first ${first_w[-1]} ms, further servers $(awk '$1 == "new-server" {printf "%s ", $2}' <<<"$out")ms, load $(load)"
  done
  echo "in-process: first start xblmock $(median "${first_x[@]}") ms, WireMock $(median "${first_w[@]}") ms, xblmock/WireMock $(ratio "$(median "${first_x[@]}")" "$(median "${first_w[@]}")")"
  echo "in-process: new configuration (xblmock) $(median "${new_x[@]}") ms, new server (WireMock) $(median "${new_w[@]}") ms"
  echo "in-process: next test class of a configuration (xblmock shared server) median $(median "${shared_x[@]}") ms, max $(printf '%s\n' "${shared_x[@]}" | sort -n | tail -n 1) ms of ${#shared_x[@]}"
fi

if [ "${SKIP_RUN:-0}" != 1 ]; then
  # spring-boot:run as the README has it, beside java -jar: wall time from the command to the ready line
  ready_line_ms() { # CMD...: ms from launch to xblmock's ready line; prints "ms ready-in"
    local log start pid ms
    log=$(mktemp)
    start=$(now_ns)
    setsid "$@" >"$log" 2>&1 &
    pid=$!
    for _ in $(seq 1 1200); do grep -q 'ready in' "$log" && break; sleep 0.1; done
    ms=$((($(now_ns) - start) / 1000000))
    echo "$ms $(ready_seconds <"$log")"
    kill -- -"$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -f "$log"
  }
  W_jar=() W_run=()
  for run in $(seq 1 "$RUNS"); do
    read -r ms ready < <(ready_line_ms java -jar "$JAR" --server.port="$(free_port)")
    W_jar+=("$ms"); echo "ready line, java -jar run $run: $ms ms (ready in $ready s), load $(load)"
    read -r ms ready < <(cd "$ROOT" && ready_line_ms ./mvnw -q -ntp spring-boot:run -Dspring-boot.run.arguments=--server.port="$(free_port)")
    W_run+=("$ms"); echo "ready line, ./mvnw spring-boot:run run $run: $ms ms (ready in $ready s), load $(load)"
  done
  echo "ready line: java -jar median $(median "${W_jar[@]}") ms, ./mvnw spring-boot:run median $(median "${W_run[@]}") ms, ratio $(ratio "$(median "${W_run[@]}")" "$(median "${W_jar[@]}")")"
fi
[ "${SKIP_DOCKER:-0}" = 1 ] && exit 0

# the images are built after the other runs, so their builds do not slow those down
ensure_docker_engine
IMAGE_ENV=()
[ -z "${IMAGE_JAVA_OPTS:-}" ] || IMAGE_ENV=(-e "JAVA_OPTS=$IMAGE_JAVA_OPTS")
JRE17_IMAGE=${JRE_IMAGE:-}
for release in 17 25; do
  image=xblmock-bench:$$-java$release
  if [ "$release" = 25 ]; then JRE_IMAGE=${JRE25_IMAGE:-}; else JRE_IMAGE=$JRE17_IMAGE; fi
  resolve_jre_image "$release"
  build_xblmock_image "$image"
  IMAGES+=("$image")
  [ "$release" = 17 ] && IMAGE=$image
  echo "image: $image on its Java $release base, JAVA_OPTS: $(docker inspect -f '{{range .Config.Env}}{{println .}}{{end}}' "$image" | sed -n 's/^JAVA_OPTS=//p')${IMAGE_JAVA_OPTS:+ replaced by: $IMAGE_JAVA_OPTS}, start-up cache: $(docker run --rm --network none --entrypoint cat "$image" /app/jvm-cache.args)"
done
JRE_IMAGE=
T_17=() R_17=() T_25=() R_25=()
for run in $(seq 1 "$RUNS"); do
  for release in 17 25; do
    PORT=$(free_port)
    CONTAINER=xblmock-bench-$$-$release-$run
    start=$(now_ns)
    docker run -d --name "$CONTAINER" --network host --memory 256m -e SERVER_PORT="$PORT" "${IMAGE_ENV[@]}" "xblmock-bench:$$-java$release" >/dev/null
    ms=$(wait_health "$PORT" "$start")
    sleep "$IDLE"
    kib=$(rss_kib "$(container_pid "$CONTAINER")")
    usage=$(docker stats --no-stream --format '{{.MemUsage}}' "$CONTAINER" | cut -d/ -f1 | tr -d ' ')
    echo "docker run, Java $release, run $run: first 200 after $ms ms (ready in $(docker logs "$CONTAINER" 2>&1 | ready_seconds) s), idle RSS $((kib / 1024)) MiB, cgroup usage $usage, load $(load)"
    eval "T_$release+=($ms) R_$release+=($((kib / 1024)))"
    docker rm -f -v "$CONTAINER" >/dev/null
    CONTAINER=
  done
done
echo "docker run: Java 17 (AppCDS) median first 200 $(median "${T_17[@]}") ms, idle RSS $(median "${R_17[@]}") MiB; Java 25 (AOT cache) $(median "${T_25[@]}") ms, $(median "${R_25[@]}") MiB"
overhead=()
for _ in 1 2 3; do
  start=$(now_ns); docker run --rm --network host --entrypoint true "$IMAGE"; overhead+=($((($(now_ns) - start) / 1000000)))
done
echo "docker run --rm --entrypoint true (container create, start, exit, remove): median $(median "${overhead[@]}") ms"
echo "load average after the startup runs: $(load)"

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
