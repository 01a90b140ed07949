#!/usr/bin/env bash
# The generated components in a real browser: generates Vue, React and Svelte from the
# example project, server-renders a page per framework with every component in every
# variant and state (read from the specs) plus interaction fixtures, and hydrates it in
# Debian's headless Chromium (driven by playwright-core). Per framework: no console error
# while hydrating; axe-core reports 0 violations, also with every element forced into
# :hover, :focus-visible and :active; Tab order through Button; Enter and Space
# activate Button; Escape closes Dialog and focus returns to the opener; arrow keys move
# between Tabs; a TextField inside a <form> submits name=value; the loading Button's
# spinner animates, and does not with prefers-reduced-motion: reduce.
#
#   tests/components/run.sh            # from anywhere
#
# Files: cases.mjs (the cases, from the specs), build.mjs (esbuild bundles for the server
# and the browser, the server-rendered pages), app/App.{vue,tsx,svelte} (the page, one
# per framework), check.mjs (the browser checks), package.json (the pinned tools).
#
# Environment:
#   COMPONENTS_PENDING    comma-separated checks whose failure prints PENDING instead of
#                         FAIL, for work in progress (each name must be a known check:
#                         server-render, hydration, console, axe, axe-states, tab-order, button-keys,
#                         dialog, tabs, form, spinner, reduced-motion), e.g.
#                         COMPONENTS_PENDING=tabs,form,spinner,reduced-motion
#   COMPONENTS_CHECK_DIR  cache directory (default: <repo>/target/components-check);
#                         node_modules live there and are reinstalled only when
#                         tests/components/package.json changes
#   COMPONENTS_PROJECT    project to generate from (default: <repo>/examples/acme)
#   COMPONENTS_KEEP=1     keep the generated code and the pages even when all passes
#   CHROMIUM              the browser (default: /usr/bin/chromium; Debian's `chromium`
#                         package is installed with apt-get when it is missing and we are root)
#
# Needs node (>= 18) and npm; npm install reaches the npm registry the first time (the
# pinned frameworks, esbuild, axe-core, yaml and playwright-core, which never downloads a
# browser of its own). Nothing else goes to the network.
# Exit status: 0 when every check that is not pending passes, 1 otherwise.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
DIR="${COMPONENTS_CHECK_DIR:-$ROOT/target/components-check}"
PROJECT="${COMPONENTS_PROJECT:-$ROOT/examples/acme}"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
# TARGET_DIR, pass/fail/die and quiet.
. "$ROOT/tests/lib.sh"

command -v node >/dev/null || die "node is not installed"
command -v npm >/dev/null || die "npm is not installed"
command -v cargo >/dev/null || die "cargo is not installed"
node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 18 ? 0 : 1)' \
  || die "node $(node --version) is too old: playwright-core needs node >= 18"

mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"

# 1. The browser: Debian's chromium (as tests/site/run.sh installs it).
ensure_chromium "$CHROMIUM" "$DIR"

# 2. Tools, pinned in package.json (react, vue and svelte at the versions of
#    tests/typecheck/run.sh). Reinstalled only when it changes or node_modules is missing.
npm_tools "$HERE/package.json" "$DIR" components-check

# 3. opends (the debug build, as tests/typecheck/run.sh).
quiet "$DIR/cargo-build.log" cargo build --locked --manifest-path "$ROOT/Cargo.toml" \
  || die "build: cargo build --locked failed"
OPENDS="$TARGET_DIR/debug/opends"
[[ -x "$OPENDS" ]] || die "build: $OPENDS not found"
pass "build: $("$OPENDS" --version)"

# 4. A temporary copy of the project (inside $DIR, so the bundles resolve its
#    node_modules); its tokens and all three frameworks generated into it.
WORK="$(mktemp -d "$DIR/run.XXXXXX")"
cleanup() {
  if [[ $failures -eq 0 && "${COMPONENTS_KEEP:-}" != 1 ]]; then rm -rf "$WORK"; else echo "kept $WORK"; fi
}
trap cleanup EXIT
[[ -f "$PROJECT/opends.yaml" ]] || die "project: no opends.yaml in $PROJECT"
cp -R "$PROJECT" "$WORK/project"
rm -rf "$WORK/project/.opends" "$WORK/project/generated"
quiet "$WORK/export.log" "$OPENDS" -C "$WORK/project" export tokens --format css --out "$WORK/tokens" \
  || die "generate: opends export tokens --format css failed (log: $WORK/export.log)"
TOKENS_CSS="$WORK/tokens/tokens.css"
[[ -f "$TOKENS_CSS" ]] || die "generate: opends export tokens --format css wrote no $TOKENS_CSS"
OUT="$WORK/out"
for fw in vue react svelte; do
  quiet "$WORK/generate-$fw.log" "$OPENDS" -C "$WORK/project" generate "$fw" --out "$OUT/$fw" --include-drafts \
    || die "generate: opends generate $fw failed (log: $WORK/generate-$fw.log)"
done
pass "generate: vue, react and svelte from $(find "$WORK/project/components" -name '*.yaml' | wc -l | tr -d ' ') specs"

# 5. The pages: bundled for the server and the browser, server-rendered.
if ! COMPONENTS_CHECK_DIR="$DIR" node "$HERE/build.mjs" "$WORK/project/components" "$OUT" "$TOKENS_CSS" "$WORK/pages"; then
  failures=$((failures + 1))
fi

# 6. The browser checks.
if [[ -f "$WORK/pages/pages.json" ]]; then
  if ! COMPONENTS_CHECK_DIR="$DIR" CHROMIUM="$CHROMIUM" node "$HERE/check.mjs" "$WORK/pages"; then
    failures=$((failures + 1))
  fi
else
  fail "pages: build.mjs wrote no pages.json"
fi

if [[ $failures -eq 0 ]]; then
  echo "PASS all checks${COMPONENTS_PENDING:+ (pending: $COMPONENTS_PENDING)}"
else
  echo "FAIL $failures step(s) failed"
  exit 1
fi
