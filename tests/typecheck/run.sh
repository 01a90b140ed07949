#!/usr/bin/env bash
# Type-checks (and server-renders) the Vue, React and Svelte code that opends generates
# from the example project, with pinned compiler and framework versions; then runs the
# theme-axes export tests whose TypeScript, SCSS and Less output goes through tsc, sass
# (dart-sass) and lessc of the same pinned set.
#
#   tests/typecheck/run.sh            # from anywhere
#
# Environment:
#   TYPECHECK_DIR      cache directory (default: <repo>/target/typecheck); node_modules
#                      live there and are reinstalled only when the pinned versions change
#   TYPECHECK_PROJECT  project to generate from (default: <repo>/examples/acme)
#   TYPECHECK_KEEP=1   keep the temporary project and generated code even when all passes
#
# OPENDS_REQUIRE_NODE_TOOLS=1 (read by tests/cli/axes_export.rs): a missing node, tsc,
# sass or lessc fails the test instead of skipping its check. `cargo test` alone skips
# them when the tools are not installed yet; the last step here sets it, so with this
# script those checks cannot be skipped.
#
# Needs node (>= 20.6) and npm; npm install reaches the npm registry the first time.
# Exit status: 0 when every check passes, 1 otherwise.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
DIR="${TYPECHECK_DIR:-$ROOT/target/typecheck}"
PROJECT="${TYPECHECK_PROJECT:-$ROOT/examples/acme}"
# TARGET_DIR, pass/fail/die and quiet.
. "$ROOT/tests/lib.sh"

command -v node >/dev/null || die "node is not installed"
command -v npm >/dev/null || die "npm is not installed"
command -v cargo >/dev/null || die "cargo is not installed"
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=6)?0:1)' \
  || die "node $(node --version) is too old: module hooks need node >= 20.6"

# 1. Tools, pinned. Reinstalled only when this list changes or node_modules is missing.
mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"
cat >"$DIR/package.json.new" <<'JSON'
{
  "name": "opends-typecheck",
  "private": true,
  "type": "module",
  "description": "Written by tests/typecheck/run.sh: pinned tools that check the generated components.",
  "devDependencies": {
    "@types/react": "19.3.0",
    "@types/react-dom": "19.3.0",
    "less": "4.9.1",
    "react": "19.3.1",
    "react-dom": "19.3.1",
    "sass": "1.108.2",
    "svelte": "5.57.3",
    "svelte-check": "4.7.8",
    "typescript": "6.0.3",
    "vue": "3.5.45",
    "vue-tsc": "3.3.14"
  }
}
JSON
npm_tools "$DIR/package.json.new" "$DIR" typecheck
rm -f "$DIR/package.json.new"
BIN_DIR="$DIR/node_modules/.bin"

# 2. opends.
quiet "$DIR/cargo-build.log" cargo build --locked --manifest-path "$ROOT/Cargo.toml" \
  || die "build: cargo build --locked failed"
OPENDS="$TARGET_DIR/debug/opends"
[[ -x "$OPENDS" ]] || die "build: $OPENDS not found"
pass "build: $("$OPENDS" --version)"

# 3. A temporary copy of the project; generate all three frameworks into it.
WORK="$(mktemp -d "$DIR/run.XXXXXX")"
cleanup() {
  if [[ $failures -eq 0 && "${TYPECHECK_KEEP:-}" != 1 ]]; then rm -rf "$WORK"; else echo "kept $WORK"; fi
}
trap cleanup EXIT
[[ -f "$PROJECT/opends.yaml" ]] || die "project: no opends.yaml in $PROJECT"
cp -R "$PROJECT" "$WORK/project"
rm -rf "$WORK/project/.opends" "$WORK/project/generated"
# Fixtures rendered by project templates (the built-in templates render everything else):
# a Usage file per framework that uses every component with its required props and slots.
templates_rel="$(sed -n -e 's/[[:space:]]#.*$//' -e 's/^templates:[[:space:]]*//p' "$WORK/project/opends.yaml" | tr -d "\"'" | head -n 1)"
if [[ -z "$templates_rel" ]]; then
  templates_rel="typecheck-templates"
  printf '\ntemplates: %s\n' "$templates_rel" >>"$WORK/project/opends.yaml"
fi
for fw in vue react svelte; do
  mkdir -p "$WORK/project/$templates_rel/$fw"
  cp "$HERE/templates/$fw/"*.hbs "$WORK/project/$templates_rel/$fw/"
done
cp "$HERE/hooks.mjs" "$HERE/register.mjs" "$HERE/ssr.mjs" "$WORK/"
OUT="$WORK/out"
quiet "$WORK/export.log" "$OPENDS" -C "$WORK/project" export tokens \
  || die "generate: opends export tokens failed"
for fw in vue react svelte; do
  quiet "$WORK/generate-$fw.log" "$OPENDS" -C "$WORK/project" generate "$fw" --out "$OUT/$fw" --include-drafts \
    || die "generate: opends generate $fw failed"
done
count="$(find "$OUT/react" -name '*.module.css' | wc -l | tr -d ' ')"
[[ "$count" -gt 0 ]] || die "generate: no components in $PROJECT/components"
pass "generate: $count components for vue, react and svelte"

# 4. Type checks: strict TypeScript, zero errors (and for Svelte zero warnings).
cat >"$WORK/tsconfig.base.json" <<'JSON'
{
  "compilerOptions": {
    "target": "ES2022",
    "module": "ESNext",
    "moduleResolution": "Bundler",
    "lib": ["ES2022", "DOM", "DOM.Iterable"],
    "types": [],
    "strict": true,
    "exactOptionalPropertyTypes": true,
    "noEmit": true,
    "skipLibCheck": true,
    "isolatedModules": true,
    "verbatimModuleSyntax": true,
    "noUnusedLocals": true,
    "noUnusedParameters": true,
    "noImplicitReturns": true,
    "noImplicitOverride": true,
    "noFallthroughCasesInSwitch": true,
    "noUncheckedIndexedAccess": true,
    "forceConsistentCasingInFileNames": true
  }
}
JSON
cat >"$WORK/css-modules.d.ts" <<'TS'
declare module '*.module.css' {
  const classes: { readonly [name: string]: string }
  export default classes
}
TS
cat >"$WORK/tsconfig.react.json" <<'JSON'
{
  "extends": "./tsconfig.base.json",
  "compilerOptions": { "jsx": "react-jsx" },
  "include": ["out/react/**/*.ts", "out/react/**/*.tsx", "css-modules.d.ts"]
}
JSON
cat >"$WORK/tsconfig.vue.json" <<'JSON'
{
  "extends": "./tsconfig.base.json",
  "compilerOptions": { "jsx": "preserve" },
  "vueCompilerOptions": {
    "checkUnknownComponents": true,
    "checkUnknownDirectives": true,
    "checkUnknownEvents": true
  },
  "include": ["out/vue/**/*.ts", "out/vue/**/*.vue"]
}
JSON
cat >"$WORK/tsconfig.svelte.json" <<'JSON'
{
  "extends": "./tsconfig.base.json",
  "include": ["out/svelte/**/*.ts", "out/svelte/**/*.svelte"]
}
JSON
if quiet "$WORK/tsc-react.log" "$BIN_DIR/tsc" -p "$WORK/tsconfig.react.json" --pretty false; then
  pass "react: tsc --noEmit: 0 errors"
else
  fail "react: tsc --noEmit reported errors"
fi
if quiet "$WORK/vue-tsc.log" "$BIN_DIR/vue-tsc" -p "$WORK/tsconfig.vue.json" --noEmit --pretty false; then
  pass "vue: vue-tsc --noEmit: 0 errors"
else
  fail "vue: vue-tsc --noEmit reported errors"
fi
if quiet "$WORK/svelte-check.log" "$BIN_DIR/svelte-check" --workspace "$WORK" \
  --tsconfig "$WORK/tsconfig.svelte.json" --fail-on-warnings --output machine; then
  pass "svelte: svelte-check --fail-on-warnings: $(grep -Eo '[0-9]+ FILES [0-9]+ ERRORS [0-9]+ WARNINGS' "$WORK/svelte-check.log" | tail -n 1 | tr 'A-Z' 'a-z')"
else
  fail "svelte: svelte-check reported errors or warnings"
fi

# 5. Server rendering: React's Button with its class and token variables; every
#    component of every framework; styles use only defined custom properties.
if ! (cd "$WORK" && node --import ./register.mjs ssr.mjs "$OUT"); then
  failures=$((failures + 1))
fi

# 6. Theme-axes outputs through the real compilers (tsc, sass, lessc); the tools are
#    required here (see OPENDS_REQUIRE_NODE_TOOLS above).
if quiet "$DIR/axes-export.log" env OPENDS_REQUIRE_NODE_TOOLS=1 TYPECHECK_DIR="$DIR" \
  cargo test --locked --manifest-path "$ROOT/Cargo.toml" --test cli axes_export; then
  pass "axes: cargo test --test cli axes_export: $(grep -Eo '[0-9]+ passed' "$DIR/axes-export.log" | tail -n 1) with tsc, sass and lessc required"
else
  fail "axes: cargo test --test cli axes_export failed (log: $DIR/axes-export.log)"
fi

if [[ $failures -eq 0 ]]; then
  echo "PASS all checks"
else
  echo "FAIL $failures check(s) failed"
  exit 1
fi
