# tests/lib.sh - shared by the check scripts (tests/typecheck/run.sh, tests/site/run.sh,
# tests/components/run.sh). Source it after setting ROOT (the repository root). Defines
# TARGET_DIR (cargo's target directory, absolute), the PASS/FAIL reporters with their
# `failures` count, `quiet`, `ensure_chromium` and `npm_tools`.

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

# ensure_chromium CHROMIUM LOGDIR: Debian's chromium at CHROMIUM, installed with apt-get
# (as root) when it is /usr/bin/chromium and missing.
ensure_chromium() {
  local chromium="$1" logs="$2"
  if [[ -x "$chromium" ]]; then
    pass "chromium: $("$chromium" --version 2>/dev/null || echo "$chromium")"
    return 0
  fi
  [[ "$chromium" == /usr/bin/chromium ]] || die "chromium: $chromium (from CHROMIUM) is not an executable"
  [[ "$(id -u)" -eq 0 ]] || die "chromium: /usr/bin/chromium is missing; install Debian's chromium package (apt-get install chromium) or run as root"
  command -v apt-get >/dev/null || die "chromium: /usr/bin/chromium is missing and there is no apt-get to install it"
  export DEBIAN_FRONTEND=noninteractive
  apt_install() { apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core; }
  # Refresh the package lists only when they do not know chromium yet, or are stale.
  if ! apt-cache show chromium >/dev/null 2>&1; then
    quiet "$logs/apt-update.log" apt-get update -q || die "chromium: apt-get update failed (log: $logs/apt-update.log)"
  fi
  if ! quiet "$logs/apt-install.log" apt_install; then
    quiet "$logs/apt-update.log" apt-get update -q || die "chromium: apt-get update failed (log: $logs/apt-update.log)"
    quiet "$logs/apt-install.log" apt_install || die "chromium: apt-get install chromium failed (log: $logs/apt-install.log)"
  fi
  [[ -x "$chromium" ]] || die "chromium: installed, but $chromium is still missing"
  pass "chromium: installed $("$chromium" --version 2>/dev/null || echo chromium)"
}

# npm_tools PACKAGE_JSON DIR NAME: the pinned tools of PACKAGE_JSON installed into
# DIR/node_modules; reinstalled only when the file changes (a stamp named after NAME) or
# node_modules is missing. Never downloads a browser.
npm_tools() {
  local want="$1" dir="$2" stamp="$2/node_modules/.opends-$3-stamp"
  if [[ -d "$dir/node_modules" && -f "$stamp" ]] && cmp -s "$want" "$stamp"; then
    pass "tools: node_modules up to date in $dir"
    return 0
  fi
  [[ "$want" -ef "$dir/package.json" ]] || cp "$want" "$dir/package.json"
  rm -rf "$dir/node_modules" "$dir/package-lock.json"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 quiet "$dir/npm-install.log" \
    npm install --prefix "$dir" --no-audit --no-fund --loglevel=error \
    || die "tools: npm install failed (log: $dir/npm-install.log)"
  cp "$dir/package.json" "$stamp"
  pass "tools: installed $(node -p "Object.entries(require('$dir/package.json').devDependencies).map(([n,v])=>n+'@'+v).join(' ')")"
}
