#!/usr/bin/env bash
# Smoke test of the Docker image, run by .ci/run after the test suite. Needs root and a JDK; everything else
# it installs (docker.io, debootstrap, curl, jq) or starts (dockerd) itself, and it removes what it created
# (containers, volume, the image it built, the seed directory; it keeps the cached JRE base image and stops
# dockerd only if it started it). It builds the image, runs it with a seed directory and a volume under
# --memory 256m, waits for the HEALTHCHECK, replays README's "A quick tour with curl" checking every answer,
# checks the process is not root, that the JVM maps the image's start-up cache (AOT cache on Java 25, AppCDS
# archive on 17) and that data on the volume survives a new container. Does all that once on a Java 17 base and
# once on a Java 25 base.
# Usage: docker/smoke-test.sh   (env: JAVA_RELEASE=17 or 25 for one base only; JRE_IMAGE to build on a given
# base image, then once)
set -euo pipefail
if [ -z "${JAVA_RELEASE:-}" ] && [ -z "${JRE_IMAGE:-}" ]; then
  rc=0
  for release in 17 25; do
    echo "=== smoke test on a Java $release base"
    JAVA_RELEASE=$release bash "$0" "$@" || rc=1
  done
  exit "$rc"
fi
. "$(dirname "$0")/lib.sh"
cd "$XBLMOCK_ROOT"
T0=$SECONDS
RUN_ID=$$-$RANDOM
IMAGE=xblmock-smoke:$RUN_ID
VOLUME=xblmock-smoke-$RUN_ID
CONTAINERS=()
WORK=
PASSED=0
FAILED=0

pass() { echo "PASS $*"; PASSED=$((PASSED + 1)); }
fail() { echo "FAIL $*"; FAILED=$((FAILED + 1)); }
# check NAME EXPECTED ACTUAL
check() { if [ "$2" = "$3" ]; then pass "$1"; else fail "$1: expected [$2], got [$3]"; fi; }
fatal() { fail "$*"; exit 1; }

cleanup() {
  local rc=$?
  set +e
  for c in "${CONTAINERS[@]}"; do
    if [ "$FAILED" -gt 0 ] && docker inspect "$c" >/dev/null 2>&1; then
      echo "--- last log lines of $c"; docker logs --tail 40 "$c" 2>&1
    fi
    docker rm -f -v "$c" >/dev/null 2>&1
  done
  docker volume rm "$VOLUME" >/dev/null 2>&1
  docker rmi "$IMAGE" >/dev/null 2>&1
  [ -n "$WORK" ] && rm -rf "$WORK"
  stop_started_dockerd
  echo "smoke-test: wall time $((SECONDS - T0)) s"
  echo "smoke-test: $PASSED passed, $FAILED failed"
  [ "$rc" -ne 0 ] || [ "$FAILED" -eq 0 ] || rc=1
  exit "$rc"
}
trap cleanup EXIT

free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

# http METHOD URL [curl args...]: sets STATUS, BODY (file) and HEADERS (file)
http() {
  local method=$1 url=$2; shift 2
  STATUS=$(curl -s --max-time 20 -X "$method" -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' "$@" "$url") || STATUS=000
  BODY=$WORK/body
  HEADERS=$WORK/headers
}
header() { grep -i "^$1:" "$HEADERS" | head -n 1 | sed -E 's/^[^:]+: *//' | tr -d '\r'; }
json() { jq -cS . "$1" 2>/dev/null || cat "$1"; }

# start_container NAME: the image on the shared volume and seed, host network on $PORT, 256 MiB
start_container() {
  docker run -d --name "$1" --network host --memory 256m --health-interval 1s \
    -e SERVER_PORT="$PORT" -e XBLMOCK_SEED=/seed \
    -v "$WORK/seed:/seed:ro" -v "$VOLUME:/data" "$IMAGE" >/dev/null
  CONTAINERS+=("$1")
  if wait_healthy "$1" 90; then pass "$1: HEALTHCHECK healthy on port $PORT"; else fatal "$1: not healthy"; fi
}

command -v curl >/dev/null 2>&1 || apt_install curl
command -v jq >/dev/null 2>&1 || apt_install jq
ls target/xblmock-*-exec.jar >/dev/null 2>&1 || ./mvnw -B -ntp -q -DskipTests package
ensure_docker_engine || fatal "no working Docker engine"
resolve_jre_image "${JAVA_RELEASE:-17}" || fatal "no JRE base image"
build_xblmock_image "$IMAGE" || fatal "docker build"
pass "image built on $JRE_IMAGE in $((SECONDS - T0)) s since the start"

# The start-up cache the training run left: the JVM must map it (AOTMode=on / -Xshare:on fail otherwise)
cache_args=$(docker run --rm --network none --entrypoint cat "$IMAGE" /app/jvm-cache.args)
case $cache_args in
  -XX:AOTCache=*) strict=-XX:AOTMode=on ;;
  -XX:SharedArchiveFile=*) strict=-Xshare:on ;;
  *) strict= ;;
esac
case "${JAVA_RELEASE:-}:$strict" in
  25:-XX:AOTMode=on | 17:-Xshare:on | :?*) pass "start-up cache: $cache_args" ;;
  *) fail "start-up cache for Java ${JAVA_RELEASE:-?}: [$cache_args]" ;;
esac
if [ -n "$strict" ] && timeout 120 docker run --rm --network none -e XBLMOCK_STORAGE_DIR=/tmp/check --entrypoint sh "$IMAGE" \
    -c "exec java \$JAVA_OPTS @/app/jvm-cache.args $strict -Dspring.context.exit=onRefresh -jar /app/xblmock.jar --logging.level.root=WARN" \
    >/dev/null 2>&1; then
  pass "the JVM maps the start-up cache ($strict)"
else
  fail "the JVM does not map the start-up cache ($strict)"
fi

check "image user" "10001:10001" "$(docker inspect -f '{{.Config.User}}' "$IMAGE")"
check "image exposes" "map[8080/tcp:{}]" "$(docker inspect -f '{{.Config.ExposedPorts}}' "$IMAGE")"
check "image volume" "map[/data:{}]" "$(docker inspect -f '{{.Config.Volumes}}' "$IMAGE")"

WORK=$(mktemp -d /tmp/xblmock-smoke.XXXXXX)
chmod 755 "$WORK"
mkdir -p "$WORK/seed/files"
head -c 3000 /dev/urandom >"$WORK/seed/files/level1.bin"
cat >"$WORK/seed/seed.yaml" <<'YAML'
users:
  - { xuid: "2533274792693551", gamertag: "WarriorSaint" }
blobs:
  - { storage: global, scid: SeedScid, path: levels/level1.bin, type: binary, file: files/level1.bin }
stats:
  - { xuid: "2533274792693551", scid: SeedScid, stats: { Kills: { type: Integer, value: "42" } } }
YAML
chmod -R a+rX "$WORK/seed"
docker volume create "$VOLUME" >/dev/null
PORT=$(free_port)
B=http://127.0.0.1:$PORT
A='Authorization: XBL3.0 x=;'
start_container "xblmock-smoke-1-$RUN_ID"
C1=${CONTAINERS[0]}

pid=$(container_pid "$C1")
uid=$(ps -o uid= -p "$pid" | tr -d ' ')
if [ -n "$uid" ] && [ "$uid" != 0 ]; then pass "java runs as uid $uid, not root"; else fail "java runs as uid [$uid]"; fi
check "uid inside the container" "10001" "$(timeout 20 docker exec "$C1" id -u)"

# the seed directory
http GET "$B/global/scids/SeedScid/data/levels/level1.bin,binary" -H "$A"
check "seed: status" 200 "$STATUS"
if cmp -s "$BODY" "$WORK/seed/files/level1.bin"; then pass "seed: blob bytes"; else fail "seed: blob bytes differ"; fi
http GET "$B/users/xuid(2533274792693551)/scids/SeedScid/stats/Kills" -H "$A"
check "seed: stat" '200 "42"' "$STATUS $(jq -c '.scids[0].stats[0].value' "$BODY" 2>/dev/null)"

# README "A quick tour with curl", request by request
http PUT "$B/global/scids/MockScid/data/maps/arena.bin,binary?displayName=Arena" -H "$A" --data-binary 'hello, arena'
check "tour: upload binary blob" 201 "$STATUS"
ETAG=$(header ETag)
if [[ $ETAG =~ ^0x[0-9A-F]+$ ]]; then pass "tour: ETag $ETAG"; else fail "tour: ETag [$ETAG]"; fi
SAVE='{"level":3,"weapon":{"name":"poison"}}'
http PUT "$B/trustedplatform/users/xuid(2533274792693551)/scids/MockScid/data/saves/slot1.json,json" -H "$A" --data-binary "$SAVE"
check "tour: upload JSON blob" 201 "$STATUS"
SAVE_ETAG=$(header ETag)
http GET "$B/global/scids/MockScid/data" -H "$A"
check "tour: list" "200 {\"blobs\":[{\"displayName\":\"Arena\",\"etag\":\"$ETAG\",\"fileName\":\"maps/arena.bin,binary\",\"size\":12}],\"pagingInfo\":{\"continuationToken\":null,\"totalItems\":1}}" \
  "$STATUS $(json "$BODY")"
http GET "$B/global/scids/MockScid/data/maps/arena.bin,binary" -H "$A"
check "tour: download" "200 hello, arena" "$STATUS $(cat "$BODY")"
http GET "$B/global/scids/MockScid/data/maps/arena.bin,binary" -H "$A" -H 'Range: bytes=0-4'
check "tour: range download" "206 hello bytes 0-4/12" "$STATUS $(cat "$BODY") $(header Content-Range)"
http GET "$B/trustedplatform/users/xuid(2533274792693551)/scids/MockScid/data/saves/slot1.json,json?select=weapon.name" -H "$A"
check "tour: select" '200 {"name":"poison"}' "$STATUS $(json "$BODY")"
http GET "$B/global/scids/MockScid" -H "$A"
check "tour: quota" '200 {"quotaInfo":{"quotaBytes":268435456,"usedBytes":12}}' "$STATUS $(json "$BODY")"
http POST "$B/trustedplatform/users/batch/scids/MockScid/data/saves/slot1.json,json" -H "$A" --data '{"xuids":[2533274792693551,"123"]}'
boundary=$(header Content-Type | sed -n 's/^multipart\/form-data; boundary=//p')
printf -- '--%s\r\nContent-Disposition: binary; name="2533274792693551"; filename="2533274792693551"\r\nHttpStatusCode: 200\r\nETag: %s\r\nContent-Type: application/json\r\nContent-Length: 38\r\n\r\n%s\r\n--%s\r\nContent-Disposition: binary; name="123"; filename="123"\r\nHttpStatusCode: 404\r\n\r\n\r\n--%s--\r\n' \
  "$boundary" "$SAVE_ETAG" "$SAVE" "$boundary" "$boundary" >"$WORK/expected-batch"
if [ "$STATUS" = 200 ] && [ -n "$boundary" ] && cmp -s "$BODY" "$WORK/expected-batch"; then
  pass "tour: batch download (200 part, 404 part)"
else
  fail "tour: batch download: status $STATUS, body: $(head -c 600 "$BODY")"
fi
http GET "$B/global/scids/MockScid/data/maps/arena.bin" -H "$A"
check "tour: error" "400 application/problem+json InvalidPath" "$STATUS $(header Content-Type) $(jq -r .code "$BODY" 2>/dev/null)"

# the volume keeps the data across containers
head -c 100000 /dev/urandom >"$WORK/persist.bin"
http PUT "$B/global/scids/MockScid/data/persist/data.bin,binary" -H "$A" --data-binary @"$WORK/persist.bin"
check "volume: upload" 201 "$STATUS"
PERSIST_ETAG=$(header ETag)
timeout 60 docker stop -t 20 "$C1" >/dev/null
check "graceful stop (SIGTERM exit status)" 143 "$(docker inspect -f '{{.State.ExitCode}}' "$C1")"
docker rm -v "$C1" >/dev/null
start_container "xblmock-smoke-2-$RUN_ID"
http GET "$B/global/scids/MockScid/data/persist/data.bin,binary" -H "$A"
check "volume: status and ETag after restart" "200 $PERSIST_ETAG" "$STATUS $(header ETag)"
if cmp -s "$BODY" "$WORK/persist.bin"; then pass "volume: same bytes after restart"; else fail "volume: bytes differ after restart"; fi
http GET "$B/global/scids/MockScid/data/maps/arena.bin,binary" -H "$A"
check "volume: tour blob after restart" "200 hello, arena" "$STATUS $(cat "$BODY")"
