#!/usr/bin/env bash
# benches/versions.sh - diff and the version store, each beside its floor.
#
#   1. diff between two released versions of a large system: gen_tokens.py N (default
#      N=100000 base tokens, 131,250 tokens with the aliases), release 1.0.0, change the
#      values of 1% of the base tokens, release again; then, interleaved (interleave.py,
#      ROUNDS rounds, median and min):
#        opends diff 1.0.0 1.0.1 --format json     against
#        floor: read + parse both versions' files (../shared/bench/floor, serde_json::Value)
#      goal <= 1.2x; then each one's peak RSS (/usr/bin/time).
#   2. the version store: a GROWTH_N-token set (default 7620 base = 10,001 tokens) released
#      RELEASES times (default 100) with 1% of the values changed each time, and the same
#      files committed as often to a git repository packed with `git gc --aggressive`.
#      Prints the store file, the versions' content in it (version_deltas) and the packed
#      git history; goal: the store <= 2x the git history.
#
#   bash benches/versions.sh            full run (~10 min on 2 cores)
#   QUICK=1 bash benches/versions.sh    CI mode: N=10000, GROWTH_N=1000, RELEASES=10, ROUNDS=3
# Knobs: N, GROWTH_N, RELEASES, ROUNDS, SHARED_BENCH (where gen_tokens.py and floor/ live;
# without them benches/tokens.py and benches/floor, see benches/lib.sh), FLOOR_TARGET. Needs python3, git and /usr/bin/time.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
source "$HERE/lib.sh"
if [ -n "${QUICK:-}" ]; then
  N="${N:-10000}"; GROWTH_N="${GROWTH_N:-1000}"; RELEASES="${RELEASES:-10}"; ROUNDS="${ROUNDS:-3}"
fi
N="${N:-100000}"
GROWTH_N="${GROWTH_N:-7620}"
RELEASES="${RELEASES:-100}"
ROUNDS="${ROUNDS:-5}"

command -v git >/dev/null || { echo "git is required" >&2; exit 2; }

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


build_floor || { echo "the floor did not build" >&2; exit 2; }
# Peak RSS in KiB of one run (diff exits 1 when there are differences).
rss() { /usr/bin/time -f %M -o "$TMP/rss" "$@" >/dev/null 2>&1 || true; tail -1 "$TMP/rss"; }

echo "== 1. diff between two versions, N=$N, beside the parse floor" >&2
P="$TMP/diff"
project "$P"
gen_tokens "$N" "$P/tokens.json"
cp "$P/tokens.json" "$TMP/v1.json"
(cd "$P" && "$BIN" release --yes -q && mutate tokens.json 1 && "$BIN" release --yes -q)
cp "$P/tokens.json" "$TMP/v2.json"
TOKENS=$(cd "$P" && "$BIN" versions show latest --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["tokens"])')
CHANGES=$(cd "$P" && { "$BIN" diff 1.0.0 1.0.1 --format json || true; } | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["changes"]))')
echo "$TOKENS tokens per version, $CHANGES changes"
python3 "$HERE/interleave.py" "$ROUNDS" \
  "diff 1.0.0 1.0.1::::cd $P && $BIN diff 1.0.0 1.0.1 --format json::floor: parse both" \
  "floor: parse both::::$FLOOR_BIN $TMP/v1.json && $FLOOR_BIN $TMP/v2.json::"
D_RSS=$(cd "$P" && rss "$BIN" diff 1.0.0 1.0.1 --format json)
F_RSS=$(rss "$FLOOR_BIN" "$TMP/v1.json")
echo "peak RSS: diff $((D_RSS / 1024)) MiB, floor (one file) $((F_RSS / 1024)) MiB"

echo "== 2. the version store: $RELEASES releases, 1% changed each, beside git" >&2
G="$TMP/growth"
project "$G"
gen_tokens "$GROWTH_N" "$G/tokens.json"
git init -q "$TMP/git"
commit() {
  cp "$G/tokens.json" "$G/opends.yaml" "$TMP/git/"
  git -C "$TMP/git" add -A
  git -C "$TMP/git" -c user.name=bench -c user.email=bench@example.com commit -qm "release $1"
}
START=$(date +%s.%N)
(cd "$G" && "$BIN" release --yes -q)
commit 1
for i in $(seq 2 "$RELEASES"); do
  (cd "$G" && mutate tokens.json "$i" && "$BIN" release --yes -q)
  commit "$i"
done
END=$(date +%s.%N)
git -C "$TMP/git" gc -q --aggressive --prune=now
python3 - "$G/.opends/opends.db" "$TMP/git/.git" "$RELEASES" "$START" "$END" <<'PY'
import os, sqlite3, sys
db, git, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
t = float(sys.argv[5]) - float(sys.argv[4])
con = sqlite3.connect(db)
tokens = con.execute("select token_count from versions order by id desc limit 1").fetchone()[0]
deltas = con.execute("select coalesce(sum(length(data)), 0) from version_deltas").fetchone()[0]
# The rest of what versions hold: their records (with the packed changelog) and layouts.
records = con.execute("select coalesce(sum(length(changelog) + length(version) + length(author)"
                      " + length(content_hash) + 64), 0) from versions").fetchone()[0]
layouts = con.execute("select coalesce(sum(length(data)), 0) from version_layouts").fetchone()[0]
checked_out = sum(os.path.getsize(os.path.join(os.path.dirname(git), f))
                  for f in ("tokens.json", "opends.yaml"))
store = os.path.getsize(db)
packed = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(git) for f in fs)
print(f"{tokens} tokens, {n} releases ({t / n * 1000:.0f} ms per release, incl. the 1% edit and the git commit)")
print(f"versions' content (version_deltas) {deltas / 1e6:.2f} MB = {deltas / packed:.2f}x git")
print(f"all the versions hold (deltas, records with changelogs, layouts) {(deltas + records + layouts) / 1e6:.2f} MB"
      f" = {(deltas + records + layouts) / packed:.2f}x git")
working = con.execute("select coalesce(sum(length(data)), 0) from working_tokens").fetchone()[0]
print(f"the working tokens (one packed value) {working / 1e6:.2f} MB")
print(f"store file {store / 1e6:.2f} MB = {store / packed:.2f}x git (goal <= 2x)")
print(f"store file beside git + its checked-out files ({(packed + checked_out) / 1e6:.2f} MB):"
      f" {store / (packed + checked_out):.2f}x")
print(f"packed git history (.git after gc --aggressive) {packed / 1e6:.2f} MB")
PY
