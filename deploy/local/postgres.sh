#!/usr/bin/env bash
# A private PostgreSQL 15 cluster for local runs and tests, bound to 127.0.0.1.
#
# Environment:
#   BIO_PG_DIR   data directory (default deploy/local/.state/postgres; relative paths are taken
#                relative to the repository root, whatever the current directory)
#   BIO_PG_PORT  TCP port (default 55432)
#   BIO_PG_BIN   PostgreSQL binaries (default /usr/lib/postgresql/15/bin, else pg_ctl on PATH)
#   BIO_PG_MAX_CONNECTIONS  max_connections (default 300: every test host keeps its own pools)
#
# start prints exactly one line on stdout, the Npgsql connection string; logs go to stderr.
set -euo pipefail

usage() {
  echo "usage: $(basename "$0") start|stop|status|url" >&2
  exit 2
}

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
set_log_tag postgres

PG_DIR="$(abs_path "${BIO_PG_DIR:-deploy/local/.state/postgres}")"
PG_PORT="${BIO_PG_PORT:-55432}"
PG_HOST=127.0.0.1
PG_MAX_CONNECTIONS="${BIO_PG_MAX_CONNECTIONS:-300}"
PG_DB=bio
PG_USER=postgres
require_port BIO_PG_PORT "$PG_PORT"
[[ "$PG_DIR" != *"'"* && "$PG_DIR" != *'"'* ]] || die "BIO_PG_DIR must not contain quotes: $PG_DIR"

if [[ -n "${BIO_PG_BIN:-}" ]]; then
  PG_BIN="$BIO_PG_BIN"
elif [[ -x /usr/lib/postgresql/15/bin/pg_ctl ]]; then
  PG_BIN=/usr/lib/postgresql/15/bin
elif command -v pg_ctl >/dev/null 2>&1; then
  PG_BIN="$(dirname "$(command -v pg_ctl)")"
else
  die "PostgreSQL binaries not found (set BIO_PG_BIN, or apt-get install postgresql-15)"
fi
[[ -x "${PG_BIN}/pg_ctl" && -x "${PG_BIN}/initdb" ]] || die "no pg_ctl/initdb in ${PG_BIN}"

# initdb and pg_ctl refuse to run as root: as root, run them as the postgres OS user.
as_owner() {
  # From "/": the postgres user may not be able to enter the caller's working directory.
  if [[ "$(id -u)" -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

# The port the running server really listens on (line 4 of postmaster.pid), else BIO_PG_PORT.
effective_port() {
  local port=""
  if [[ -r "${PG_DIR}/postmaster.pid" ]]; then
    port="$(sed -n 4p "${PG_DIR}/postmaster.pid" 2>/dev/null | tr -dc '0-9')"
  fi
  printf '%s' "${port:-$PG_PORT}"
}

conn_string() {
  printf 'Host=%s;Port=%s;Username=%s;Database=%s\n' "$PG_HOST" "$1" "$PG_USER" "$PG_DB"
}

is_running() {
  [[ -f "${PG_DIR}/PG_VERSION" ]] || return 1
  as_owner "${PG_BIN}/pg_ctl" status -D "$PG_DIR" >/dev/null 2>&1
}

init_cluster() {
  log "initialising a new cluster in ${PG_DIR}"
  mkdir -p "$PG_DIR"
  if [[ "$(id -u)" -eq 0 ]]; then
    chown postgres:postgres "$PG_DIR"
    as_owner test -w "$PG_DIR" ||
      die "the postgres user cannot write ${PG_DIR} (a parent folder is not traversable?); set BIO_PG_DIR elsewhere, e.g. /tmp/bio-pg"
  fi
  chmod 700 "$PG_DIR"
  local locale=C
  if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then
    locale=C.UTF-8
  fi
  as_owner "${PG_BIN}/initdb" -D "$PG_DIR" --auth=trust --username="$PG_USER" \
    --encoding=UTF8 --locale="$locale" --no-instructions >&2
}

wait_ready() {
  local port="$1" i
  for ((i = 0; i < 300; i++)); do
    if "${PG_BIN}/pg_isready" -q -h "$PG_HOST" -p "$port" -U "$PG_USER" -d postgres 2>/dev/null; then
      return 0
    fi
    sleep 0.1
  done
  tail -n 30 "${PG_DIR}/server.log" >&2 2>/dev/null || true
  die "PostgreSQL did not become ready on ${PG_HOST}:${port} within 30 s"
}

ensure_database() {
  local port="$1" exists
  exists="$("${PG_BIN}/psql" -X -q -h "$PG_HOST" -p "$port" -U "$PG_USER" -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '${PG_DB}'")"
  if [[ "$exists" != "1" ]]; then
    log "creating database ${PG_DB}"
    "${PG_BIN}/createdb" -h "$PG_HOST" -p "$port" -U "$PG_USER" "$PG_DB" >&2
  fi
}

cmd_start() {
  if is_running; then
    local port
    port="$(effective_port)"
    [[ "$port" == "$PG_PORT" ]] || log "warning: already running on port ${port}, not ${PG_PORT}"
    log "already running (${PG_DIR})"
    wait_ready "$port"
    ensure_database "$port"
    conn_string "$port"
    return 0
  fi
  if [[ ! -f "${PG_DIR}/PG_VERSION" ]]; then
    if [[ -d "$PG_DIR" && -n "$(ls -A "$PG_DIR" 2>/dev/null)" ]]; then
      die "${PG_DIR} exists, is not empty and holds no cluster: remove it or set BIO_PG_DIR"
    fi
    init_cluster
  fi
  if "${PG_BIN}/pg_isready" -q -h "$PG_HOST" -p "$PG_PORT" 2>/dev/null; then
    die "another server already answers on ${PG_HOST}:${PG_PORT}: set BIO_PG_PORT"
  fi
  log "starting on ${PG_HOST}:${PG_PORT} (${PG_DIR})"
  # The server log lives in the data directory: the postgres user owns it.
  if ! as_owner "${PG_BIN}/pg_ctl" start -D "$PG_DIR" -l "${PG_DIR}/server.log" -w -t 60 \
    -o "-c listen_addresses=${PG_HOST} -p ${PG_PORT} -k '${PG_DIR}' -c max_connections=${PG_MAX_CONNECTIONS}" >&2; then
    tail -n 30 "${PG_DIR}/server.log" >&2 2>/dev/null || true
    die "pg_ctl start failed"
  fi
  wait_ready "$PG_PORT"
  ensure_database "$PG_PORT"
  conn_string "$PG_PORT"
}

cmd_stop() {
  if ! is_running; then
    log "not running (${PG_DIR})"
    return 0
  fi
  log "stopping (${PG_DIR})"
  as_owner "${PG_BIN}/pg_ctl" stop -D "$PG_DIR" -m fast -w -t 60 >&2
}

cmd_status() {
  if is_running; then
    echo "postgres: running on ${PG_HOST}:$(effective_port) (${PG_DIR})"
    return 0
  fi
  echo "postgres: not running (${PG_DIR})"
  return 1
}

[[ $# -eq 1 ]] || usage
case "$1" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  url) conn_string "$(if is_running; then effective_port; else printf '%s' "$PG_PORT"; fi)" ;;
  -h | --help | help) usage ;;
  *) usage ;;
esac
