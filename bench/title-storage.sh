#!/usr/bin/env bash
# Title Storage hot paths (issue 2): 1 KiB GETs, 1 MiB GETs with XSAPI's Range header, 256 KiB block uploads.
# Server pinned to CPU 0, wrk to CPU 1, 16 connections, each run bounded by DURATION (default 10s)
# after a warm-up that lasts until the JIT is quiet (warm_up in lib.sh).
# Usage: bench/title-storage.sh   (env: JAR, DURATION, JAVA_OPTS, WARMUP_SLICE, MAX_WARMUP_SLICES)
. "$(dirname "$0")/lib.sh"
require_tools wrk curl taskset
DURATION=${DURATION:-10s}
SCRIPTS=$(cd "$(dirname "$0")" && pwd)/wrk
# every warm-up slice abandons 16 upload chains mid-way; a short idle timeout lets the sweeper drop them
start_server --xblmock.storage.upload-idle-timeout=20s

small="$BASE/global/scids/Bench/data/small.bin,binary"
large="$BASE/global/scids/Bench/data/large.bin,binary"
head -c 1024 /dev/urandom >/tmp/xblmock-bench-1k
head -c 1048576 /dev/urandom >/tmp/xblmock-bench-1m
curl -fs -X PUT -H "$AUTH" --data-binary @/tmp/xblmock-bench-1k "$small" >/dev/null
curl -fs -X PUT -H "$AUTH" --data-binary @/tmp/xblmock-bench-1m "$large" >/dev/null

echo "# xblmock Title Storage benchmark  $(date -u +%FT%TZ)  java: $(java -version 2>&1 | head -n1)"
warm_up 16 2 -H "$AUTH" "$small"
run_wrk "1 KiB GET" "$DURATION" 16 2 -H "$AUTH" "$small"
warm_up 16 2 -H "$AUTH" -H 'Range: bytes=0-1048575' "$large"
run_wrk "1 MiB GET with Range: bytes=0-1048575" "$DURATION" 16 2 -H "$AUTH" -H 'Range: bytes=0-1048575' "$large"
# one wrk thread per connection so every connection keeps its own continuation-token chain
warm_up 16 16 -s "$SCRIPTS/upload-blocks.lua" "$BASE"
rss_before=$(rss_kib "$SERVER_PID")
run_wrk "256 KiB multi-block upload blocks" "$DURATION" 16 16 -s "$SCRIPTS/upload-blocks.lua" "$BASE"
echo "server RSS: ${rss_before} KiB before the upload run, $(rss_kib "$SERVER_PID") KiB after"
