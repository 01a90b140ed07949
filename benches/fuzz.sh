#!/usr/bin/env bash
# benches/fuzz.sh - a long run of the readers' mutation fuzzers.
#
# What it runs: the two proptest fuzzers in tests/cli/security_input.rs (module `fuzz`):
#   fuzz_token_reader  token files: JSON -> DTCG / Style Dictionary / Tokens Studio /
#                      resolver documents -> link -> resolve
#   fuzz_spec_reader   component specs and opends.yaml: YAML pre-scan -> yaml_serde ->
#                      spec checks
# Seeds are tests/fuzz/corpus/{tokens,specs}; mutations are byte-level (flip, insert a
# dictionary fragment, delete, copy a range) and, for JSON, structural (duplicate an
# object, add `$extends`, turn a value into an alias). Every case must end without a
# panic, within the limits, with every error located. `cargo test` runs 96 cases of each;
# this script runs many more, in release-like optimisation of the dev profile.
#
# How to run (from anywhere):
#   bash benches/fuzz.sh               10,000 cases per fuzzer
#   CASES=100000 bash benches/fuzz.sh  more
# A failing input is written to target/fuzz-crashes/{tokens,specs}/; once fixed, copy it
# into tests/fuzz/corpus/ so that every later run starts from it.
set -euo pipefail
cd "$(dirname "$0")/.."
CASES="${CASES:-10000}"
OPENDS_FUZZ_CASES="$CASES" cargo test --locked --test cli security_input::fuzz -- --nocapture
