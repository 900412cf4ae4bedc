#!/usr/bin/env bash
# pg-cluster.sh — a throwaway PostgreSQL cluster for the tests and benchmarks:
#
#   scripts/pg-cluster.sh start       start one (if none is running), print its URL
#   scripts/pg-cluster.sh url         print the running cluster's URL
#   scripts/pg-cluster.sh testdb      a fresh database on $FACTLINE_TEST_PG's server, for
#                                     one test: prints its URL, or exits 77 (skip) / 1
#                                     (FACTLINE_REQUIRE_PG=1) saying why it cannot
#   scripts/pg-cluster.sh dropdb URL  drop a database made by testdb
#   scripts/pg-cluster.sh stop        stop the cluster and delete its files
#
# It runs Debian's server binaries (/usr/lib/postgresql/*/bin, the newest) in
# its own data directory under a mktemp directory, as a non-root OS user (the
# `postgres` user Debian creates, or `factline-pg` made with useradd when run
# as root without it), listening only on 127.0.0.1 at a free port and on a
# unix socket inside that directory: it never touches a system cluster.
# Authentication is `trust` for the one role `factline` (a superuser, so tests
# can make their own databases); anyone on this machine can reach it while it
# runs, so it must only ever hold test data. fsync is off: the cluster is
# deleted on stop, and a killed *client* (what the tests exercise) does not
# depend on it. FACTLINE_PG_FSYNC=on keeps fsync for benchmarks;
# FACTLINE_PG_OPTIONS adds server options ("-c name=value ...").
#
# The running cluster is found through a state file (default
# build/pg-cluster.state; FACTLINE_PG_STATE overrides), so each worktree has
# its own. Every failure says why, with the server's log, and exits non-zero.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
state=${FACTLINE_PG_STATE:-$repo/build/pg-cluster.state}
role=factline

die() { echo "pg-cluster: $*" >&2; exit 1; }

# Reads the state file: dir, port, OS user, binaries.
load_state() {
  [ -f "$state" ] || return 1
  # shellcheck disable=SC1090
  . "$state"
  [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR/data" ]
}

# Runs a server binary as the cluster's OS user (directly when not root).
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u "$PG_USER" -- env LC_ALL=C "$@"
  else
    env LC_ALL=C "$@"
  fi
}

url_of() { echo "postgresql://$role@127.0.0.1:$PG_PORT/${1:-factline}"; }

running() { as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" status >/dev/null 2>&1; }

find_bin() {
  # The glob sorts 10 before 9: pick the highest version number explicitly.
  local best
  best=$(for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && echo "$d"; done |
    sort -t/ -k5,5n | tail -n 1)
  [ -n "$best" ] || die "no PostgreSQL server found: /usr/lib/postgresql/*/bin/initdb is missing; install the Debian package 'postgresql' (scripts/setup.sh does)"
  echo "$best"
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

cmd_start() {
  if load_state && running; then
    url_of
    return 0
  fi
  [ -f "$state" ] && cmd_stop >/dev/null 2>&1 || true
  PG_BIN=$(find_bin)
  if [ "$(id -u)" = 0 ]; then
    PG_USER=postgres
    if ! getent passwd "$PG_USER" >/dev/null; then
      PG_USER=factline-pg
      getent passwd "$PG_USER" >/dev/null ||
        useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_USER" ||
        die "running as root, there is no 'postgres' user and 'useradd $PG_USER' failed: the server refuses to run as root"
    fi
  else
    PG_USER=$(id -un)
  fi
  PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/factline-pg.XXXXXX")
  mkdir -p "$PG_DIR/data" "$PG_DIR/sock"
  [ "$(id -u)" = 0 ] && chown -R "$PG_USER" "$PG_DIR"
  chmod 700 "$PG_DIR/data"
  # The directory must be reachable by the server's user (mktemp makes it 0700).
  chmod 711 "$PG_DIR"
  mkdir -p "$(dirname "$state")"
  if ! as_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -U "$role" --auth=trust -E UTF8 --locale=C \
       >"$PG_DIR/initdb.log" 2>&1; then
    cat "$PG_DIR/initdb.log" >&2
    rm -rf "$PG_DIR"
    die "initdb failed as OS user '$PG_USER' (its output is above)"
  fi
  # Loopback only, and no system socket directory; a random free port so several
  # clusters (other worktrees, a system one) can run side by side. A port taken
  # between choosing and binding is retried.
  local fsync=${FACTLINE_PG_FSYNC:-off} attempt started=0 opts
  # One line: pg_ctl hands -o to a shell, where a newline would end the command.
  opts="-c listen_addresses=127.0.0.1 -c unix_socket_directories=$PG_DIR/sock -c fsync=$fsync"
  opts+=" -c full_page_writes=$fsync -c max_connections=100 ${FACTLINE_PG_OPTIONS:-}"
  for attempt in 1 2 3; do
    PG_PORT=$(free_port)
    if as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start \
         -o "$opts -c port=$PG_PORT" \
         >/dev/null 2>&1; then
      started=1
      break
    fi
    grep -q "could not bind\|already in use" "$PG_DIR/server.log" 2>/dev/null || break
  done
  if [ "$started" != 1 ]; then
    tail -n 20 "$PG_DIR/server.log" >&2 2>/dev/null || true
    rm -rf "$PG_DIR"
    die "the server did not start (binaries $PG_BIN, OS user $PG_USER; the end of its log is above)"
  fi
  printf 'PG_DIR=%q\nPG_PORT=%q\nPG_USER=%q\nPG_BIN=%q\n' "$PG_DIR" "$PG_PORT" "$PG_USER" "$PG_BIN" >"$state"
  if ! "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 "$(url_of postgres)" -c "CREATE DATABASE factline" >/dev/null; then
    cmd_stop >/dev/null 2>&1 || true
    die "the server started but 'CREATE DATABASE factline' failed (message above)"
  fi
  url_of
}

cmd_url() {
  load_state && running || die "no cluster is running (state file $state); run: scripts/pg-cluster.sh start"
  url_of
}

# URL with its database name replaced (query parameters kept).
with_db() {
  python3 -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path="/" + sys.argv[2])))' "$1" "$2"
}

psql_bin() { command -v psql || echo "${PG_BIN:-$(find_bin)}/psql"; }

# A fresh database on the server of FACTLINE_TEST_PG (or the running cluster),
# for one test: tests run in parallel and must not see each other's rows.
# Unset or unreachable: exit 77 (skip) with the reason, or 1 when
# FACTLINE_REQUIRE_PG=1 says PostgreSQL tests must run (CI).
cmd_testdb() {
  local base=${FACTLINE_TEST_PG:-} why="" name psql
  local fail=77
  [ "${FACTLINE_REQUIRE_PG:-0}" = 1 ] && fail=1
  if [ -z "$base" ]; then
    why="FACTLINE_TEST_PG is not set (scripts/test.sh starts a throwaway cluster with scripts/pg-cluster.sh and sets it)"
  else
    psql=$(psql_bin)
    name="t_$(date +%s)_$$_$RANDOM"
    if ! why=$("$psql" -X -q -v ON_ERROR_STOP=1 "$base" -c "CREATE DATABASE $name" 2>&1 >/dev/null); then
      why="cannot create a test database on FACTLINE_TEST_PG=$base: ${why:-psql failed}"
    else
      with_db "$base" "$name"
      return 0
    fi
  fi
  if [ "$fail" = 1 ]; then
    echo "FAILED: PostgreSQL tests are required (FACTLINE_REQUIRE_PG=1) but cannot run: $why" >&2
  else
    echo "SKIPPED: PostgreSQL tests: $why" >&2
  fi
  exit "$fail"
}

# Drops a database made by testdb, through FACTLINE_TEST_PG's server.
cmd_dropdb() {
  local url=${1:?usage: pg-cluster.sh dropdb URL} name
  name=$(python3 -c 'import sys, urllib.parse as u; print(u.urlsplit(sys.argv[1]).path.lstrip("/"))' "$url")
  case $name in t_*) ;; *) die "refusing to drop '$name': only databases made by testdb (t_*)";; esac
  "$(psql_bin)" -X -q "$(with_db "$url" postgres)" -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" >/dev/null
}

cmd_stop() {
  load_state || { rm -f "$state"; return 0; }
  as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  case $PG_DIR in */factline-pg.*) rm -rf "$PG_DIR" ;; esac
  rm -f "$state"
}

case ${1:-} in
  start) cmd_start ;;
  url) cmd_url ;;
  testdb) cmd_testdb ;;
  dropdb) shift; cmd_dropdb "$@" ;;
  stop) cmd_stop ;;
  *) echo "usage: scripts/pg-cluster.sh start|url|testdb|dropdb URL|stop" >&2; exit 2 ;;
esac
