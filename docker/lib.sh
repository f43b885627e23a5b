# shellcheck shell=bash
# Helpers for scripts that build and run the xblmock image on a machine that may have no Docker engine and
# no reachable image registry: docker/smoke-test.sh and bench/startup.sh. Source it; needs root for the
# installs and for starting dockerd. Every wait is bounded. The functions return non-zero on failure
# themselves: callers use them in `f || …`, where bash's errexit does not apply inside f.
#   ensure_docker_engine   a working engine; installs docker.io and starts dockerd when needed
#   stop_started_dockerd   stops the dockerd that ensure_docker_engine started, if any
#   resolve_jre_image [R]  sets JRE_IMAGE for Java release R (17, the default, or 25): $JRE_IMAGE, else
#                          eclipse-temurin:R-jre if present or pullable, else a local Debian image (built once,
#                          cached by tag): with openjdk-17-jre-headless for 17; for 25 a runtime jlinked from
#                          this machine's JDK 25 ($JDK25_HOME, else the first /usr/lib/jvm/*25*)
#   build_xblmock_image T  builds docker/Dockerfile on JRE_IMAGE as tag T (the jar must exist in target/)

XBLMOCK_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LOCAL_JRE_IMAGE=${LOCAL_JRE_IMAGE:-xblmock-local-jre:17-bookworm}
LOCAL_JRE25_IMAGE=${LOCAL_JRE25_IMAGE:-xblmock-local-jre:25-bookworm}
# what the Java 25 image's runtime holds: Java SE, plus what Spring Boot, Tomcat and the AOT cache use
JRE25_MODULES=java.se,jdk.unsupported,jdk.zipfs,jdk.crypto.ec,jdk.management,jdk.naming.dns
STARTED_DOCKERD_PID=

note() { echo "[$(date +%T)] $*" >&2; }

apt_install() {
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1 \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null; }
}

# A client binary alone is not enough (one may exist without any engine): ask the engine itself.
engine_answers() { command -v docker >/dev/null 2>&1 && timeout 10 docker info >/dev/null 2>&1; }

ensure_docker_engine() {
  engine_answers && return 0
  if ! command -v dockerd >/dev/null 2>&1 || ! command -v docker >/dev/null 2>&1; then
    note "installing docker.io"
    apt_install docker.io || { echo "cannot install docker.io" >&2; return 1; }
  fi
  local flags
  DOCKERD_LOG=$(mktemp /tmp/xblmock-dockerd.XXXXXX)
  # Defaults first; then without the iptables/bridge setup and with the vfs storage driver, which need
  # nothing from the kernel beyond namespaces (sandboxes without netfilter or overlayfs).
  for flags in "" "--iptables=false --bridge=none --storage-driver=vfs"; do
    note "starting dockerd $flags"
    # shellcheck disable=SC2086
    dockerd $flags >"$DOCKERD_LOG" 2>&1 &
    STARTED_DOCKERD_PID=$!
    for _ in $(seq 1 60); do
      if engine_answers; then note "dockerd running (pid $STARTED_DOCKERD_PID)"; return 0; fi
      kill -0 "$STARTED_DOCKERD_PID" 2>/dev/null || break
      sleep 0.5
    done
    echo "dockerd $flags did not come up; its log:" >&2
    tail -n 15 "$DOCKERD_LOG" >&2
    stop_started_dockerd
  done
  return 1
}

stop_started_dockerd() {
  [ -n "$STARTED_DOCKERD_PID" ] || return 0
  kill "$STARTED_DOCKERD_PID" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$STARTED_DOCKERD_PID" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$STARTED_DOCKERD_PID" 2>/dev/null || true
  wait "$STARTED_DOCKERD_PID" 2>/dev/null || true
  rm -f "$DOCKERD_LOG"
  STARTED_DOCKERD_PID=
}

# The Debian archive this machine's apt uses (never a host name written into the repository).
# shellcheck disable=SC2016  # the $ fields are apt's and awk's own
debian_mirror() {
  local query='$(TARGET_OF) $(REPO_URI) $(RELEASE) $(COMPONENT) $(LABEL)' pick uri
  pick='$1=="deb" && $4=="main" && $5=="Debian" && $3 !~ /-/ {print $2; exit}'
  uri=$(apt-get indextargets --format "$query" 2>/dev/null | awk "$pick")
  if [ -z "$uri" ]; then   # no package lists yet on a fresh machine
    apt-get update -qq >/dev/null 2>&1 || true
    uri=$(apt-get indextargets --format "$query" 2>/dev/null | awk "$pick")
  fi
  [ -n "$uri" ] || { echo "no Debian main archive in this machine's apt sources" >&2; return 1; }
  echo "$uri"
}

# local_debian_image TAG DESCRIPTION EXTRA_PACKAGES [PREPARE]: debootstrap minbase bookworm with those packages,
# PREPARE (a function) run on the root file system before the import
local_debian_image() {
  local tag=$1 description=$2 packages=$3 prepare=${4:-} mirror rootfs log
  if docker image inspect "$tag" >/dev/null 2>&1; then return 0; fi
  command -v debootstrap >/dev/null 2>&1 || apt_install debootstrap || { echo "cannot install debootstrap" >&2; return 1; }
  mirror=$(debian_mirror) || return 1
  rootfs=$(mktemp -d /var/tmp/xblmock-jre-rootfs.XXXXXX)
  log=$(mktemp /tmp/xblmock-debootstrap.XXXXXX)
  note "building $tag with debootstrap from $mirror (once; cached by tag)"
  if ! timeout 900 debootstrap --variant=minbase ${packages:+--include=$packages} bookworm "$rootfs" "$mirror" \
      >"$log" 2>&1; then
    echo "debootstrap failed; its log:" >&2; tail -n 20 "$log" >&2
    rm -rf "$rootfs" "$log"; return 1
  fi
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* \
    "$rootfs"/usr/share/doc "$rootfs"/usr/share/man "$rootfs"/usr/share/info "$rootfs"/usr/share/locale
  if [ -n "$prepare" ] && ! "$prepare" "$rootfs"; then rm -rf "$rootfs" "$log"; return 1; fi
  local imported=0
  tar --numeric-owner -C "$rootfs" -c . \
    | docker import -c 'ENV LANG=C.UTF-8' -m "$description" - "$tag" >/dev/null && imported=1
  rm -rf "$rootfs" "$log"
  [ "$imported" = 1 ] || { echo "docker import of the JRE root file system failed" >&2; return 1; }
}

jdk25_home() {
  local home=${JDK25_HOME:-}
  [ -n "$home" ] || home=$(find /usr/lib/jvm -maxdepth 1 -mindepth 1 -name '*25*' -type d 2>/dev/null | sort | head -n 1)
  if [ -z "$home" ] || [ ! -x "$home/bin/jlink" ]; then
    echo "no JDK 25 with jlink here (set JDK25_HOME) to build the local Java 25 base image" >&2; return 1
  fi
  echo "$home"
}

# a Java 25 runtime (with its default CDS archive, which the AOT cache builds on) as /opt/java, java on PATH
add_jre25() {
  local rootfs=$1 home
  home=$(jdk25_home) || return 1
  timeout 600 "$home/bin/jlink" --add-modules "$JRE25_MODULES" --strip-debug --no-man-pages --no-header-files \
    --generate-cds-archive --output "$rootfs/opt/java" >/dev/null || { echo "jlink of the Java 25 runtime failed" >&2; return 1; }
  ln -s /opt/java/bin/java "$rootfs/usr/bin/java"
}

resolve_jre_image() {
  local release=${1:-17} default local_tag
  default=eclipse-temurin:$release-jre
  if [ -n "${JRE_IMAGE:-}" ]; then
    docker image inspect "$JRE_IMAGE" >/dev/null 2>&1 || timeout 300 docker pull -q "$JRE_IMAGE" >/dev/null \
      || { echo "JRE_IMAGE $JRE_IMAGE is neither present nor pullable" >&2; return 1; }
  elif docker image inspect "$default" >/dev/null 2>&1 || timeout 300 docker pull -q "$default" >/dev/null 2>&1; then
    JRE_IMAGE=$default
  else
    note "$default cannot be pulled here: using a local Debian JRE image"
    case $release in
      17) local_tag=$LOCAL_JRE_IMAGE
          local_debian_image "$local_tag" 'debootstrap minbase bookworm + openjdk-17-jre-headless' \
            openjdk-17-jre-headless || return 1 ;;
      25) local_tag=$LOCAL_JRE25_IMAGE
          local_debian_image "$local_tag" "debootstrap minbase bookworm + Java 25 runtime ($JRE25_MODULES)" \
            '' add_jre25 || return 1 ;;
      *) echo "no local base image recipe for Java $release (17 or 25)" >&2; return 1 ;;
    esac
    JRE_IMAGE=$local_tag
  fi
  note "JRE base image: $JRE_IMAGE"
}

build_xblmock_image() {
  local tag=$1 log
  log=$(mktemp /tmp/xblmock-docker-build.XXXXXX)
  note "building $tag"
  if ! timeout 600 docker build --network none --force-rm -f "$XBLMOCK_ROOT/docker/Dockerfile" --build-arg JRE_IMAGE="$JRE_IMAGE" \
      -t "$tag" "$XBLMOCK_ROOT" >"$log" 2>&1; then
    echo "docker build failed; its log:" >&2; tail -n 30 "$log" >&2
    rm -f "$log"; docker image prune -f --filter label=dev.xblmock.stage=extract >/dev/null; return 1
  fi
  rm -f "$log"
  docker image prune -f --filter label=dev.xblmock.stage=extract >/dev/null
}

# container_pid NAME: the container's main process as seen from the host
container_pid() { docker inspect -f '{{.State.Pid}}' "$1"; }

# wait_healthy NAME SECONDS: until Docker's HEALTHCHECK reports healthy; fails early if the container stops
wait_healthy() {
  local name=$1 deadline=$((SECONDS + $2)) status
  while [ "$SECONDS" -lt "$deadline" ]; do
    status=$(docker inspect -f '{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{end}}' "$name" 2>/dev/null || echo gone)
    case $status in
      "running healthy") return 0 ;;
      running*) sleep 0.2 ;;
      *) echo "container $name is $status" >&2; return 1 ;;
    esac
  done
  echo "container $name not healthy after $2 s" >&2
  return 1
}
