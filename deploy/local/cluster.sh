#!/usr/bin/env bash
# A local BiO cluster on loopback: PostgreSQL + Azurite (services.sh), two silos and the gateway.
#
#   silo 1   silo port 11111, gateway port 30000, http://127.0.0.1:5081 (dashboard /dashboard/)
#   silo 2   silo port 11112, gateway port 30001, http://127.0.0.1:5082
#   gateway  http://127.0.0.1:5080
#
# up publishes silo/BiO.Silo and client/BiO.Gateway (Release) into deploy/local/.state/bin/{silo,gateway},
# runs `BiO.Silo.dll migrate`, starts the three processes in the background (logs in
# deploy/local/.state/logs, PIDs in deploy/local/.state/pids) and waits for GET /health = 200 on each.
# down stops exactly the recorded processes, then the services.
#
# Environment:
#   BIO_CLUSTER_SKIP_BUILD=1     reuse the published binaries when present (no dotnet publish)
#   BIO_CLUSTER_KEEP_SERVICES=1  down leaves PostgreSQL and Azurite running
#   BIO_CLUSTER_HEALTH_TIMEOUT   seconds to wait for each /health (default 90)
#   plus those of postgres.sh and azurite.sh (BIO_PG_*, BIO_AZURITE_*)
set -euo pipefail

usage() {
  echo "usage: $(basename "$0") up|down|status" >&2
  exit 2
}

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
set_log_tag cluster

BIN_DIR="${BIO_STATE_DIR}/bin"
LOG_DIR="${BIO_STATE_DIR}/logs"
PID_DIR="${BIO_STATE_DIR}/pids"
HEALTH_TIMEOUT="${BIO_CLUSTER_HEALTH_TIMEOUT:-90}"
[[ "$HEALTH_TIMEOUT" =~ ^[0-9]+$ ]] || die "BIO_CLUSTER_HEALTH_TIMEOUT must be a number of seconds"

CLUSTER_ID=bio-local
SERVICE_ID=bio
# name | kind | silo port | gateway port | http url
NODES=(
  "silo1|silo|11111|30000|http://127.0.0.1:5081"
  "silo2|silo|11112|30001|http://127.0.0.1:5082"
  "gateway|gateway|||http://127.0.0.1:5080"
)

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

node_field() { # node_field NAME INDEX
  local n f=()
  for n in "${NODES[@]}"; do
    IFS='|' read -r -a f <<<"$n"
    if [[ "${f[0]}" == "$1" ]]; then
      printf '%s' "${f[$2]}"
      return 0
    fi
  done
  return 1
}

dll_of() { # dll_of KIND -> path of the published entry assembly
  case "$1" in
    silo) printf '%s/silo/BiO.Silo.dll' "$BIN_DIR" ;;
    gateway) printf '%s/gateway/BiO.Gateway.dll' "$BIN_DIR" ;;
    *) die "unknown kind $1" ;;
  esac
}

node_pid() { # node_pid NAME -> the recorded PID when that process still runs
  local name="$1" kind pid
  kind="$(node_field "$name" 1)"
  pid="$(read_pid "${PID_DIR}/${name}.pid")"
  if [[ -n "$pid" ]] && pid_alive "$pid" "$(basename "$(dll_of "$kind")")"; then
    printf '%s' "$pid"
  fi
}

publish() {
  if [[ "${BIO_CLUSTER_SKIP_BUILD:-0}" == "1" && -f "$(dll_of silo)" && -f "$(dll_of gateway)" ]]; then
    log "BIO_CLUSTER_SKIP_BUILD=1: reusing ${BIN_DIR}"
    return 0
  fi
  command -v dotnet >/dev/null 2>&1 || die "dotnet not found"
  local project out
  for spec in "silo/BiO.Silo/BiO.Silo.csproj|silo" "client/BiO.Gateway/BiO.Gateway.csproj|gateway"; do
    project="${BIO_REPO_ROOT}/${spec%%|*}"
    out="${BIN_DIR}/${spec##*|}"
    log "dotnet publish ${spec%%|*} -> ${out}"
    dotnet publish "$project" -c Release -o "$out" --nologo -v quiet >&2 ||
      die "dotnet publish ${spec%%|*} failed"
  done
}

# common_env: the configuration every process gets (ASP.NET Core reads __ as the section separator).
common_env() {
  printf '%s\n' \
    "BiO__Profile=Cluster" \
    "BiO__ClusterId=${CLUSTER_ID}" \
    "BiO__ServiceId=${SERVICE_ID}" \
    "ConnectionStrings__Postgres=${PG_URL}" \
    "ConnectionStrings__AzureQueues=${AZ_URL}"
}

node_env() { # node_env NAME
  local name="$1"
  common_env
  if [[ "$(node_field "$name" 1)" == "silo" ]]; then
    printf '%s\n' \
      "BiO__Silo__SiloPort=$(node_field "$name" 2)" \
      "BiO__Silo__GatewayPort=$(node_field "$name" 3)" \
      "BiO__Silo__AdvertisedAddress=127.0.0.1"
  fi
  printf '%s\n' "Urls=$(node_field "$name" 4)"
}

migrate() {
  local envs=() line
  while IFS= read -r line; do envs+=("$line"); done < <(common_env)
  log "migrating the database (log ${LOG_DIR}/migrate.log)"
  if ! (cd "${BIN_DIR}/silo" && env "${envs[@]}" dotnet "$(dll_of silo)" migrate) >"${LOG_DIR}/migrate.log" 2>&1 </dev/null; then
    tail -n 40 "${LOG_DIR}/migrate.log" >&2 || true
    die "migration failed"
  fi
}

start_node() { # start_node NAME
  local name="$1" kind url dll pid envs=() line
  kind="$(node_field "$name" 1)"
  url="$(node_field "$name" 4)"
  dll="$(dll_of "$kind")"
  pid="$(node_pid "$name")"
  if [[ -n "$pid" ]]; then
    log "${name} already running (pid ${pid})"
    return 0
  fi
  if [[ "$(http_status "${url}/health")" != "000" ]]; then
    die "something else already answers on ${url}: stop it first"
  fi
  while IFS= read -r line; do envs+=("$line"); done < <(node_env "$name")
  local logfile="${LOG_DIR}/${name}.log"
  log "starting ${name} on ${url} (log ${logfile})"
  printf '\n===== %s start %s =====\n' "$name" "$(date -u +%FT%TZ)" >>"$logfile"
  # The content root is the working directory: run from the published folder (appsettings.json).
  # setsid: each process leads its own process group, so down stops it and nothing else.
  (cd "$(dirname "$dll")" && exec env "${envs[@]}" nohup setsid dotnet "$dll" >>"$logfile" 2>&1 </dev/null) &
  echo "$!" >"${PID_DIR}/${name}.pid"
}

wait_healthy() { # wait_healthy NAME
  local name="$1" url pid code="000" deadline
  url="$(node_field "$name" 4)/health"
  pid="$(read_pid "${PID_DIR}/${name}.pid")"
  deadline=$((SECONDS + HEALTH_TIMEOUT))
  while ((SECONDS < deadline)); do
    if ! pid_alive "$pid"; then
      tail -n 60 "${LOG_DIR}/${name}.log" >&2 || true
      die "${name} (pid ${pid}) exited before ${url} answered; log above; run '$(basename "$0") down' to clean up"
    fi
    code="$(http_status "$url")"
    if [[ "$code" == "200" ]]; then
      log "${name} healthy (${url})"
      return 0
    fi
    sleep 1
  done
  tail -n 60 "${LOG_DIR}/${name}.log" >&2 || true
  die "${name} did not answer ${url} with 200 within ${HEALTH_TIMEOUT}s (last status ${code}); log above; run '$(basename "$0") down' to clean up"
}

cmd_up() {
  mkdir -p "$BIN_DIR" "$LOG_DIR" "$PID_DIR"
  local services BIO_TEST_POSTGRES="" BIO_TEST_AZURITE=""
  services="$("${BIO_LOCAL_DIR}/services.sh" start)"
  # services.sh prints NAME='value' lines made for eval.
  eval "$services"
  PG_URL="$BIO_TEST_POSTGRES"
  AZ_URL="$BIO_TEST_AZURITE"
  [[ -n "$PG_URL" && -n "$AZ_URL" ]] || die "services.sh start gave no connection strings"
  publish
  migrate
  start_node silo1
  wait_healthy silo1
  start_node silo2
  start_node gateway
  wait_healthy silo2
  wait_healthy gateway
  log "cluster up: gateway http://127.0.0.1:5080, dashboard http://127.0.0.1:5081/dashboard/"
  printf 'BIO_GATEWAY_URL=%s\n' "$(node_field gateway 4)"
  printf 'BIO_DASHBOARD_URL=%s/dashboard/\n' "$(node_field silo1 4)"
}

cmd_down() {
  local name pid rc=0
  for name in gateway silo2 silo1; do
    pid="$(read_pid "${PID_DIR}/${name}.pid")"
    if [[ -z "$pid" ]]; then
      continue
    fi
    if [[ -n "$(node_pid "$name")" ]]; then
      stop_pid "$pid" "$name" 20 || rc=1
    else
      log "${name} not running (stale pid ${pid})"
    fi
    rm -f "${PID_DIR}/${name}.pid"
  done
  if [[ "${BIO_CLUSTER_KEEP_SERVICES:-0}" != "1" ]]; then
    "${BIO_LOCAL_DIR}/services.sh" stop || rc=1
  fi
  return "$rc"
}

cmd_status() {
  local name pid code rc=0
  for name in silo1 silo2 gateway; do
    pid="$(node_pid "$name")"
    if [[ -n "$pid" ]]; then
      code="$(http_status "$(node_field "$name" 4)/health")"
      echo "${name}: running (pid ${pid}), GET /health -> ${code}"
      [[ "$code" == "200" ]] || rc=1
    else
      echo "${name}: not running"
      rc=1
    fi
  done
  "${BIO_LOCAL_DIR}/services.sh" status || rc=1
  return "$rc"
}

[[ $# -eq 1 ]] || usage
case "$1" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  *) usage ;;
esac
