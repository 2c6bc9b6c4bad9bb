#!/usr/bin/env bash
# Azurite's queue service (Azure Storage Queues emulator) for local runs and tests, on 127.0.0.1.
# Azurite comes from npm, pinned by deploy/local/azurite/package-lock.json, and is installed with
# `npm ci` into deploy/local/.tools/azurite on first use (then reused).
#
# Environment:
#   BIO_AZURITE_DIR   data + log + pid folder (default deploy/local/.state/azurite; relative paths are
#                     taken relative to the repository root)
#   BIO_AZURITE_PORT  queue port (default 10001)
#
# start prints exactly one line on stdout, the Azure Storage connection string; logs go to stderr.
set -euo pipefail

usage() {
  echo "usage: $(basename "$0") start|stop|status|url|install" >&2
  exit 2
}

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
set_log_tag azurite

AZ_DIR="$(abs_path "${BIO_AZURITE_DIR:-deploy/local/.state/azurite}")"
AZ_PORT="${BIO_AZURITE_PORT:-10001}"
AZ_HOST=127.0.0.1
require_port BIO_AZURITE_PORT "$AZ_PORT"
AZ_PIDFILE="${AZ_DIR}/azurite.pid"
AZ_LOG="${AZ_DIR}/azurite.log"
AZ_PIN_DIR="${BIO_LOCAL_DIR}/azurite"
AZ_TOOL_DIR="${BIO_TOOLS_DIR}/azurite"
AZ_BIN="${AZ_TOOL_DIR}/node_modules/.bin/azurite-queue"
# The well-known development account key (public, the same in every Azurite).
AZ_ACCOUNT=devstoreaccount1
AZ_KEY='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

conn_string() {
  printf 'DefaultEndpointsProtocol=http;AccountName=%s;AccountKey=%s;QueueEndpoint=http://%s:%s/%s;\n' \
    "$AZ_ACCOUNT" "$AZ_KEY" "$AZ_HOST" "$AZ_PORT" "$AZ_ACCOUNT"
}

probe_url() {
  printf 'http://%s:%s/%s?comp=list' "$AZ_HOST" "$AZ_PORT" "$AZ_ACCOUNT"
}

recorded_pid() {
  read_pid "$AZ_PIDFILE"
}

is_running() {
  local pid
  pid="$(recorded_pid)"
  [[ -n "$pid" ]] && pid_alive "$pid" azurite
}

# Install (or reuse) the pinned Azurite. Reused when the installed lock file equals the committed one.
install_tool() {
  command -v npm >/dev/null 2>&1 || die "npm not found (Node.js 20+ is needed for Azurite)"
  if [[ -x "$AZ_BIN" ]] && cmp -s "${AZ_PIN_DIR}/package-lock.json" "${AZ_TOOL_DIR}/package-lock.json"; then
    return 0
  fi
  log "installing Azurite into ${AZ_TOOL_DIR} (npm ci)"
  mkdir -p "$AZ_TOOL_DIR"
  cp "${AZ_PIN_DIR}/package.json" "${AZ_PIN_DIR}/package-lock.json" "$AZ_TOOL_DIR/"
  npm ci --prefix "$AZ_TOOL_DIR" --no-audit --no-fund --loglevel=error >&2 ||
    die "npm ci failed for ${AZ_TOOL_DIR}"
  [[ -x "$AZ_BIN" ]] || die "npm ci ran but ${AZ_BIN} is missing"
}

cmd_start() {
  if is_running; then
    log "already running (pid $(recorded_pid), ${AZ_DIR})"
    conn_string
    return 0
  fi
  rm -f "$AZ_PIDFILE"
  if [[ "$(http_status "$(probe_url)")" != "000" ]]; then
    die "something else already answers on ${AZ_HOST}:${AZ_PORT}: set BIO_AZURITE_PORT"
  fi
  install_tool
  mkdir -p "$AZ_DIR"
  log "starting on ${AZ_HOST}:${AZ_PORT} (${AZ_DIR}, log ${AZ_LOG})"
  # setsid: Azurite leads its own process group, so stop can end it and anything it spawned.
  # (A background child of a non-interactive script is not a group leader, so setsid execs in place
  # and $! is Azurite's own PID.)
  nohup setsid "$AZ_BIN" \
    --queueHost "$AZ_HOST" --queuePort "$AZ_PORT" --location "$AZ_DIR" \
    --skipApiVersionCheck --loose --disableTelemetry --silent \
    >>"$AZ_LOG" 2>&1 </dev/null &
  local pid=$!
  echo "$pid" >"$AZ_PIDFILE"
  local i
  for ((i = 0; i < 300; i++)); do
    if ! pid_alive "$pid"; then
      tail -n 30 "$AZ_LOG" >&2 || true
      rm -f "$AZ_PIDFILE"
      die "Azurite exited during start-up"
    fi
    if [[ "$(http_status "$(probe_url)")" != "000" ]]; then
      log "ready (pid ${pid})"
      conn_string
      return 0
    fi
    sleep 0.1
  done
  tail -n 30 "$AZ_LOG" >&2 || true
  stop_pid "$pid" azurite 10
  rm -f "$AZ_PIDFILE"
  die "Azurite did not answer on ${AZ_HOST}:${AZ_PORT} within 30 s"
}

cmd_stop() {
  local pid
  pid="$(recorded_pid)"
  if [[ -z "$pid" ]]; then
    log "not running (no pid file in ${AZ_DIR})"
    return 0
  fi
  if ! pid_alive "$pid" azurite; then
    log "not running (stale pid ${pid}); removing the pid file"
    rm -f "$AZ_PIDFILE"
    return 0
  fi
  stop_pid "$pid" azurite 15
  rm -f "$AZ_PIDFILE"
}

cmd_status() {
  if is_running; then
    echo "azurite: running (pid $(recorded_pid)) on ${AZ_HOST}:${AZ_PORT} (${AZ_DIR})"
    return 0
  fi
  echo "azurite: not running (${AZ_DIR})"
  return 1
}

[[ $# -eq 1 ]] || usage
case "$1" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  url) conn_string ;;
  install) install_tool ;;
  *) usage ;;
esac
