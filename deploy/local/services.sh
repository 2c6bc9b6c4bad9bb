#!/usr/bin/env bash
# The backing services of a local BiO: PostgreSQL (postgres.sh) and Azurite queues (azurite.sh).
#
# start prints two lines, quoted for eval:
#   BIO_TEST_POSTGRES='Host=127.0.0.1;Port=55432;Username=postgres;Database=bio'
#   BIO_TEST_AZURITE='DefaultEndpointsProtocol=http;...;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;'
# e.g.  eval "$(deploy/local/services.sh start | sed 's/^/export /')"
# The environment variables of postgres.sh and azurite.sh (BIO_PG_*, BIO_AZURITE_*) apply.
set -euo pipefail

usage() {
  echo "usage: $(basename "$0") start|stop|status|env" >&2
  exit 2
}

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
set_log_tag services

print_env() {
  printf 'BIO_TEST_POSTGRES=%s\n' "$(shell_quote "$1")"
  printf 'BIO_TEST_AZURITE=%s\n' "$(shell_quote "$2")"
}

cmd_start() {
  local pg az
  pg="$("${BIO_LOCAL_DIR}/postgres.sh" start | tail -n 1)"
  az="$("${BIO_LOCAL_DIR}/azurite.sh" start | tail -n 1)"
  [[ -n "$pg" && -n "$az" ]] || die "a service printed no connection string"
  print_env "$pg" "$az"
}

cmd_stop() {
  local rc=0
  "${BIO_LOCAL_DIR}/azurite.sh" stop || rc=1
  "${BIO_LOCAL_DIR}/postgres.sh" stop || rc=1
  return "$rc"
}

cmd_status() {
  local rc=0
  "${BIO_LOCAL_DIR}/postgres.sh" status || rc=1
  "${BIO_LOCAL_DIR}/azurite.sh" status || rc=1
  return "$rc"
}

# env: the two lines of start, without starting anything.
cmd_env() {
  print_env "$("${BIO_LOCAL_DIR}/postgres.sh" url)" "$("${BIO_LOCAL_DIR}/azurite.sh" url)"
}

[[ $# -eq 1 ]] || usage
case "$1" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  env) cmd_env ;;
  *) usage ;;
esac
