#!/usr/bin/env bash
# tests/pg/start.sh - a real PostgreSQL server for the test suite, on loopback only.
#
# Prints ONE line on stdout, the URL of a ready database:
#   postgres://opends@127.0.0.1:PORT/opends_test
# and everything else on stderr. Exits non-zero with a message when it cannot.
#
# What it does:
#   - finds the PostgreSQL server binaries (/usr/lib/postgresql/*/bin, else initdb on PATH);
#     with none and run as root on Debian, installs Debian's `postgresql` package with
#     apt-get (apt-get update only when the install fails without it). The distro's own
#     cluster/service is never used.
#   - keeps its own cluster in ${OPENDS_PG_DIR:-<repo>/target/pg}:
#       data/          the cluster (initdb -U opends --auth=trust -E UTF8)
#       port           the TCP port, chosen free once and reused by every later run
#       postgres.log   the server log (pg_ctl -l)
#       sock/          the unix socket directory
#     Listens on 127.0.0.1 only; fsync, synchronous_commit and full_page_writes are off
#     (a throwaway test cluster: a crash may lose it, just delete the directory).
#   - reuses a running cluster (pg_ctl status), else starts it (pg_ctl -w), then creates the
#     database opends_test when missing.
#   - PostgreSQL refuses to run as root: as root, initdb/pg_ctl run as the `postgres` system
#     user (runuser) and the directory is owned by it; otherwise as the current user.
#   - several test processes may call it at once: the whole setup holds an flock on
#     <cluster dir>.lock (target/pg.lock by default).
#
# Usage:   URL=$(bash tests/pg/start.sh)   then e.g.  psql "$URL" -c 'select 1'
# Stop:    pg_ctl stop -D target/pg/data   (as root: runuser -u postgres -- pg_ctl ...)
#          or just: bash tests/pg/start.sh --stop
# Knobs:   OPENDS_PG_DIR=dir   cluster directory (default <repo>/target/pg)
#          OPENDS_PG_DB=name   database to create (default opends_test)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PG_DIR="${OPENDS_PG_DIR:-$ROOT/target/pg}"
DB="${OPENDS_PG_DB:-opends_test}"
PG_USER=opends
HOST=127.0.0.1

log() { echo "tests/pg/start.sh: $*" >&2; }
die() { log "error: $*"; exit 1; }

STOP=
case "${1:-}" in
  --stop) STOP=1 ;;
  "") ;;
  *) die "unknown argument '$1' (usage: start.sh [--stop])" ;;
esac

IS_ROOT=
[ "$(id -u)" = 0 ] && IS_ROOT=1

mkdir -p "$(dirname "$PG_DIR")"
PG_DIR="$(cd "$(dirname "$PG_DIR")" && pwd)/$(basename "$PG_DIR")"
DATA="$PG_DIR/data"
PORT_FILE="$PG_DIR/port"
LOG_FILE="$PG_DIR/postgres.log"
SOCK_DIR="$PG_DIR/sock"
LOCK_FILE="$PG_DIR.lock"

command -v flock >/dev/null || die "flock not found (Debian: util-linux)"
exec 9>"$LOCK_FILE" || die "cannot open the lock file $LOCK_FILE"
if ! flock -w 120 9; then die "timed out after 120 s waiting for the lock $LOCK_FILE (held by: $(fuser "$LOCK_FILE" 2>/dev/null || echo unknown))"; fi

# ---- server binaries -----------------------------------------------------------------
# The bin directory of the version the cluster was made with, else the newest installed.
find_bindir() {
  local want="" d
  [ -f "$DATA/PG_VERSION" ] && want="$(cat "$DATA/PG_VERSION")"
  if [ -n "$want" ] && [ -x "/usr/lib/postgresql/$want/bin/initdb" ]; then
    echo "/usr/lib/postgresql/$want/bin"; return 0
  fi
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | while read -r b; do
         [ -x "$b/initdb" ] && [ -x "$b/pg_ctl" ] && echo "$b"; done | tail -n 1 || true)"
  if [ -n "$d" ]; then echo "$d"; return 0; fi
  if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
    dirname "$(command -v initdb)"; return 0
  fi
  return 1
}

install_postgresql() {
  [ -n "$IS_ROOT" ] || die "no PostgreSQL server binaries found (no /usr/lib/postgresql/*/bin/initdb, no initdb on PATH) and not root: install them (Debian: apt-get install postgresql) or run as root"
  command -v apt-get >/dev/null || die "no PostgreSQL server binaries found and no apt-get to install them"
  log "installing Debian's postgresql package (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  local apt=(apt-get install -y -q -o Dpkg::Use-Pty=0 --no-install-recommends postgresql)
  if ! "${apt[@]}" >&2; then
    log "apt-get install failed; running apt-get update and trying again"
    apt-get update -q >&2 || die "apt-get update failed"
    "${apt[@]}" >&2 || die "apt-get install postgresql failed"
  fi
}

BIN="$(find_bindir || true)"
if [ -z "$BIN" ] && [ -z "$STOP" ]; then
  install_postgresql
  BIN="$(find_bindir || true)"
  [ -n "$BIN" ] || die "postgresql installed but no initdb found under /usr/lib/postgresql/*/bin"
fi

# Runs a server command as the cluster's owner: `postgres` when we are root. The lock's fd
# is closed for it: a server started here would otherwise hold the lock while it runs.
as_owner() {
  if [ -n "$IS_ROOT" ]; then
    (cd / && runuser -u postgres -- "$@") 9>&-
  else
    (cd / && "$@") 9>&-
  fi
}

# psql as a client over TCP (trust auth on loopback), ignoring any ~/.psqlrc.
PSQL="$BIN/psql"
[ -x "$PSQL" ] || PSQL="$(command -v psql || true)"
psql_q() { PGCONNECT_TIMEOUT=5 "$PSQL" -X -q -v ON_ERROR_STOP=1 -h "$HOST" -p "$PORT" -U "$PG_USER" "$@"; }

running() { [ -f "$DATA/PG_VERSION" ] && as_owner "$BIN/pg_ctl" status -D "$DATA" >/dev/null 2>&1; }

if [ -n "$STOP" ]; then
  if [ -n "$BIN" ] && running; then
    as_owner "$BIN/pg_ctl" stop -D "$DATA" -m fast -w >&2 || die "pg_ctl stop failed"
  else
    log "no cluster running in $DATA"
  fi
  exit 0
fi

# ---- the cluster directory -------------------------------------------------------------
mkdir -p "$PG_DIR" "$SOCK_DIR"
if [ -n "$IS_ROOT" ]; then
  id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' system user (it comes with Debian's postgresql package)"
  chown -R postgres:postgres "$PG_DIR" 2>/dev/null || die "cannot chown $PG_DIR to postgres"
  runuser -u postgres -- test -w "$PG_DIR" -a -x "$PG_DIR" \
    || die "the postgres user cannot reach $PG_DIR (a parent directory is not searchable by others?); set OPENDS_PG_DIR to a directory it can reach"
fi

free_port() {
  python3 - <<'PY' 2>/dev/null || echo $(( 20000 + RANDOM % 20000 ))
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
PY
}

PORT=""
[ -f "$PORT_FILE" ] && PORT="$(tr -dc 0-9 < "$PORT_FILE")"

url() { echo "postgres://$PG_USER@$HOST:$PORT/$DB"; }

if ! running; then
  if [ ! -f "$DATA/PG_VERSION" ]; then
    log "initdb $DATA (PostgreSQL $("$BIN/postgres" --version 2>/dev/null | awk '{print $3}'))"
    rm -rf "$DATA"
    as_owner "$BIN/initdb" -D "$DATA" -U "$PG_USER" --auth=trust -E UTF8 --locale=C \
      --no-sync >"$PG_DIR/initdb.log" 2>&1 \
      || { cat "$PG_DIR/initdb.log" >&2; die "initdb failed (log above, also in $PG_DIR/initdb.log)"; }
    # Our settings live in opends.conf, rewritten at every start (the port may change).
    echo "include_if_exists = 'opends.conf'" >> "$DATA/postgresql.conf"
  fi

  # The unix socket path (dir + /.s.PGSQL.NNNNN) must fit in 107 bytes; we only use TCP,
  # so with a deep directory the socket is simply left out.
  sockdirs="$SOCK_DIR"
  if [ $(( ${#SOCK_DIR} + 18 )) -gt 107 ]; then
    log "note: $SOCK_DIR is too long for a unix socket; TCP only"
    sockdirs=""
  fi

  started=
  for attempt in 1 2 3 4 5; do
    if [ -z "$PORT" ] || [ "$attempt" -gt 1 ]; then
      PORT="$(free_port)"
    fi
    echo "$PORT" > "$PORT_FILE"
    cat > "$PG_DIR/opends.conf.tmp" <<EOF
# written by tests/pg/start.sh - a throwaway test cluster
listen_addresses = '$HOST'
port = $PORT
unix_socket_directories = '$sockdirs'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
EOF
    [ -n "$IS_ROOT" ] && chown postgres:postgres "$PG_DIR/opends.conf.tmp" "$PORT_FILE"
    as_owner cp "$PG_DIR/opends.conf.tmp" "$DATA/opends.conf"
    rm -f "$PG_DIR/opends.conf.tmp"
    log "starting PostgreSQL on $HOST:$PORT (log: $LOG_FILE)"
    if as_owner "$BIN/pg_ctl" start -D "$DATA" -l "$LOG_FILE" -w -t 60 >&2; then
      started=1; break
    fi
    # Someone took the port between our choice and the start: choose another one.
    if tail -n 20 "$LOG_FILE" 2>/dev/null | grep -qi 'could not bind\|address already in use'; then
      log "port $PORT is taken; trying another one"
      continue
    fi
    tail -n 20 "$LOG_FILE" >&2 2>/dev/null || true
    die "pg_ctl start failed (log above, in $LOG_FILE)"
  done
  [ -n "$started" ] || die "could not start PostgreSQL: no free port after 5 attempts (see $LOG_FILE)"
else
  # Running already: trust the port the server itself was started with.
  cfg_port="$(sed -n 's/^port = \([0-9]*\)$/\1/p' "$DATA/opends.conf" 2>/dev/null || true)"
  [ -n "$cfg_port" ] && PORT="$cfg_port"
  [ -n "$PORT" ] || die "a cluster is running in $DATA but its port is unknown (no $PORT_FILE); stop it: runuser -u postgres -- $BIN/pg_ctl stop -D $DATA"
  log "reusing the running cluster in $DATA on $HOST:$PORT"
fi

# ---- ready and the database --------------------------------------------------------------
[ -n "$PSQL" ] || die "psql not found (Debian: postgresql-client)"
ready=
for _ in $(seq 1 100); do
  if psql_q -d postgres -tAc 'select 1' >/dev/null 2>&1; then ready=1; break; fi
  sleep 0.1
done
[ -n "$ready" ] || { psql_q -d postgres -tAc 'select 1' >&2 || true
  die "PostgreSQL in $DATA does not answer on $HOST:$PORT as user $PG_USER (log: $LOG_FILE)"; }

exists="$(psql_q -d postgres -tAc "select 1 from pg_database where datname = '$DB'")" \
  || die "cannot query pg_database on $HOST:$PORT"
if [ "$exists" != 1 ]; then
  log "creating database $DB"
  psql_q -d postgres -c "create database \"$DB\" encoding 'UTF8' template template0" >&2 \
    || die "create database $DB failed"
fi

url
