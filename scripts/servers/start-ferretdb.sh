#!/usr/bin/env bash
# Starts the MongoDB-wire test server (FerretDB v1 embedded, SQLite handler) on
# 127.0.0.1:$MONGO_PORT (default 27117) in the background, waits until it answers
# {ping: 1}, and prints (alone on stdout; progress goes to stderr) the URL to use:
#
#   MONGO_URL=mongodb://127.0.0.1:27117/
#
#   scripts/servers/start-ferretdb.sh [--fresh]   (--fresh or SERVERS_FRESH=1: wipe its data first)
#
# Needs scripts/servers/install-ferretdb.sh to have run, and node_modules (mongodb) for
# the readiness probe. Log: $SERVERS_DIR/logs/ferretdb.log; pid: $SERVERS_DIR/run/ferretdb.pid.
SCRIPT_NAME="start-ferretdb"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

fresh="${SERVERS_FRESH:-0}"
[[ "${1:-}" == "--fresh" ]] && fresh=1

require_node_modules mongodb
[[ -x "$FERRETDB_BIN" ]] || die "$FERRETDB_BIN is missing: run scripts/servers/install-ferretdb.sh"

pid="$(live_pid ferretdb ferretdb-embedded)"
if [[ -n "$pid" ]]; then
  if (( fresh )); then
    stop_server ferretdb ferretdb-embedded
  else
    log "FerretDB already running (pid $pid); checking it answers"
    wait_ready ferretdb ferretdb-embedded "$pid" "$FERRETDB_START_TIMEOUT" mongo_probe
    echo "MONGO_URL=mongodb://127.0.0.1:$MONGO_PORT/"
    exit 0
  fi
fi

port_open "$MONGO_PORT" && die "127.0.0.1:$MONGO_PORT is already in use by another process (set MONGO_PORT)"

data_dir="$FERRETDB_HOME/data"
if (( fresh )); then
  log "wiping $data_dir"
  rm -rf "$data_dir"
fi
mkdir -p "$data_dir"

started="$(now)"
log "starting FerretDB on 127.0.0.1:$MONGO_PORT (SQLite in $data_dir), log $(log_file ferretdb)"
spawn ferretdb "$FERRETDB_BIN" -listen "127.0.0.1:$MONGO_PORT" -data "$data_dir" -log "${FERRETDB_LOG_LEVEL:-info}"
pid="$(cat "$(pid_file ferretdb)")"
wait_ready ferretdb ferretdb-embedded "$pid" "$FERRETDB_START_TIMEOUT" mongo_probe
log "started in $(( $(now) - started ))s"
echo "MONGO_URL=mongodb://127.0.0.1:$MONGO_PORT/"
