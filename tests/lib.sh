# tests/lib.sh - shared by the check scripts (tests/typecheck/run.sh, tests/site/run.sh).
# Source it after setting ROOT (the repository root). Defines TARGET_DIR (cargo's target
# directory, absolute), the PASS/FAIL reporters with their `failures` count, and `quiet`.

TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$ROOT/$TARGET_DIR" ;; esac

failures=0
pass() { printf 'PASS %s\n' "$*"; }
fail() { printf 'FAIL %s\n' "$*"; failures=$((failures + 1)); }
die() { printf 'FAIL %s\n' "$*"; failures=$((failures + 1)); exit 1; }
# Runs a command quietly; on failure prints its output (last 200 lines).
quiet() {
  local log="$1"; shift
  if "$@" >"$log" 2>&1; then return 0; fi
  tail -n 200 "$log" | sed 's/^/    /'
  return 1
}
