#!/usr/bin/env bash
# benches/versions.sh - release and diff performance, and how the store grows.
#
# What it measures (release build, one run, numbers go to docs/performance.md):
#   1. diff between two released versions of a large system: gen_tokens.py N (default
#      N=100000 base tokens, 131,250 tokens with the aliases), release 1.0.0, change the
#      values of 1% of the base tokens, release again, then time
#        opends diff 1.0.0 1.0.1 --format json            target < 1 s
#      with hyperfine (exit status 1 = "differences" is expected).
#   2. store growth: a 10,000-token set released 100 times with 1% of the values changed
#      each time; prints the store size with no release, after one, and after 100, and the
#      ratio of the growth to one snapshot (target < 3x), plus the time per release.
#
# How to run: bash benches/versions.sh   (N=20000 bash benches/versions.sh for a quick run)
# Needs hyperfine and python3; SHARED_BENCH=dir names where gen_tokens.py lives.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
SHARED_BENCH="${SHARED_BENCH:-$ROOT/../shared/bench}"
N="${N:-100000}"
RELEASES="${RELEASES:-100}"

command -v hyperfine >/dev/null || {
  echo "hyperfine is required: apt-get install -y hyperfine" >&2; exit 2; }
[ -f "$SHARED_BENCH/gen_tokens.py" ] || {
  echo "gen_tokens.py not found in $SHARED_BENCH (set SHARED_BENCH)" >&2; exit 2; }

TMP="$(mktemp -d /tmp/opends-versions-bench.XXXXXX)"
trap 'rm -rf "$TMP"' EXIT

echo "== cargo build --release --locked" >&2
(cd "$ROOT" && cargo build --release --locked -q)
BIN="$ROOT/target/release/opends"
export OPENDS_AUTHOR=bench NO_COLOR=1

# Changes 1% of the base tokens' values of a gen_tokens.py file, seeded by $2.
mutate() {
  python3 - "$1" "$2" <<'PY'
import json, random, sys
path, seed = sys.argv[1], int(sys.argv[2])
d = json.load(open(path))
base = d["base"]
paths = [(k, g, t) for k in base for g in base[k] for t in base[k][g]]
for k, g, t in random.Random(seed).sample(paths, max(1, len(paths) // 100)):
    tok = base[k][g][t]
    v = tok["$value"]
    if isinstance(v, dict) and "value" in v:
        v["value"] += 1
    elif isinstance(v, dict) and "components" in v:
        v["components"][0] = round(1 - v["components"][0], 4)
        v.pop("hex", None)
    elif isinstance(v, (int, float)) and k == "number":
        tok["$value"] = round(v + 1, 3)
    elif isinstance(v, int):
        tok["$value"] = 900 if v != 900 else 100
json.dump(d, open(path, "w"))
PY
}

project() {
  mkdir -p "$1"
  printf 'name: bench\ntokens: [tokens.json]\n' > "$1/opends.yaml"
}

size() { stat -c %s "$1/.opends/opends.db"; }

echo "== 1. diff between two versions, N=$N" >&2
P="$TMP/diff"
project "$P"
python3 "$SHARED_BENCH/gen_tokens.py" "$N" "$P/tokens.json"
(cd "$P" && "$BIN" release --yes -q && mutate tokens.json 1 && "$BIN" release --yes -q)
TOKENS=$(cd "$P" && "$BIN" versions show latest --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["tokens"])')
CHANGES=$(cd "$P" && { "$BIN" diff 1.0.0 1.0.1 --format json || true; } | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["changes"]))')
(cd "$P" && hyperfine -N -i --warmup 1 --runs "${HF_RUNS:-10}" --export-json "$TMP/diff.json" \
  "$BIN diff 1.0.0 1.0.1 --format json" >&2)
RSS=$(cd "$P" && { /usr/bin/time -f %M "$BIN" diff 1.0.0 1.0.1 --format json >/dev/null || true; } 2>&1 | tail -1)
python3 - "$TMP/diff.json" "$TOKENS" "$CHANGES" "$RSS" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print(f"diff 1.0.0 1.0.1: {sys.argv[2]} tokens, {sys.argv[3]} changes: "
      f"median {r['median']*1000:.0f} ms (min {r['min']*1000:.0f}, max {r['max']*1000:.0f}), "
      f"peak RSS {int(sys.argv[4])//1024} MiB; target < 1000 ms")
PY

echo "== 2. store growth: 10,000 tokens, $RELEASES releases, 1% changed each" >&2
G="$TMP/growth"
project "$G"
python3 "$SHARED_BENCH/gen_tokens.py" 7620 "$G/tokens.json"   # 7620 + 1905 + 476 = 10,001 tokens
(cd "$G" && "$BIN" tokens list -q >/dev/null)
S0=$(size "$G")
(cd "$G" && "$BIN" release --yes -q)
S1=$(size "$G")
START=$(date +%s.%N)
for i in $(seq 2 "$RELEASES"); do
  (cd "$G" && mutate tokens.json "$i" && "$BIN" release --yes -q)
done
END=$(date +%s.%N)
S100=$(size "$G")
python3 - "$S0" "$S1" "$S100" "$RELEASES" "$START" "$END" <<'PY'
import sys
s0, s1, sn, n = (int(x) for x in sys.argv[1:5])
t = float(sys.argv[6]) - float(sys.argv[5])
snap = s1 - s0
print(f"store: no release {s0/1e6:.2f} MB, one snapshot +{snap/1e6:.2f} MB, "
      f"{n} releases +{(sn-s0)/1e6:.2f} MB = {(sn-s0)/snap:.2f}x one snapshot (target < 3x); "
      f"{t/(n-1)*1000:.0f} ms per release (incl. the 1% edit in python)")
PY
