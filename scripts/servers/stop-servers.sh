#!/usr/bin/env bash
# Stops the test servers started by start-kafka.sh / start-ferretdb.sh, using their pid
# files: SIGTERM, then SIGKILL after 10 s. Safe to run when nothing is running.
#
#   scripts/servers/stop-servers.sh [kafka] [kafka-sasl] [ferretdb]    (default: all three)
SCRIPT_NAME="stop-servers"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

targets=("$@")
(( ${#targets[@]} )) || targets=(kafka kafka-sasl ferretdb)
for t in "${targets[@]}"; do
  case "$t" in
    kafka) stop_server kafka kafka.Kafka ;;
    kafka-sasl) stop_server kafka-sasl "$SERVERS_DIR/kafka-sasl/config/server.properties" ;;
    ferretdb|mongo) stop_server ferretdb ferretdb-embedded ;;
    *) die "unknown server '$t' (kafka, kafka-sasl, ferretdb)" ;;
  esac
done
