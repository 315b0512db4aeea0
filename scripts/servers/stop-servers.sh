#!/usr/bin/env bash
# Stops the test servers started by start-kafka.sh / start-ferretdb.sh, using their pid
# files: SIGTERM, then SIGKILL after 10 s. Safe to run when nothing is running.
#
#   scripts/servers/stop-servers.sh [kafka] [ferretdb]    (default: both)
SCRIPT_NAME="stop-servers"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

targets=("$@")
(( ${#targets[@]} )) || targets=(kafka ferretdb)
for t in "${targets[@]}"; do
  case "$t" in
    kafka) stop_server kafka kafka.Kafka ;;
    ferretdb|mongo) stop_server ferretdb ferretdb-embedded ;;
    *) die "unknown server '$t' (kafka, ferretdb)" ;;
  esac
done
