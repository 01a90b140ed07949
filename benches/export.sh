#!/usr/bin/env bash
# benches/export.sh - export performance of opends against its peers and the parse floors.
#
# What it measures:
#   1. The peer comparison (../shared/bench/peers.sh): for DTCG files with N = 1k, 10k, 100k
#      base tokens (+ N/4 semantic + N/16 component aliases, made by gen_tokens.py), the
#      median wall time and peak RSS of writing CSS custom properties + a JS module with
#      opends, Style Dictionary (sd, sd+dts) and Terrazzo, and of the "physical limit"
#      floors (read the file; read + JSON scan; read + parse into a tree in Rust, node and
#      python). Its notes column checks every output: CSS vars written vs N + N/4 + N/16, and
#      any `[object Object]`, `NaN` or `undefined` in the files.
#   2. With hyperfine, the two latency targets of opends itself:
#        opends --version                                  cold start, target < 5 ms
#        opends export tokens --input tokens-1000.json \
#          --format css --format js --out DIR              1,000 tokens, target < 15 ms
#      "Cold" here means a fresh process per run (no daemon, no cache of opends' own); the
#      OS page cache is warm after the first run.
#
# How to run (from anywhere; the repo root is found from this script's location):
#   bash benches/export.sh            full comparison: all sizes, all peers (npm installs
#                                     Style Dictionary, Terrazzo and node 22 into
#                                     /tmp/opends-peers on first use); 20-30 min on 2 cores
#   QUICK=1 bash benches/export.sh    CI mode: SIZES=1000, TOOLS="floors opends", no npm
#                                     (floor-node uses the node on PATH); about a minute
# Knobs of peers.sh pass through: SIZES, TOOLS, CAP, RUNS, LEGACY, PEERS_DIR, NODE_VERSION,
# KEEP, NO_HYPERFINE, OPENDS_CMD, ... (see ../shared/bench/peers.sh). Own knobs:
#   SHARED_BENCH=dir   where peers.sh, gen_tokens.py and floor/ live (default ../shared/bench);
#                      without it, quick mode skips section 1 and uses benches/tokens.py and
#                      benches/floor (see benches/lib.sh)
#   NO_PEERS=1         skip peers.sh, run only the two opends latency checks
#   STRICT=1           exit 1 when a latency target is missed (default: report only)
#   HF_RUNS=50         hyperfine runs per latency check
#   NOOP_N=100000      base tokens of the no-op export project (3. below)
#   ROUNDS=10          rounds of the interleaved no-op run (QUICK: 5)
#   3. Side by side (benches/interleave.py, interleaved rounds, median and min): a project
#      export from the store (css + js, NOOP_N base tokens) with nothing changed, and
#      `--check` with nothing changed, against the floor: read + hash of the inputs
#      (md5sum of opends.yaml and the token file).
#   4. Side by side with the parse floor (interleave.py, FLOOR_ROUNDS rounds; QUICK: 3), for
#      each N in FLOOR_SIZES (default "100000 300000"; QUICK: 10000): `export tokens --input
#      FILE --format css --format js`, `tokens validate FILE` and the Rust floor (read + parse
#      into serde_json::Value); then the peak RSS of each (one run, /usr/bin/time) and the
#      growth exponent of each from the smallest to the largest N (medians; the goal is <= 1.05).
#      Knobs: FLOOR_SIZES, FLOOR_ROUNDS, FLOOR_TARGET (where the floor is built).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
source "$HERE/lib.sh"
HF_RUNS="${HF_RUNS:-50}"
VERSION_TARGET_MS=5
EXPORT_TARGET_MS=15

command -v hyperfine >/dev/null || {
  echo "hyperfine is required: apt-get install -y hyperfine time" >&2; exit 2; }
if [ ! -f "$SHARED_BENCH/peers.sh" ]; then
  # The peers' runner lives with the team's shared bench; without it, quick mode runs
  # sections 2-4 (opends and its floors) and the full comparison cannot run.
  [ -n "${QUICK:-}" ] || {
    echo "peers.sh not found in $SHARED_BENCH (set SHARED_BENCH, or QUICK=1 without the peers)" >&2; exit 2; }
  echo "note: no peers.sh in $SHARED_BENCH: the peers' table (section 1) is skipped" >&2
  NO_PEERS=1
fi

TMP="$(mktemp -d /tmp/opends-export-bench.XXXXXX)"
trap 'rm -rf "$TMP"' EXIT

if [ -n "${QUICK:-}" ]; then
  export SIZES=1000 TOOLS="floors opends"
  # peers.sh installs the npm peers whenever they are missing, whatever TOOLS says: give it
  # a stub install so it never calls npm, and let floor-node use the node on PATH.
  export PEERS_DIR="$TMP/peers-stub" NODE_VERSION=system
  for p in style-dictionary @terrazzo/cli @terrazzo/plugin-css @terrazzo/plugin-js; do
    mkdir -p "$PEERS_DIR/node_modules/$p"
    echo '{"name":"'"$p"'","version":"not-installed"}' > "$PEERS_DIR/node_modules/$p/package.json"
  done
  command -v node >/dev/null || echo "note: no node on PATH; the floor-node row will fail" >&2
fi

echo "== cargo build --release --locked" >&2
(cd "$ROOT" && cargo build --release --locked)
OPENDS_BIN="$ROOT/target/release/opends"
[ -x "$OPENDS_BIN" ] || { echo "no binary at $OPENDS_BIN" >&2; exit 2; }

# ---- 1. peers ------------------------------------------------------------------------
if [ -z "${NO_PEERS:-}" ]; then
  tools="${TOOLS:-floors sd sd+dts terrazzo}"; [[ " $tools " == *" opends "* ]] || tools="$tools opends"
  echo "== peers.sh (SIZES='${SIZES:-1000 10000 100000}' TOOLS='$tools')" >&2
  OPENDS="$OPENDS_BIN" bash "$SHARED_BENCH/peers.sh"
fi

# ---- 2. opends latency targets -------------------------------------------------------
gen_tokens 1000 "$TMP/tokens-1000.json"
mkdir -p "$TMP/out"
cd "$TMP"   # no opends.yaml above: the run is the stateless --input path

median_ms() { python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.2f %.2f %.2f" % (r["median"]*1e3, r["min"]*1e3, r["max"]*1e3))' "$1"; }

echo "== hyperfine: opends --version (cold start, $HF_RUNS runs)" >&2
hyperfine -N --style basic --warmup 0 --runs "$HF_RUNS" --export-json "$TMP/version.json" \
  "$OPENDS_BIN --version" >&2
echo "== hyperfine: opends export tokens, 1,000 tokens, css + js ($HF_RUNS runs)" >&2
hyperfine -N --style basic --warmup 3 --runs "$HF_RUNS" --export-json "$TMP/export.json" \
  "$OPENDS_BIN export tokens --input $TMP/tokens-1000.json --format css --format js --out $TMP/out" >&2

read -r v_med v_min v_max < <(median_ms "$TMP/version.json")
read -r e_med e_min e_max < <(median_ms "$TMP/export.json")
vars=$(cat "$TMP"/out/*.css | grep -c '^\s*--' || true)
miss=0
verdict() { if awk -v a="$1" -v b="$2" 'BEGIN{exit !(a < b)}'; then echo ok; else echo MISS; fi; }
v_ok=$(verdict "$v_med" "$VERSION_TARGET_MS"); [ "$v_ok" = ok ] || miss=1
e_ok=$(verdict "$e_med" "$EXPORT_TARGET_MS"); [ "$e_ok" = ok ] || miss=1

echo
echo "# opends $("$OPENDS_BIN" --version | awk '{print $2}')  $(nproc) cores  $(hyperfine --version)  $(date -u +%FT%TZ)"
printf '%-44s %10s %10s %10s %8s %s\n' check median_ms min_ms max_ms target verdict
printf '%-44s %10s %10s %10s %8s %s\n' "opends --version (cold)" "$v_med" "$v_min" "$v_max" "<${VERSION_TARGET_MS}" "$v_ok"
printf '%-44s %10s %10s %10s %8s %s\n' "export tokens 1k -> css+js ($vars css vars)" "$e_med" "$e_min" "$e_max" "<${EXPORT_TARGET_MS}" "$e_ok"

# ---- 3. no-op export from the store, side by side with its floor -----------------------
NOOP_N="${NOOP_N:-100000}"
ROUNDS="${ROUNDS:-$([ -n "${QUICK:-}" ] && echo 5 || echo 10)}"
mkdir -p "$TMP/noop"
gen_tokens "$NOOP_N" "$TMP/noop/tokens.json"
cat > "$TMP/noop/opends.yaml" <<'YAML'
name: bench
tokens: [tokens.json]
outputs:
  - format: css
    path: dist/tokens.css
  - format: js
    path: dist/tokens.js
YAML
cd "$TMP/noop"
"$OPENDS_BIN" -q export tokens            # imports the tokens and writes the files
# Files written less than 2 s before the record are compared by content; a later run
# records them again.
sleep 2.1 && "$OPENDS_BIN" -q export tokens
echo
echo "== side by side: no-op export from the store, $NOOP_N base tokens, css + js" >&2
python3 "$HERE/interleave.py" "$ROUNDS" \
  "export tokens (no-op)::::$OPENDS_BIN -q export tokens::floor: read+hash inputs" \
  "export tokens --check (no-op)::::$OPENDS_BIN -q export tokens --check::floor: read+hash inputs" \
  "floor: read+hash inputs::::md5sum opends.yaml tokens.json >/dev/null::"

# ---- 4. export and validate at scale, side by side with the parse floor -----------------
FLOOR_SIZES="${FLOOR_SIZES:-$([ -n "${QUICK:-}" ] && echo 10000 || echo "100000 300000")}"
FLOOR_ROUNDS="${FLOOR_ROUNDS:-$([ -n "${QUICK:-}" ] && echo 3 || echo 5)}"
if build_floor; then
  mkdir -p "$TMP/scale"
  : > "$TMP/scale/medians"
  for n in $FLOOR_SIZES; do
    in="$TMP/scale/tokens-$n.json"
    gen_tokens "$n" "$in"
    out="$TMP/scale/out-$n"; mkdir -p "$out"
    export_cmd="$OPENDS_BIN -q export tokens --input $in --format css --format js --out $out"
    validate_cmd="$OPENDS_BIN -q tokens validate $in"
    floor_cmd="$FLOOR_BIN $in"
    echo
    echo "== side by side: $n base tokens ($(du -m "$in" | cut -f1) MB), $FLOOR_ROUNDS rounds" >&2
    python3 "$HERE/interleave.py" "$FLOOR_ROUNDS" \
      "export-css+js:$n::::$export_cmd::floor:$n" \
      "validate:$n::::$validate_cmd::floor:$n" \
      "floor:$n::::$floor_cmd::" | tee "$TMP/scale/table-$n"
    awk '/^(export-css\+js|validate|floor):/{split($1, l, ":"); print l[2], l[1], $2}' \
      "$TMP/scale/table-$n" >> "$TMP/scale/medians"
    rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
    e=$(rss $export_cmd); v=$(rss $validate_cmd); f=$(rss $floor_cmd)
    awk -v n="$n" -v e="$e" -v v="$v" -v f="$f" 'BEGIN{
      printf "peak RSS %s: export %.0f MiB (%.2fx), validate %.0f MiB (%.2fx), floor %.0f MiB\n",
        n, e/1024, e/f, v/1024, v/f, f/1024 }'
  done
  # Growth exponent t(N2)/t(N1) = (N2/N1)^k between the smallest and the largest N.
  awk '{ t[$2, $1] = $3; if (!($1 in seen)) { seen[$1] = 1; ns[++k] = $1 } }
    END { if (k < 2) exit; a = ns[1]; b = ns[k];
      for (i = 1; i <= 3; i++) { split("export-css+js validate floor", w, " "); r = w[i];
        printf "growth %s %s -> %s: N^%.2f\n", r, a, b, log(t[r, b] / t[r, a]) / log(b / a) } }' \
    "$TMP/scale/medians"
else
  echo "note: the Rust floor did not build: scale rows skipped" >&2
fi

if [ -n "${STRICT:-}" ] && [ "$miss" = 1 ]; then exit 1; fi
