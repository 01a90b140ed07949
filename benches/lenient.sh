#!/usr/bin/env bash
# benches/lenient.sh - what the lenient reader costs: `opends tokens validate` of one token
# set written two ways, interleaved in one hyperfine run with the parse floor.
#
#   strict.json   DTCG 2025.10 as written (made by gen_tokens, benches/lib.sh)
#   legacy.json   the same tokens as other tools write them: colours as "#rrggbb",
#                 dimensions as "16px", durations as "200ms" (every base token is a
#                 string the lenient reader converts, with a warning each)
#   floor         ../shared/bench/floor: read + serde_json parse of legacy.json
#
# Target (issue "Real design systems in"): legacy <= 1.5x strict.
#
# How to run (from anywhere):
#   bash benches/lenient.sh              N=100000 tokens (plus N/4 + N/16 aliases)
#   N=10000 RUNS=20 bash benches/lenient.sh
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
source "$HERE/lib.sh"
N="${N:-100000}"
RUNS="${RUNS:-10}"

command -v hyperfine >/dev/null || {
  echo "hyperfine is required: apt-get install -y hyperfine" >&2; exit 2; }

TMP="$(mktemp -d /tmp/opends-lenient-bench.XXXXXX)"
trap 'rm -rf "$TMP"' EXIT

echo "== cargo build --release --locked" >&2
(cd "$ROOT" && cargo build --release --locked -q)
OPENDS="$ROOT/target/release/opends"
FLOOR=""
if build_floor; then
  FLOOR="$FLOOR_BIN"
fi

gen_tokens "$N" "$TMP/strict.json"
python3 - "$TMP/strict.json" "$TMP/legacy.json" <<'PY'
import json, sys
root = json.load(open(sys.argv[1]))
def legacy(node):
    if isinstance(node, dict):
        if "$value" in node and isinstance(node["$value"], dict):
            v, t = node["$value"], node.get("$type")
            if t == "color":
                node["$value"] = v["hex"]
            elif t in ("dimension", "duration"):
                node["$value"] = f'{v["value"]}{v["unit"]}'
            return
        for child in node.values():
            legacy(child)
legacy(root)
json.dump(root, open(sys.argv[2], "w"), indent=1)
PY

"$OPENDS" tokens validate "$TMP/strict.json" >/dev/null 2>&1 || {
  echo "strict.json does not validate" >&2; exit 1; }
"$OPENDS" tokens validate "$TMP/legacy.json" >/dev/null 2>&1 || {
  echo "legacy.json does not validate leniently" >&2; exit 1; }
if "$OPENDS" tokens validate --strict "$TMP/legacy.json" >/dev/null 2>&1; then
  echo "legacy.json passes --strict: it is not legacy" >&2; exit 1
fi

CMDS=(
  -n strict "$OPENDS tokens validate -q $TMP/strict.json"
  -n legacy "$OPENDS tokens validate -q $TMP/legacy.json"
)
if [ -n "$FLOOR" ]; then
  CMDS+=(-n floor "$FLOOR $TMP/legacy.json")
fi
hyperfine -N --warmup 2 --runs "$RUNS" --export-json "$TMP/result.json" "${CMDS[@]}" >&2
python3 - "$TMP/result.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
med = lambda k: sorted(r[k]["times"])[len(r[k]["times"]) // 2] * 1000
s, l = med("strict"), med("legacy")
print(f"| tokens validate, {len(r)} commands | strict {s:.0f} ms | legacy {l:.0f} ms | legacy/strict {l/s:.2f}x |", end="")
if "floor" in r:
    f = med("floor")
    print(f" floor {f:.0f} ms | strict/floor {s/f:.2f}x | legacy/floor {l/f:.2f}x |")
else:
    print()
PY
