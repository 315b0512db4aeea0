# shellcheck shell=bash disable=SC2034  # (settings used by the scripts that source this)
# Shared settings and helpers for scripts/servers/*.sh (sourced, not run).
#
# Every server runs as a plain process on 127.0.0.1; everything they need or write lives
# under one state dir (git-ignored):
#
#   $SERVERS_DIR (default <repo>/.ci/servers)
#     bin/        built binaries (ferretdb-embedded) and their stamps
#     kafka/      lib/ (broker jars), config/, data/ (log.dirs)
#     ferretdb/   data/ (SQLite files)
#     logs/       <name>.log
#     run/        <name>.pid
#
#     kafka-sasl/ config/, data/ of the secured broker (start-kafka-sasl.sh)
#
# Environment knobs: SERVERS_DIR, KAFKA_VERSION, KAFKA_PORT, KAFKA_CONTROLLER_PORT, KAFKA_SASL_PORT,
# KAFKA_HEAP_OPTS, KAFKA_START_TIMEOUT, KAFKA_MAVEN_REPO, MONGO_PORT,
# FERRETDB_START_TIMEOUT, SERVERS_FRESH (1 = wipe the server's data before starting).

set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SCRIPTS_DIR="$REPO_ROOT/scripts/servers"

SERVERS_DIR="${SERVERS_DIR:-$REPO_ROOT/.ci/servers}"
mkdir -p "$SERVERS_DIR"
SERVERS_DIR="$(cd "$SERVERS_DIR" && pwd)"
LOG_DIR="$SERVERS_DIR/logs"
RUN_DIR="$SERVERS_DIR/run"
BIN_DIR="$SERVERS_DIR/bin"

# Kafka (KRaft, combined broker + controller), jars from Maven Central.
KAFKA_VERSION="${KAFKA_VERSION:-3.9.2}"
KAFKA_PORT="${KAFKA_PORT:-19092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}"
KAFKA_HOME="$SERVERS_DIR/kafka"
KAFKA_LIB="$KAFKA_HOME/lib"
KAFKA_MARKER="$KAFKA_HOME/INSTALLED"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-120}"
# The secured broker of start-kafka-sasl.sh (SASL/SCRAM, StandardAuthorizer): same jars, own ports and state.
KAFKA_SASL_PORT="${KAFKA_SASL_PORT:-19192}"
KAFKA_SASL_CONTROLLER_PORT="${KAFKA_SASL_CONTROLLER_PORT:-$((KAFKA_SASL_PORT + 1))}"

# FerretDB v1 embedded in tools/ferretdb (Go), SQLite handler.
MONGO_PORT="${MONGO_PORT:-27117}"
FERRETDB_SRC="$REPO_ROOT/tools/ferretdb"
FERRETDB_BIN="$BIN_DIR/ferretdb-embedded"
FERRETDB_STAMP="$BIN_DIR/ferretdb-embedded.stamp"
FERRETDB_HOME="$SERVERS_DIR/ferretdb"
FERRETDB_START_TIMEOUT="${FERRETDB_START_TIMEOUT:-60}"

# Progress goes to stderr, so a start script's stdout is only its NAME=value line:
#   export "$(scripts/servers/start-kafka.sh)"
log() { printf '[%s] %s\n' "${SCRIPT_NAME:-servers}" "$*" >&2; }
die() { printf '[%s] ERROR: %s\n' "${SCRIPT_NAME:-servers}" "$*" >&2; exit 1; }

need() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || die "'$tool' is not on PATH"
  done
}

now() { date +%s; }

# sha256 of the given files' contents.
fingerprint() { cat "$@" | sha256sum | cut -d' ' -f1; }

pid_file() { echo "$RUN_DIR/$1.pid"; }
log_file() { echo "$LOG_DIR/$1.log"; }

# Pid recorded for server $1, if that process is still alive and is ours (its command
# line contains $2); empty otherwise. A stale pid file is removed.
live_pid() {
  local name="$1" pattern="$2" file pid
  file="$(pid_file "$name")"
  [[ -f "$file" ]] || return 0
  pid="$(cat "$file" 2>/dev/null || true)"
  if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null &&
     tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$pattern"; then
    echo "$pid"
  else
    rm -f "$file"
  fi
}

# True when something accepts TCP connections on 127.0.0.1:$1.
port_open() {
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

# Starts "$@" detached (own session, no stdin), output appended to the server's log,
# and records its pid.
spawn() {
  local name="$1"; shift
  local logf pidf
  mkdir -p "$LOG_DIR" "$RUN_DIR"
  logf="$(log_file "$name")"
  pidf="$(pid_file "$name")"
  printf '\n===== %s start: %s\n' "$name" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >>"$logf"
  # setsid: the server outlives the shell (and its process group) that started it.
  # In a non-interactive shell the background child is no group leader, so setsid
  # execs in place and $! is the server's own pid.
  nohup setsid "$@" >>"$logf" 2>&1 </dev/null &
  echo $! >"$pidf"
}

show_log_tail() {
  local logf
  logf="$(log_file "$1")"
  echo "----- last 50 lines of $logf -----" >&2
  tail -n 50 "$logf" >&2 || true
  echo "-----" >&2
}

# wait_ready NAME PATTERN PID TIMEOUT PROBE...: runs PROBE every second until it succeeds,
# the process dies or TIMEOUT seconds pass; on failure prints the log tail, stops the
# server (so its ports are free for another try) and exits 1.
wait_ready() {
  local name="$1" pattern="$2" pid="$3" timeout="$4"; shift 4
  local start elapsed
  start="$(now)"
  while true; do
    if ! kill -0 "$pid" 2>/dev/null; then
      show_log_tail "$name"
      rm -f "$(pid_file "$name")"
      die "$name (pid $pid) exited before it was ready"
    fi
    if "$@"; then
      elapsed=$(( $(now) - start ))
      log "$name is ready after ${elapsed}s (pid $pid)"
      return 0
    fi
    elapsed=$(( $(now) - start ))
    if (( elapsed >= timeout )); then
      show_log_tail "$name"
      stop_server "$name" "$pattern"
      die "$name did not answer within ${timeout}s"
    fi
    sleep 1
  done
}

# Node-based probes use the repo's own kafkajs / mongodb packages.
require_node_modules() {
  need node
  local mod
  for mod in "$@"; do
    [[ -d "$REPO_ROOT/node_modules/$mod" ]] ||
      die "node_modules/$mod is missing: run 'npm ci' in $REPO_ROOT first (the readiness probe uses it)"
  done
}

# Kafka answers a metadata request (admin listTopics) and has a group coordinator
# (describeGroups: on a fresh broker this creates __consumer_offsets, so the first consumer
# of a test does not hit "The group coordinator is not available").
kafka_probe() {
  port_open "$KAFKA_PORT" || return 1
  (cd "$REPO_ROOT" && KAFKAJS_NO_PARTITIONER_WARNING=1 timeout 15 node -e '
    const { Kafka, logLevel } = require("kafkajs");
    const kafka = new Kafka({
      clientId: "servers-probe", brokers: [process.argv[1]], logLevel: logLevel.NOTHING,
      connectionTimeout: 3000, requestTimeout: 5000, retry: { retries: 0 },
    });
    const admin = kafka.admin();
    admin.connect()
      .then(() => admin.listTopics())
      .then(() => admin.describeGroups(["servers-probe"]))
      .then(() => admin.disconnect())
      .then(() => process.exit(0), () => process.exit(1));
  ' "127.0.0.1:$KAFKA_PORT") >/dev/null 2>&1
}

# The MongoDB-wire server answers {ping: 1}.
mongo_probe() {
  port_open "$MONGO_PORT" || return 1
  (cd "$REPO_ROOT" && timeout 15 node -e '
    const { MongoClient } = require("mongodb");
    const client = new MongoClient(process.argv[1], { serverSelectionTimeoutMS: 3000, connectTimeoutMS: 3000 });
    client.connect()
      .then(() => client.db("admin").command({ ping: 1 }))
      .then((r) => client.close().then(() => process.exit(r && r.ok === 1 ? 0 : 1)))
      .catch(() => process.exit(1));
  ' "mongodb://127.0.0.1:$MONGO_PORT/") >/dev/null 2>&1
}

# stop_server NAME PATTERN: SIGTERM, then SIGKILL after 10 s.
stop_server() {
  local name="$1" pattern="$2" pid i
  pid="$(live_pid "$name" "$pattern")"
  if [[ -z "$pid" ]]; then
    log "$name is not running"
    rm -f "$(pid_file "$name")"
    return 0
  fi
  log "stopping $name (pid $pid) with SIGTERM"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "$name (pid $pid) still running after 10s: SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.5
  fi
  rm -f "$(pid_file "$name")"
  log "$name stopped"
}
