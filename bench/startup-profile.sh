#!/usr/bin/env bash
# Where the start's CPU goes (issue 17), in figures a loaded machine disturbs less than wall times:
#   cpu    `java -jar` of xblmock and of WireMock's standalone jar, alternating, RUNS times each: at the first 200
#          of the health route, the process's CPU time (user + system, /proc/<pid>/task/*/stat) split into the main
#          thread, the JIT compiler threads and the rest, beside the wall time
#   steps  in one fresh JVM (bench/inprocess/StartupSteps.java): the first start and WARM further contexts, each
#          with its main thread's and the process's CPU, classes loaded and bean definitions, and the main
#          thread's CPU per Spring startup step (ApplicationStartup) for the first and the last context
# Usage: bench/startup-profile.sh   (env: RUNS=5, WARM=5, TOP=25, WIREMOCK_VERSION=3.13.2, JAR_JAVA_OPTS, SKIP_CPU=1,
# SKIP_STEPS=1)
. "$(dirname "$0")/lib.sh"
require_tools python3
RUNS=${RUNS:-5}
WARM=${WARM:-5}
TOP=${TOP:-25}
WIREMOCK_VERSION=${WIREMOCK_VERSION:-3.13.2}
WORK=$ROOT/target/bench-startup-profile
load() { cut -d' ' -f1-3 /proc/loadavg; }
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

build_jar
WIREMOCK_JAR=$HOME/.m2/repository/org/wiremock/wiremock-standalone/$WIREMOCK_VERSION/wiremock-standalone-$WIREMOCK_VERSION.jar
[ -s "$WIREMOCK_JAR" ] || (cd "$ROOT" && ./mvnw -B -q -ntp dependency:get \
  -Dartifact="org.wiremock:wiremock-standalone:$WIREMOCK_VERSION" -Dtransitive=false >/dev/null)
echo "# xblmock startup CPU profile  $(date -u +%FT%TZ)  $(nproc) cores, load average $(load)"

# cpu_run PATH CMD...: launches CMD, polls PATH on $PORT every 10 ms, then prints
# "wall total main compiler other" in ms at the first 200 and stops the process
cpu_run() {
  python3 - "$PORT" "$@" <<'PY'
import os, re, signal, socket, subprocess, sys, time
port, path, cmd = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
tick = os.sysconf('SC_CLK_TCK')
start = time.time_ns()
process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
request = ("GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n" % path).encode()
deadline = time.time() + 180
while True:
    if time.time() > deadline or process.poll() is not None:
        process.kill()
        sys.exit("no 200 from port %d" % port)
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
            s.sendall(request)
            if s.recv(64).split(b" ")[1:2] == [b"200"]:
                break
    except OSError:
        pass
    time.sleep(0.01)
wall = (time.time_ns() - start) // 1_000_000
main = compiler = other = 0
for task in os.listdir('/proc/%d/task' % process.pid):
    try:
        name = open('/proc/%d/task/%s/comm' % (process.pid, task)).read().strip()
        fields = open('/proc/%d/task/%s/stat' % (process.pid, task)).read().rsplit(')', 1)[1].split()
    except OSError:
        continue
    ms = (int(fields[11]) + int(fields[12])) * 1000 // tick
    if name == 'java':
        main += ms
    elif re.match(r'C[12] CompilerThre', name):
        compiler += ms
    else:
        other += ms
process.send_signal(signal.SIGTERM)
process.wait()
print(wall, main + compiler + other, main, compiler, other)
PY
}

if [ "${SKIP_CPU:-0}" != 1 ]; then
  declare -A W C M J
  for run in $(seq 1 "$RUNS"); do
    for name in xblmock wiremock; do
      PORT=$(free_port)
      if [ "$name" = xblmock ]; then
        # shellcheck disable=SC2086 # JAR_JAVA_OPTS holds several options
        read -r wall total main compiler other < <(cpu_run /_emulator/health java ${JAR_JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT")
      else
        # shellcheck disable=SC2086
        read -r wall total main compiler other < <(cpu_run /__admin/health java ${JAR_JAVA_OPTS:-} -jar "$WIREMOCK_JAR" --port "$PORT" --bind-address 127.0.0.1 --disable-banner)
      fi
      echo "$name run $run: first 200 after $wall ms; CPU $total ms (main thread $main, JIT compilers $compiler, other threads $other), load $(load)"
      W[$name]+="$wall " C[$name]+="$total " M[$name]+="$main " J[$name]+="$compiler "
    done
  done
  for name in xblmock wiremock; do
    # shellcheck disable=SC2086 # word splitting of the collected values is intended
    echo "java -jar $name, medians of $RUNS: first 200 $(median ${W[$name]}) ms, CPU $(median ${C[$name]}) ms, main thread $(median ${M[$name]}) ms, JIT compilers $(median ${J[$name]}) ms"
  done
  # shellcheck disable=SC2086
  awk -v x="$(median ${C[xblmock]})" -v w="$(median ${C[wiremock]})" 'BEGIN {printf "java -jar CPU to first 200, xblmock/WireMock: %.2f\n", x / w}'
fi

if [ "${SKIP_STEPS:-0}" != 1 ]; then
  mkdir -p "$WORK/classes"
  (cd "$ROOT" && ./mvnw -B -q -ntp dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" -Dmdep.includeScope=runtime >/dev/null)
  LIB_JAR=
  for jar in "$ROOT"/target/xblmock-*.jar; do
    case $jar in *-exec.jar) ;; *) LIB_JAR=$jar; break ;; esac
  done
  XBL_CP=$LIB_JAR:$(cat "$WORK/classpath.txt")
  javac -d "$WORK/classes" -cp "$XBL_CP" "$ROOT"/bench/inprocess/StartupSteps.java
  echo "# in one JVM: the first start, then $WARM further contexts; load average $(load)"
  java -cp "$WORK/classes:$XBL_CP" StartupSteps "$WARM" "$TOP"
  echo "load average after: $(load)"
fi
