#!/usr/bin/env bash
# benches/axes.sh - what theme axes cost: `opends export tokens` (CSS, SCSS, JS, TS) of the
# same tokens read through a DTCG resolver document with one axis and with three,
# interleaved in one hyperfine run with the parse floor.
#
#   one.resolver.json     N tokens; modifier `scheme` (light|dark), dark overrides 20%
#   three.resolver.json   the same N tokens; modifiers `brand` (a|b|c, b and c each
#                         override 10%), `scheme` as above, `density` (comfortable|compact,
#                         compact overrides 10%): 3 x 2 x 2 = 12 combinations
#   floor                 ../shared/bench/floor: read + serde_json parse of the base set
#
# Target (issue "Themes with several axes"): three <= 2x one, for N = 10000.
#
# How to run (from anywhere):
#   bash benches/axes.sh                 N=10000
#   N=100000 RUNS=5 bash benches/axes.sh
#   OPENDS=path/to/opends bash benches/axes.sh   (that binary, no build)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
source "$HERE/lib.sh"
N="${N:-10000}"
RUNS="${RUNS:-20}"

command -v hyperfine >/dev/null || {
  echo "hyperfine is required: apt-get install -y hyperfine" >&2; exit 2; }

TMP="$(mktemp -d /tmp/opends-axes-bench.XXXXXX)"
trap 'rm -rf "$TMP"' EXIT

if [ -z "${OPENDS:-}" ]; then
  echo "== cargo build --release --locked" >&2
  (cd "$ROOT" && cargo build --release --locked -q)
  OPENDS="$ROOT/target/release/opends"
fi
FLOOR=""
if build_floor; then
  FLOOR="$FLOOR_BIN"
fi

python3 - "$N" "$TMP" <<'PY'
import json, os, random, sys
n, out = int(sys.argv[1]), sys.argv[2]
random.seed(7)
def color():
    c = [round(random.random(), 3) for _ in range(3)]
    return {"colorSpace": "srgb", "components": c,
            "hex": "#" + "".join("%02x" % round(x * 255) for x in c)}
def dim():
    return {"value": random.choice([2, 4, 8, 12, 16, 24, 32]), "unit": "px"}
base, kinds = {}, []
for i in range(n):
    group = f"g{i // 100}"
    if i % 4 == 3:
        # an alias to an earlier colour of the same group
        kinds.append("alias")
        base.setdefault(group, {})[f"t{i}"] = {"$type": "color", "$value": f"{{{group}.t{i - 3}}}"}
    elif i % 2:
        kinds.append("dimension")
        base.setdefault(group, {})[f"t{i}"] = {"$type": "dimension", "$value": dim()}
    else:
        kinds.append("color")
        base.setdefault(group, {})[f"t{i}"] = {"$type": "color", "$value": color()}
def overrides(share, kind, salt):
    doc = {}
    for i in range(n):
        if kinds[i] == kind and (i * 7 + salt) % 100 < share * 100 * 2:
            v = color() if kind == "color" else dim()
            doc.setdefault(f"g{i // 100}", {})[f"t{i}"] = {"$type": kind, "$value": v}
    return doc
def write(name, doc):
    json.dump(doc, open(os.path.join(out, name), "w"))
write("base.json", base)
write("dark.json", overrides(0.2, "color", 1))
write("brand-b.json", overrides(0.1, "color", 2))
write("brand-c.json", overrides(0.1, "color", 3))
write("compact.json", overrides(0.1, "dimension", 4))
ref = lambda f: [{"$ref": f}]
scheme = {"default": "light", "contexts": {"light": [], "dark": ref("dark.json")}}
write("one.resolver.json", {
    "version": "2025.10",
    "sets": {"base": {"sources": ref("base.json")}},
    "modifiers": {"scheme": scheme},
    "resolutionOrder": [{"$ref": "#/sets/base"}, {"$ref": "#/modifiers/scheme"}]})
write("three.resolver.json", {
    "version": "2025.10",
    "sets": {"base": {"sources": ref("base.json")}},
    "modifiers": {
        "brand": {"default": "a", "contexts": {"a": [], "b": ref("brand-b.json"), "c": ref("brand-c.json")}},
        "scheme": scheme,
        "density": {"default": "comfortable", "contexts": {"comfortable": [], "compact": ref("compact.json")}}},
    "resolutionOrder": [{"$ref": "#/sets/base"}, {"$ref": "#/modifiers/brand"},
                        {"$ref": "#/modifiers/scheme"}, {"$ref": "#/modifiers/density"}]})
PY

export_cmd() {
  echo "$OPENDS export tokens -q --input $TMP/$1.resolver.json --format css --format scss --format js --format ts --out $TMP/out-$1"
}
for v in one three; do
  $(export_cmd "$v") || { echo "$v.resolver.json does not export" >&2; exit 1; }
done

CMDS=(-n one "$(export_cmd one)" -n three "$(export_cmd three)")
if [ -n "$FLOOR" ]; then
  CMDS+=(-n floor "$FLOOR $TMP/base.json")
fi
# Each run writes only what changed: remove the outputs so every run writes them all.
hyperfine -N --warmup 2 --runs "$RUNS" --prepare "rm -rf $TMP/out-one $TMP/out-three" \
  --export-json "$TMP/result.json" "${CMDS[@]}" >&2
python3 - "$TMP/result.json" "$N" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
med = lambda k: sorted(r[k]["times"])[len(r[k]["times"]) // 2] * 1000
o, t = med("one"), med("three")
print(f"| export css+scss+js+ts, {sys.argv[2]} tokens | one axis {o:.0f} ms | three axes (12 combinations) {t:.0f} ms | three/one {t/o:.2f}x |", end="")
if "floor" in r:
    f = med("floor")
    print(f" floor {f:.0f} ms | one/floor {o/f:.2f}x | three/floor {t/f:.2f}x |")
else:
    print()
PY
