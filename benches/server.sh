#!/usr/bin/env bash
# benches/server.sh - throughput and latency of the team server (opends serve), and the
# time of a large push + pull through it.
#
# What it measures (release build, embedded SQLite storage, one run):
#   1. read throughput against its floor: a 1,000-token project (gen_tokens.py 762: 762
#      base tokens + 190 semantic + 47 component aliases = 999) pushed to
#      `opends serve --rate-limit 0`; the page GET /api/v1/tokens?limit=100 saved to a file
#      and served by nginx (the floor: the same bytes, kept-alive, one log line per request;
#      Debian's nginx-light is installed when missing and we are root); then ROUNDS rounds,
#      interleaved, of
#        wrk -t2 -c64 -d5s --latency -H "Authorization: Bearer $TOKEN" URL
#      against opends and against nginx. Reported: median requests/s of each, their ratio
#      (target >= 0.6), opends' median p99 latency (target < 5 ms) and > 10,000 req/s.
#      Any non-2xx answer is reported and counts as a miss.
#   2. sync of a 10,000-token change: project A replaces its tokens.json with a
#      10,001-token file (gen_tokens.py 7620), then
#        opends push bench -C A   followed by   opends pull bench -C B
#      (B is an empty project that pulled the first state); the wall time of both
#      together, target < 1,000 ms. Each command is one fresh process, as a user runs it.
#   wrk runs on the same machine as the server: on few cores the two compete, so the
#   numbers are a floor for a server with a machine of its own.
#
# How to run (from anywhere; the repo root is found from this script's location):
#   bash benches/server.sh            builds with cargo build --release --locked, installs
#                                     Debian's wrk with apt-get when missing (as root);
#                                     about 30 s after the build
# Knobs:
#   SHARED_BENCH=dir   where gen_tokens.py lives (default ../shared/bench)
#   NO_BUILD=1         use target/release/opends as it is
#   WRK_THREADS=2 WRK_CONNS=64 WRK_DURATION=5s ROUNDS=3   the wrk load
#   STRICT=1           exit 1 when a target is missed (default: report only)
#   KEEP=1             keep the temp dir (server log, projects, wrk output)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
SHARED_BENCH="${SHARED_BENCH:-$ROOT/../shared/bench}"
WRK_THREADS="${WRK_THREADS:-2}"
WRK_CONNS="${WRK_CONNS:-64}"
WRK_DURATION="${WRK_DURATION:-5s}"
ROUNDS="${ROUNDS:-3}"
RPS_TARGET=10000
RATIO_TARGET=0.6
P99_TARGET_MS=5
SYNC_TARGET_MS=1000

[ -f "$SHARED_BENCH/gen_tokens.py" ] || {
  echo "gen_tokens.py not found in $SHARED_BENCH (set SHARED_BENCH)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 is required" >&2; exit 2; }
if ! command -v wrk >/dev/null; then
  [ "$(id -u)" = 0 ] || { echo "wrk is required: apt-get install -y wrk" >&2; exit 2; }
  echo "== apt-get install wrk" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q -o Dpkg::Use-Pty=0 wrk >&2 \
    || { apt-get update -q >&2 && apt-get install -y -q -o Dpkg::Use-Pty=0 wrk >&2; } \
    || { echo "could not install wrk" >&2; exit 2; }
fi

if [ -z "${NO_BUILD:-}" ]; then
  echo "== cargo build --release --locked" >&2
  (cd "$ROOT" && cargo build --release --locked -q)
fi
BIN="$ROOT/target/release/opends"
[ -x "$BIN" ] || { echo "no binary at $BIN" >&2; exit 2; }
export OPENDS_AUTHOR=bench NO_COLOR=1

TMP="$(mktemp -d /tmp/opends-server-bench.XXXXXX)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [ -n "${KEEP:-}" ]; then echo "kept $TMP" >&2; else rm -rf "$TMP"; fi
}
trap cleanup EXIT

fail() { echo "FAILED: $*" >&2; [ -f "$TMP/server.log" ] && { echo "-- server log (tail):" >&2; tail -n 20 "$TMP/server.log" >&2; }; exit 1; }
# Runs an opends command, failing with its command line, exit status and output.
run() {
  local out rc=0
  out="$("$BIN" "$@" 2>&1)" || rc=$?
  if [ "$rc" != 0 ]; then
    printf '%s\n' "$out" >&2
    fail "opends $* (exit $rc)"
  fi
  printf '%s\n' "$out" >&2
}
count_tokens() {
  python3 - "$1" <<'PY'
import json, sys
def walk(n):
    if isinstance(n, dict):
        return 1 if "$value" in n else sum(walk(v) for v in n.values())
    return 0
print(walk(json.load(open(sys.argv[1]))))
PY
}
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

# ---- the server ----------------------------------------------------------------------
A="$TMP/a"; B="$TMP/b"
mkdir -p "$A" "$B"
printf 'name: bench\ntokens: [tokens.json]\n' > "$A/opends.yaml"
printf 'name: b\n' > "$B/opends.yaml"
python3 "$SHARED_BENCH/gen_tokens.py" 762 "$A/tokens.json"
N1=$(count_tokens "$A/tokens.json")

echo "== opends serve --bind 127.0.0.1:0 --data $TMP/data --rate-limit 0" >&2
(cd "$TMP" && exec "$BIN" serve --bind 127.0.0.1:0 --data "$TMP/data" --rate-limit 0) \
  > "$TMP/server.out" 2> "$TMP/server.log" &
SERVER_PID=$!
PORT=""
for _ in $(seq 1 100); do
  PORT="$(grep -o 'listening on http://127\.0\.0\.1:[0-9]*' "$TMP/server.log" 2>/dev/null | head -n 1 | sed 's/.*://' || true)"
  [ -n "$PORT" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || fail "opends serve exited (status $(wait "$SERVER_PID"; echo $?)) before listening"
  sleep 0.1
done
[ -n "$PORT" ] || fail "opends serve printed no 'listening on http://127.0.0.1:PORT' within 10 s"
URL="http://127.0.0.1:$PORT"
echo "server at $URL (pid $SERVER_PID)" >&2

TOKEN="$("$BIN" server token create --role editor --name bench --data "$TMP/data" 2>"$TMP/token.err")" \
  || { cat "$TMP/token.err" >&2; fail "opends server token create --role editor --data $TMP/data"; }
TOKEN="$(printf '%s' "$TOKEN" | tail -n 1 | tr -d '[:space:]')"
[ -n "$TOKEN" ] || fail "opends server token create printed no token"
export OPENDS_SERVER_TOKEN="$TOKEN"

echo "== push the $N1-token project" >&2
run remote add bench "$URL" -C "$A"
run push bench -C "$A"

# The endpoint answers 200 with tokens before it is loaded.
python3 - "$URL/api/v1/tokens?limit=100" "$TOKEN" <<'PY' >&2 || fail "GET /api/v1/tokens?limit=100 does not answer 200 with tokens"
import json, sys, urllib.request
req = urllib.request.Request(sys.argv[1], headers={"Authorization": "Bearer " + sys.argv[2]})
with urllib.request.urlopen(req, timeout=10) as r:
    body = r.read()
    print(f"GET /api/v1/tokens?limit=100: {r.status}, {len(body)} bytes")
    d = json.loads(body)
    items = d if isinstance(d, list) else next((v for v in d.values() if isinstance(v, list)), [])
    assert r.status == 200 and len(items) > 0, d
PY

# ---- 1. wrk: opends and the floor (nginx serving the same bytes), interleaved ---------
# The floor: the page opends answers, saved to a file and served by nginx (a static file,
# kept-alive connections, one access-log line per request as opends logs one).
mkdir -p "$TMP/www"
python3 - "$URL/api/v1/tokens?limit=100" "$TOKEN" "$TMP/www/page.json" <<'PY' || fail "could not save the page for the floor"
import sys, urllib.request
req = urllib.request.Request(sys.argv[1], headers={"Authorization": "Bearer " + sys.argv[2]})
with urllib.request.urlopen(req, timeout=10) as r:
    open(sys.argv[3], "wb").write(r.read())
PY
NGINX_PID=""
if ! command -v nginx >/dev/null && [ "$(id -u)" = 0 ]; then
  echo "== apt-get install nginx-light (the floor)" >&2
  apt-get install -y -q -o Dpkg::Use-Pty=0 nginx-light >&2 \
    || { apt-get update -q >&2 && apt-get install -y -q -o Dpkg::Use-Pty=0 nginx-light >&2; } \
    || echo "could not install nginx: the floor is skipped" >&2
fi
if command -v nginx >/dev/null; then
  NGINX_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  cat > "$TMP/nginx.conf" <<CONF
worker_processes $(nproc);
daemon off;
pid $TMP/nginx.pid;
error_log $TMP/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log $TMP/nginx-access.log;
  keepalive_requests 1000000;
  client_body_temp_path $TMP/nginx-tmp;
  proxy_temp_path $TMP/nginx-tmp;
  fastcgi_temp_path $TMP/nginx-tmp;
  uwsgi_temp_path $TMP/nginx-tmp;
  scgi_temp_path $TMP/nginx-tmp;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location = /api/v1/tokens { default_type application/json; alias $TMP/www/page.json; }
  }
}
CONF
  mkdir -p "$TMP/nginx-tmp"
  # nginx's workers run as an unprivileged user when started by root: let them read the page.
  chmod a+rx "$TMP" "$TMP/www"; chmod a+r "$TMP/www/page.json"
  nginx -c "$TMP/nginx.conf" -p "$TMP" 2>>"$TMP/nginx-error.log" &
  NGINX_PID=$!
  for _ in $(seq 1 50); do
    curl -s -o /dev/null "http://127.0.0.1:$NGINX_PORT/api/v1/tokens?limit=100" 2>/dev/null && break
    sleep 0.1
  done
  cmp -s <(curl -s "http://127.0.0.1:$NGINX_PORT/api/v1/tokens?limit=100") "$TMP/www/page.json" \
    || { echo "nginx does not serve the page: the floor is skipped" >&2; kill "$NGINX_PID"; NGINX_PID=""; }
fi
stop_nginx() { if [ -n "$NGINX_PID" ]; then kill "$NGINX_PID" 2>/dev/null || true; wait "$NGINX_PID" 2>/dev/null || true; NGINX_PID=""; fi; }
trap 'stop_nginx; cleanup' EXIT

# wrk prints latencies with a unit: us, ms or s; in ms.
wrk_ms() { awk -v q="$1" '$1 == q {v = $2; u = v; gsub(/[0-9.]/, "", u); sub(/[a-z]+$/, "", v);
  f = (u == "us") ? 0.001 : (u == "s") ? 1000 : (u == "m") ? 60000 : 1; printf "%.2f\n", v * f}' "$2"; }
wrk_rps() { awk '/^Requests\/sec:/ {printf "%.0f\n", $2}' "$1"; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print ""; else if (NR % 2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}'; }
NON2XX=0; ERRS=""
for round in $(seq 1 "$ROUNDS"); do
  echo "== round $round/$ROUNDS: wrk -t$WRK_THREADS -c$WRK_CONNS -d$WRK_DURATION --latency" >&2
  wrk -t"$WRK_THREADS" -c"$WRK_CONNS" -d"$WRK_DURATION" --latency \
    -H "Authorization: Bearer $TOKEN" "$URL/api/v1/tokens?limit=100" > "$TMP/wrk-opends-$round.txt"
  n=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$TMP/wrk-opends-$round.txt"); NON2XX=$(( NON2XX + ${n:-0} ))
  e=$(awk '/Socket errors:/ {sub(/.*Socket errors: /, ""); print}' "$TMP/wrk-opends-$round.txt"); [ -n "$e" ] && ERRS="$e"
  if [ -n "$NGINX_PID" ]; then
    wrk -t"$WRK_THREADS" -c"$WRK_CONNS" -d"$WRK_DURATION" --latency \
      -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$NGINX_PORT/api/v1/tokens?limit=100" > "$TMP/wrk-nginx-$round.txt"
  fi
done
cat "$TMP/wrk-opends-1.txt" >&2
RPS=$(for r in $(seq 1 "$ROUNDS"); do wrk_rps "$TMP/wrk-opends-$r.txt"; done | median)
RPS_BEST=$(for r in $(seq 1 "$ROUNDS"); do wrk_rps "$TMP/wrk-opends-$r.txt"; done | sort -n | tail -n 1)
P99=$(for r in $(seq 1 "$ROUNDS"); do wrk_ms 99% "$TMP/wrk-opends-$r.txt"; done | median)
P50=$(for r in $(seq 1 "$ROUNDS"); do wrk_ms 50% "$TMP/wrk-opends-$r.txt"; done | median)
NGINX_RPS=""; NGINX_P99=""; RATIO=""
if [ -n "$NGINX_PID" ]; then
  NGINX_RPS=$(for r in $(seq 1 "$ROUNDS"); do wrk_rps "$TMP/wrk-nginx-$r.txt"; done | median)
  NGINX_P99=$(for r in $(seq 1 "$ROUNDS"); do wrk_ms 99% "$TMP/wrk-nginx-$r.txt"; done | median)
  RATIO=$(awk -v a="$RPS" -v b="$NGINX_RPS" 'BEGIN {printf "%.2f", a / b}')
fi
stop_nginx
[ -n "$RPS" ] && [ -n "$P99" ] || fail "could not read requests/s and p99 from wrk's output"

# ---- 2. push + pull of a 10,000-token change -----------------------------------------
echo "== project B pulls the first state" >&2
run remote add bench "$URL" -C "$B"
run pull bench -C "$B"
python3 "$SHARED_BENCH/gen_tokens.py" 7620 "$A/tokens.json"
N2=$(count_tokens "$A/tokens.json")
echo "== push ($N2 tokens) -C A, then pull -C B" >&2
T0=$(date +%s%N)
run push bench -C "$A"
PUSH_MS=$(ms_since "$T0")
T1=$(date +%s%N)
run pull bench -C "$B"
PULL_MS=$(ms_since "$T1")
SYNC_MS=$(( PUSH_MS + PULL_MS ))
# What B holds now (a check, not timed).
B_TOKENS=$("$BIN" tokens list --json -C "$B" 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
items = d if isinstance(d, list) else next((v for v in d.values() if isinstance(v, list)), [])
print(len(items))' 2>/dev/null || echo "?")

# ---- summary -------------------------------------------------------------------------
miss=0
verdict() { if awk -v a="$1" -v b="$2" -v op="$3" 'BEGIN{exit !(op == "<" ? a < b : a > b)}'; then echo ok; else echo MISS; fi; }
rps_ok=$(verdict "$RPS" "$RPS_TARGET" ">"); [ "$NON2XX" = 0 ] || rps_ok=MISS
ratio_ok="-"; [ -n "$RATIO" ] && ratio_ok=$(verdict "$RATIO" "$RATIO_TARGET" ">")
p99_ok=$(verdict "$P99" "$P99_TARGET_MS" "<")
sync_ok=$(verdict "$SYNC_MS" "$SYNC_TARGET_MS" "<")
for v in "$rps_ok" "$p99_ok" "$sync_ok" "$ratio_ok"; do [ "$v" = ok ] || [ "$v" = - ] || miss=1; done

echo
echo "# opends $("$BIN" --version | awk '{print $2}')  $(nproc) cores  $(wrk --version 2>&1 | head -n 1 | awk '{print $1, $2}')  $(date -u +%FT%TZ)"
printf '%-58s %12s %10s %s\n' check value target verdict
printf '%-58s %12s %10s %s\n' "GET /api/v1/tokens?limit=100, $N1 tokens: req/s (median of $ROUNDS)" "$RPS" ">$RPS_TARGET" "$rps_ok"
printf '%-58s %12s\n' "  best round req/s" "$RPS_BEST"
printf '%-58s %12s %10s %s\n' "  latency p99 ms (p50 $P50 ms; -t$WRK_THREADS -c$WRK_CONNS -d$WRK_DURATION)" "$P99" "<$P99_TARGET_MS" "$p99_ok"
if [ -n "$RATIO" ]; then
  printf '%-58s %12s\n' "floor: nginx serving the same bytes, req/s (median)" "$NGINX_RPS"
  printf '%-58s %12s\n' "  its latency p99 ms" "$NGINX_P99"
  printf '%-58s %12s %10s %s\n' "opends / nginx (req/s)" "$RATIO" ">$RATIO_TARGET" "$ratio_ok"
fi
printf '%-58s %12s\n' "  non-2xx answers" "$NON2XX"
[ -n "$ERRS" ] && printf '%-58s %s\n' "  socket errors" "$ERRS"
printf '%-58s %12s %10s %s\n' "push -C A ($N2 tokens) + pull -C B: ms" "$SYNC_MS" "<$SYNC_TARGET_MS" "$sync_ok"
printf '%-58s %12s\n' "  push ms" "$PUSH_MS"
printf '%-58s %12s\n' "  pull ms" "$PULL_MS"
printf '%-58s %12s\n' "  tokens in B after the pull" "$B_TOKENS"

if [ -n "${STRICT:-}" ] && [ "$miss" = 1 ]; then exit 1; fi
