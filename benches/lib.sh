# benches/lib.sh - sourced by the benches: the token generator and the parse floor.
#
# The team's shared bench directory (SHARED_BENCH, default ../shared/bench) holds the
# generator the peers are measured with and the reference floor; a checkout without it
# (a CI machine) uses this repository's own: benches/tokens.py, the same file shape, and
# benches/floor, the same read + serde_json::Value parse. Each bench prints which it used.
#
#   gen_tokens N OUT.json   writes a token file with N base tokens
#   build_floor             builds the floor; sets FLOOR_BIN (and FLOOR_FROM)

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SHARED_BENCH="${SHARED_BENCH:-$BENCH_DIR/../../shared/bench}"

gen_tokens() {
  if [ -f "$SHARED_BENCH/gen_tokens.py" ]; then
    python3 "$SHARED_BENCH/gen_tokens.py" "$1" "$2"
  else
    python3 "$BENCH_DIR/tokens.py" "$1" "$2"
  fi
}

build_floor() {
  local manifest="$BENCH_DIR/floor/Cargo.toml" target="${FLOOR_TARGET:-/tmp/opends-bench-floor}"
  FLOOR_FROM="benches/floor"
  if [ -f "$SHARED_BENCH/floor/Cargo.toml" ]; then
    manifest="$SHARED_BENCH/floor/Cargo.toml"
    FLOOR_FROM="$SHARED_BENCH/floor"
    target="${FLOOR_TARGET:-/tmp/opends-floor-target}"
  fi
  CARGO_TARGET_DIR="$target" cargo build --release --quiet --locked --manifest-path "$manifest" || return 1
  FLOOR_BIN="$target/release/floor"
  [ -x "$FLOOR_BIN" ] || return 1
  echo "floor: $FLOOR_FROM; token files: $([ -f "$SHARED_BENCH/gen_tokens.py" ] && echo "$SHARED_BENCH/gen_tokens.py" || echo benches/tokens.py)" >&2
}
