#!/usr/bin/env bash
# benches/generate.sh - code generation at scale.
#
# Makes a project with the examples/acme tokens and N component specs (default 500,
# variants, states and parts like the examples), imports them once (warm store), then
# times with hyperfine generating all three frameworks (vue + react + svelte) into an
# empty directory, and checks that a second run with nothing changed writes zero files.
# Target: under 1 s for 500 components x 3 frameworks.
#
# Then, side by side in one interleaved run (benches/interleave.py: every round runs each
# row once; median, min and the ratio to its floor), the cold and no-op runs and their
# floors:
#   generate cold (3 frameworks into an empty directory)  vs  `cp -r` of the same files
#   the same                                               vs  `cp -r`, then an fsync of each
#                                                             file (`sync FILE...`): opends
#                                                             flushes each file it writes
#   generate no-op (nothing changed; 3 runs)              vs  3 x read + hash of the inputs
#                                                             (md5sum of opends.yaml, the
#                                                             token files and the specs)
#
#   bash benches/generate.sh            N=500
#   N=2000 bash benches/generate.sh
#   QUICK=1 bash benches/generate.sh    only the interleaved run, 5 rounds (CI; < 1 min)
#   ROUNDS=20 bash benches/generate.sh  rounds of the interleaved run (default 10)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
N="${N:-500}"
command -v hyperfine >/dev/null || { echo "hyperfine is required: apt-get install -y hyperfine" >&2; exit 2; }
(cd "$ROOT" && cargo build --release --locked)
BIN="$ROOT/target/release/opends"
WORK="$(mktemp -d /tmp/opends-generate-bench.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
cp -r "$ROOT/examples/acme/." "$WORK/"
rm -rf "$WORK/.opends" "$WORK/dist" "$WORK/generated" "$WORK/components"
mkdir -p "$WORK/components"
python3 - "$N" "$WORK/components" <<'PY'
import sys
n, out = int(sys.argv[1]), sys.argv[2]
for i in range(n):
    with open(f"{out}/c{i}.yaml", "w") as f:
        f.write(f"""name: Widget {i}
description: Generated widget number {i}.
category: bench
status: approved
element: button
props:
  - {{name: variant, type: enum, values: [primary, secondary, ghost], default: primary}}
  - {{name: size, type: enum, values: [sm, md, lg], default: md}}
  - {{name: disabled, type: boolean, default: false}}
  - {{name: label, type: string}}
slots:
  - {{name: default}}
  - {{name: icon}}
events:
  - {{name: click, payload: MouseEvent}}
accessibility:
  aria:
    aria-disabled: {{prop: disabled}}
parts:
  - {{name: icon, element: slot}}
  - {{name: default, element: slot}}
styles:
  padding: "{{space.2}} {{space.4}}"
  border-radius: "{{radius.md}}"
  font: "{{text.body}}"
variants:
  - name: primary
    when: {{variant: primary}}
    styles: {{background: "{{color.action.primary.default}}", color: "{{color.fg.on-action}}"}}
    states: {{hover: {{background: "{{color.action.primary.hover}}"}}}}
  - name: secondary
    when: {{variant: secondary}}
    styles: {{background: "{{color.action.secondary.default}}"}}
  - name: sm
    when: {{size: sm}}
    styles: {{padding: "{{space.1}} {{space.2}}"}}
states:
  focus-visible: {{outline: "2px solid {{color.border.focus}}"}}
  disabled: {{opacity: "{{opacity.disabled}}"}}
""")
PY
cd "$WORK"
"$BIN" -q components list >/dev/null    # imports tokens and specs: the store is warm
gen='for f in vue react svelte; do '"$BIN"' -q generate $f --out out/$f; done'
side_by_side() {
  local rounds="${ROUNDS:-10}"
  [ -n "${QUICK:-}" ] && rounds="${ROUNDS:-5}"
  local noop='for f in vue react svelte; do '"$BIN"' -q generate $f --out noop/$f; done'
  local inputs
  inputs="opends.yaml $(find tokens components -type f | sort | tr '\n' ' ')"
  bash -c "$gen" && rm -rf ref && cp -r out ref
  bash -c "$noop"
  # Files written less than 2 s before the record are compared by content (an edit in the
  # same timestamp tick could keep size and time); a later run records them again.
  sleep 2.1 && bash -c "$noop"
  echo "== side by side: $N components x 3 frameworks, $(find ref -type f | wc -l) files" >&2
  python3 "$HERE/interleave.py" "$rounds" \
    "generate cold::rm -rf out::$gen::floor: cp -r" \
    "floor: cp -r::rm -rf copy::cp -r ref copy::" \
    "generate cold (vs durable copy)::rm -rf out::$gen::floor: cp -r + fsync each" \
    "floor: cp -r + fsync each::rm -rf copy::cp -r ref copy && find copy -type f -exec sync {} +::" \
    "generate no-op::::$noop::floor: read+hash inputs x3" \
    "floor: read+hash inputs x3::::for i in 1 2 3; do md5sum $inputs >/dev/null; done::"
}
if [ -n "${QUICK:-}" ]; then side_by_side; exit 0; fi
echo "== $N components x 3 frameworks, into an empty directory (hyperfine)" >&2
# The file system is given time to finish deleting the last run's files (ext4 with
# `discard` otherwise slows the next run's creates).
hyperfine --warmup 1 --runs 10 --prepare 'rm -rf out && sync && sleep 1' "bash -c '$gen'"
bash -c "$gen"
echo "== the same without writing (--check into an empty directory): generation alone" >&2
chk='for f in vue react svelte; do '"$BIN"' -q generate $f --check --out empty/$f || true; done'
hyperfine --warmup 1 --runs 10 "bash -c '$chk'"
echo "== for scale: python creating 2,006 files of 10 KB on this disk" >&2
python3 - <<'PY'
import os, time, tempfile
d = tempfile.mkdtemp(dir=".")
t = time.time()
for i in range(2006):
    with open(os.path.join(d, f"f{i}.txt"), "w") as f:
        f.write("x" * 10000)
print(f"python: {time.time() - t:.3f} s")
PY
echo "== second run, nothing changed" >&2
written=0
for f in vue react svelte; do
  w=$("$BIN" generate $f --out out/$f --json | python3 -c 'import json,sys; print(sum(1 for x in json.load(sys.stdin)["files"] if x["status"] != "unchanged"))')
  written=$((written + w))
done
echo "files written by the second run: $written"
hyperfine --warmup 1 --runs 10 "bash -c '$gen'"
files=$(find out -type f | wc -l)
echo "files generated: $files"
side_by_side
