#!/usr/bin/env bash
# Builds the design-system site of the example project with `opends docs build` and checks
# it in a real browser (Debian's headless Chromium driven by playwright-core): every page
# loads from file:// without console or page errors, every internal link and anchor
# resolves, a colour swatch is drawn with its token's value and follows the light/dark
# toggle, and search finds a token; then, for the theme-axes resolver fixture, the CSS
# export's computed values under every combination of data-<axis> on <html> and the site's
# axis switchers match `opends tokens get --mode ...`; with the OS preferring dark, a token
# page shows both modes side by side, labelled; every page of a generated 1,000-token
# system loads in under 300 ms (load.mjs). Screenshots go to the artifact directory.
#
#   tests/site/run.sh            # from anywhere
#
# Environment:
#   OPENDS_BIN        the opends binary (default: <repo>/target/release/opends, built or
#                     brought up to date with `cargo build --release --locked`)
#   OPENDS_TEMPLATES  a template directory whose docs/ overrides the built-in docs
#                     templates (added as `templates:` to the copied project), e.g.
#                     <repo>/templates to check edited templates without rebuilding opends
#   SITE_ARTIFACTS    where screenshots go (default: <repo>/target/site-artifacts)
#   SITE_CHECK_DIR    cache directory (default: <repo>/target/site-check); node_modules
#                     live there and are reinstalled only when the pinned versions change
#   SITE_PROJECT      project to build the site of (default: <repo>/examples/acme)
#   SITE_KEEP=1       keep the temporary project and site even when all passes
#   CHROMIUM          the browser (default: /usr/bin/chromium; Debian's `chromium` package
#                     is installed with apt-get when it is missing and we are root)
#
# Needs node (>= 18) and npm; npm install reaches the npm registry the first time (only
# playwright-core, which never downloads a browser of its own).
# Exit status: 0 when every check passes, 1 otherwise.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
DIR="${SITE_CHECK_DIR:-$ROOT/target/site-check}"
PROJECT="${SITE_PROJECT:-$ROOT/examples/acme}"
ARTIFACT_DIR="${SITE_ARTIFACTS:-$ROOT/target/site-artifacts}"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
# TARGET_DIR, pass/fail/die and quiet.
. "$ROOT/tests/lib.sh"

command -v node >/dev/null || die "node is not installed"
command -v npm >/dev/null || die "npm is not installed"
node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 18 ? 0 : 1)' \
  || die "node $(node --version) is too old: playwright-core needs node >= 18"

mkdir -p "$DIR" "$ARTIFACT_DIR"
DIR="$(cd "$DIR" && pwd)"
ARTIFACT_DIR="$(cd "$ARTIFACT_DIR" && pwd)"

# 1. The browser: Debian's chromium.
ensure_chromium "$CHROMIUM" "$DIR"

# 2. playwright-core, pinned. Reinstalled only when this list changes or node_modules is missing.
cat >"$DIR/package.json.new" <<'JSON'
{
  "name": "opends-site-check",
  "private": true,
  "type": "module",
  "description": "Written by tests/site/run.sh: the pinned browser driver that checks the docs site.",
  "devDependencies": {
    "playwright-core": "1.65.1"
  }
}
JSON
npm_tools "$DIR/package.json.new" "$DIR" site-check
rm -f "$DIR/package.json.new"

# 3. opends.
if [[ -n "${OPENDS_BIN:-}" ]]; then
  OPENDS="$OPENDS_BIN"
  [[ -x "$OPENDS" ]] || die "build: OPENDS_BIN=$OPENDS is not an executable"
else
  OPENDS="$TARGET_DIR/release/opends"
  command -v cargo >/dev/null || [[ -x "$OPENDS" ]] || die "build: cargo is not installed and $OPENDS is missing"
  if command -v cargo >/dev/null; then
    # Builds when missing; when present, cargo only rebuilds what changed (a stale binary
    # would check the docs templates it was built with, not the current ones).
    quiet "$DIR/cargo-build.log" cargo build --release --locked -q --manifest-path "$ROOT/Cargo.toml" \
      || die "build: cargo build --release --locked failed"
  fi
  [[ -x "$OPENDS" ]] || die "build: $OPENDS not found"
fi
pass "build: $("$OPENDS" --version)"

# 4. A temporary copy of the project (without its store); build the site there.
WORK="$(mktemp -d "${TMPDIR:-/tmp}/opends-site.XXXXXX")"
cleanup() {
  if [[ $failures -eq 0 && "${SITE_KEEP:-}" != 1 ]]; then rm -rf "$WORK"; else echo "kept $WORK"; fi
}
trap cleanup EXIT
[[ -f "$PROJECT/opends.yaml" ]] || die "project: no opends.yaml in $PROJECT"
cp -R "$PROJECT" "$WORK/project"
rm -rf "$WORK/project/.opends" "$WORK/project/site"
if [[ -n "${OPENDS_TEMPLATES:-}" ]]; then
  [[ -d "$OPENDS_TEMPLATES/docs" ]] || die "templates: OPENDS_TEMPLATES=$OPENDS_TEMPLATES has no docs/ directory"
  templates="$(cd "$OPENDS_TEMPLATES" && pwd)"
  # Replace the project's own `templates:` line, if any, or add one.
  sed -i.bak -e '/^templates:/d' "$WORK/project/opends.yaml" && rm -f "$WORK/project/opends.yaml.bak"
  printf '\ntemplates: "%s"\n' "$templates" >>"$WORK/project/opends.yaml"
  pass "templates: docs templates from $templates/docs"
fi
SITE="$WORK/site"
quiet "$WORK/docs-build.log" "$OPENDS" -C "$WORK/project" docs build --out "$SITE" \
  || die "site: opends docs build failed (log: $WORK/docs-build.log)"
pages="$(find "$SITE" -name '*.html' | wc -l | tr -d ' ')"
[[ "$pages" -gt 0 ]] || die "site: opends docs build wrote no pages into $SITE"
pass "site: $pages pages in $SITE"

# 5. The browser checks.
if ! SITE_CHECK_DIR="$DIR" CHROMIUM="$CHROMIUM" node "$HERE/check.mjs" "$SITE" "$ARTIFACT_DIR"; then
  failures=$((failures + 1))
fi

# 6. Theme axes: a project read from the three-modifier resolver fixture; its CSS export
#    under every combination of data-<axis> on <html>, and its site's axis switchers,
#    against `opends tokens get --mode ...` (tests/site/axes.mjs).
#    Twice: in the fixture's resolution order (brand, scheme, density), and with the scheme
#    before the brand, where a brand's rule must not undo the scheme's for a token that
#    only changes with the brand through a reference.
for order in brand-first scheme-first; do
  AXES="$WORK/axes-$order"
  mkdir -p "$AXES/tokens"
  cp "$ROOT"/tests/fixtures/axes/resolver/*.json "$AXES/tokens/"
  if [[ $order == scheme-first ]]; then
    python3 - "$AXES/tokens/themes.resolver.json" <<'PY'
import json, sys
p = sys.argv[1]
doc = json.load(open(p))
order = doc["resolutionOrder"]
i = order.index({"$ref": "#/modifiers/brand"})
j = order.index({"$ref": "#/modifiers/scheme"})
order[i], order[j] = order[j], order[i]
json.dump(doc, open(p, "w"), indent=2)
PY
  fi
  printf 'name: axes\nresolver: tokens/themes.resolver.json\n' >"$AXES/opends.yaml"
  if [[ -n "${templates:-}" ]]; then
    printf 'templates: "%s"\n' "$templates" >>"$AXES/opends.yaml"
  fi
  if ! quiet "$WORK/axes-$order-export.log" "$OPENDS" -C "$AXES" export tokens --format css --out "$AXES/css"; then
    fail "axes ($order): opends export tokens --format css failed (log: $WORK/axes-$order-export.log)"
  elif ! quiet "$WORK/axes-$order-docs.log" "$OPENDS" -C "$AXES" docs build --out "$WORK/axes-$order-site"; then
    fail "axes ($order): opends docs build failed (log: $WORK/axes-$order-docs.log)"
  else
    pass "axes ($order): exported $AXES/css/tokens.css and built the site of the resolver fixture"
    if ! OPENDS="$OPENDS" SITE_CHECK_DIR="$DIR" CHROMIUM="$CHROMIUM" \
      node "$HERE/axes.mjs" "$AXES" "$AXES/css/tokens.css" "$WORK/axes-$order-site" "$ARTIFACT_DIR/$order"; then
      failures=$((failures + 1))
    fi
  fi
done

# 7. Load time: a generated 1,000-token system (colour scales, semantic aliases with dark
#    values, spacing), every page from navigation to the load event under 300 ms.
BIG="$WORK/load"
mkdir -p "$BIG/tokens"
python3 - "$BIG/tokens" <<'PY'
import json, sys
d = sys.argv[1]
steps = [50, 100, 200, 300, 400, 500, 600, 700, 800, 900, 950]
color = {"$type": "color", "$description": "Palettes: 60 hues of 11 steps"}
for h in range(60):
    color["hue%d" % h] = {str(s): {"$value": {"colorSpace": "oklch", "components": [1 - s / 1000, 0.12, h * 6]}} for s in steps}
fg = {"$type": "color", "bg": {"default": {"$value": "#ffffff"}}}
for i in range(200):
    fg["fg%d" % i] = {"$value": "{color.hue%d.%d}" % (i % 60, steps[5 + i % 6])}
space = {"$type": "dimension", **{"s%d" % i: {"$value": {"value": i, "unit": "px"}} for i in range(140)}}
json.dump({"color": color, "text": fg, "space": space}, open(d + "/base.json", "w"))
json.dump({"text": {"$type": "color", **{"fg%d" % i: {"$value": "{color.hue%d.%d}" % (i % 60, steps[i % 5])} for i in range(200)}}}, open(d + "/dark.json", "w"))
PY
printf 'name: load
tokens: [tokens/base.json]
modes:
  light: []
  dark: [tokens/dark.json]
' >"$BIG/opends.yaml"
if [[ -n "${templates:-}" ]]; then
  printf 'templates: "%s"\n' "$templates" >>"$BIG/opends.yaml"
fi
if ! quiet "$WORK/load-docs.log" "$OPENDS" -C "$BIG" docs build --out "$BIG/site"; then
  fail "load: opends docs build of the 1,000-token system failed (log: $WORK/load-docs.log)"
elif ! SITE_CHECK_DIR="$DIR" CHROMIUM="$CHROMIUM" node "$HERE/load.mjs" "$BIG/site"; then
  failures=$((failures + 1))
fi

if [[ $failures -eq 0 ]]; then
  echo "PASS all checks (screenshots in $ARTIFACT_DIR)"
else
  echo "FAIL $failures check(s) failed (screenshots, if any, in $ARTIFACT_DIR)"
  exit 1
fi
