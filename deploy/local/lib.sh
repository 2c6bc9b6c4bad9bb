#!/usr/bin/env bash
# Shared helpers for the deploy/local scripts. Not meant to be run on its own:
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# Everything here logs to stderr so that the scripts keep stdout for their one result line.

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  echo "usage: source deploy/local/lib.sh (helpers for postgres.sh, azurite.sh, services.sh, cluster.sh)" >&2
  exit 2
fi

BIO_LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
BIO_REPO_ROOT="$(cd "${BIO_LOCAL_DIR}/../.." && pwd -P)"
BIO_STATE_DIR="${BIO_LOCAL_DIR}/.state"
BIO_TOOLS_DIR="${BIO_LOCAL_DIR}/.tools"
export BIO_LOCAL_DIR BIO_REPO_ROOT BIO_STATE_DIR BIO_TOOLS_DIR

# set_log_tag TAG: the prefix of this script's log lines.
set_log_tag() {
  BIO_LOG_TAG="$1"
}

log() {
  printf '[%s] %s\n' "${BIO_LOG_TAG:-bio}" "$*" >&2
}

die() {
  log "error: $*"
  exit 1
}

# abs_path PATH: PATH made absolute; a relative PATH is taken relative to the repository root,
# whatever the caller's working directory is.
abs_path() {
  local p="$1"
  if [[ "$p" != /* ]]; then
    p="${BIO_REPO_ROOT}/${p}"
  fi
  # Normalise "." and ".." without requiring the path to exist.
  local part out=() parts=()
  local IFS='/'
  read -r -a parts <<<"$p"
  for part in "${parts[@]}"; do
    case "$part" in
      '' | .) ;;
      ..) if ((${#out[@]} > 0)); then unset 'out[${#out[@]}-1]'; fi ;;
      *) out+=("$part") ;;
    esac
  done
  printf '/%s\n' "${out[*]}"
}

# require_port NAME VALUE: VALUE must be a TCP port number.
require_port() {
  if ! [[ "$2" =~ ^[0-9]+$ ]] || (("$2" < 1 || "$2" > 65535)); then
    die "$1 must be a TCP port number, got '$2'"
  fi
}

# pid_alive PID [PATTERN]: true when PID runs and (if given) its command line contains PATTERN.
# The pattern guards against a recycled PID after a reboot or a crash.
pid_alive() {
  local pid="$1" pattern="${2:-}"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  if [[ -n "$pattern" && -r "/proc/${pid}/cmdline" ]]; then
    tr '\0' ' ' <"/proc/${pid}/cmdline" | grep -qF -- "$pattern" || return 1
  fi
  # A zombie is not alive for our purposes.
  if [[ -r "/proc/${pid}/stat" ]]; then
    local state
    state="$(sed -E 's/^[0-9]+ \(.*\) ([A-Za-z]).*/\1/' "/proc/${pid}/stat" 2>/dev/null || true)"
    [[ "$state" != "Z" ]] || return 1
  fi
  return 0
}

# read_pid FILE: the PID recorded in FILE, or nothing.
read_pid() {
  local f="$1" pid=""
  if [[ -f "$f" ]]; then
    pid="$(head -n 1 "$f" | tr -dc '0-9')"
  fi
  printf '%s' "$pid"
}

# stop_pid PID NAME TIMEOUT_SECONDS: SIGTERM to PID (and to its process group when PID leads one),
# wait up to TIMEOUT_SECONDS, then SIGKILL. Only the given PID/group is touched.
stop_pid() {
  local pid="$1" name="$2" timeout="${3:-20}"
  local group=0 pgid
  pgid="$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ' || true)"
  if [[ "$pgid" == "$pid" ]]; then
    group=1
  fi
  log "stopping ${name} (pid ${pid}$( ((group)) && echo ", process group"))"
  if ((group)); then
    kill -TERM -- "-${pid}" 2>/dev/null || true
  else
    kill -TERM "$pid" 2>/dev/null || true
  fi
  local waited=0
  while kill -0 "$pid" 2>/dev/null && ((waited < timeout * 10)); do
    sleep 0.1
    waited=$((waited + 1))
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "${name} did not exit within ${timeout}s: SIGKILL"
    if ((group)); then
      kill -KILL -- "-${pid}" 2>/dev/null || true
    else
      kill -KILL "$pid" 2>/dev/null || true
    fi
    waited=0
    while kill -0 "$pid" 2>/dev/null && ((waited < 50)); do
      sleep 0.1
      waited=$((waited + 1))
    done
  fi
  # Leftover members of the group (children that ignored SIGTERM).
  if ((group)) && pgrep -g "$pid" >/dev/null 2>&1; then
    kill -KILL -- "-${pid}" 2>/dev/null || true
  fi
  ! kill -0 "$pid" 2>/dev/null || die "${name} (pid ${pid}) is still running"
}

# http_status URL: the HTTP status code, or 000 when nothing answers.
http_status() {
  curl -s -o /dev/null -m 2 -w '%{http_code}' "$1" 2>/dev/null || true
}

# shell_quote VALUE: VALUE in single quotes, safe for eval.
shell_quote() {
  local v="$1"
  printf "'%s'" "${v//\'/\'\\\'\'}"
}
