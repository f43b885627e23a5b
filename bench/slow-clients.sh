#!/usr/bin/env bash
# Slow clients (issue 18): how long health and a small download take while N clients hold a large download
# open without reading (every fifth a batch download) and N more trickle an upload body a byte a second.
# Before the fix each such client held one of the 64 worker threads, so from 64 on health waited for the
# connection timeout; now they hold none. Reports, per N, the seconds health and a small GET took (10 s cap).
# Usage: bench/slow-clients.sh   (env: LEVELS (default "16 64 100 200"), XBLMOCK_JAR to measure another jar)
. "$(dirname "$0")/lib.sh"
require_tools curl python3
LEVELS=${LEVELS:-"16 64 100 200"}
if [ -n "${XBLMOCK_JAR:-}" ]; then build_jar() { JAR=$XBLMOCK_JAR; }; fi
start_server --xblmock.storage.max-request-bytes=20000000
WORK=$(mktemp -d)
trap 'stop_server; rm -rf "$WORK"' EXIT
head -c 16777216 /dev/zero >"$WORK/big"
for target in "global/scids/Bench/data/big.bin,binary" "trustedplatform/users/xuid(1)/scids/Bench/data/big.bin,binary"; do
  curl -fs -o /dev/null -X PUT -H "$AUTH" --data-binary @"$WORK/big" "$BASE/$target"
done
curl -fs -o /dev/null -X PUT -H "$AUTH" --data-binary small "$BASE/global/scids/Bench/data/small.bin,binary"

echo "| slow clients (silent + trickling) | health (s) | small GET (s) |"
echo "|---|---|---|"
for n in $LEVELS; do
  python3 - "$PORT" "$n" <<'PY'
import socket, subprocess, sys, time
port, n = int(sys.argv[1]), int(sys.argv[2])
auth = b"Authorization: XBL3.0 x=;\r\n"
held = []
for i in range(n):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 16384); s.connect(("127.0.0.1", port))
    if i % 5 == 0:
        body = b'{"xuids":[1]}'
        s.sendall(b"POST /trustedplatform/users/batch/scids/Bench/data/big.bin,binary HTTP/1.1\r\nHost: x\r\n" + auth
                  + b"Content-Length: %d\r\n\r\n" % len(body) + body)
    else:
        s.sendall(b"GET /global/scids/Bench/data/big.bin,binary HTTP/1.1\r\nHost: x\r\n" + auth + b"\r\n")
    held.append(s)
    t = socket.socket(); t.connect(("127.0.0.1", port))
    t.sendall(b"PUT /global/scids/Bench/data/t%d.bin,binary HTTP/1.1\r\nHost: x\r\n" % i + auth
              + b"Content-Length: 1000\r\n\r\nx")
    held.append(t)
time.sleep(1)
def timed(path):
    started = time.time()
    code = subprocess.run(["curl", "-s", "-m", "10", "-o", "/dev/null", "-w", "%{http_code}", "-H",
                           "Authorization: XBL3.0 x=;", "http://127.0.0.1:%d%s" % (port, path)],
                          capture_output=True, text=True).stdout
    return "%.2f%s" % (time.time() - started, "" if code == "200" else " (%s)" % code)
print("| %d + %d | %s | %s |" % (n, n, timed("/_emulator/health"), timed("/global/scids/Bench/data/small.bin,binary")))
for s in held:
    s.close()
PY
  sleep 2
done
