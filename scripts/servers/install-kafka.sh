#!/usr/bin/env bash
# Installs the Apache Kafka broker (kafka_2.13, KRaft-capable 3.9.x) as jars from Maven
# Central into $SERVERS_DIR/kafka/lib, with the reload4j logging backend the broker's POM
# leaves out. Idempotent: skips when the marker matches the version and the POM.
#
#   scripts/servers/install-kafka.sh [--force]
#
# Needs: mvn, java (17). Optional: KAFKA_VERSION, KAFKA_MAVEN_REPO (a maven.repo.local).
SCRIPT_NAME="install-kafka"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

force=0
[[ "${1:-}" == "--force" ]] && force=1

need mvn java
pom="$SCRIPTS_DIR/kafka-pom.xml"
wanted="kafka_2.13 $KAFKA_VERSION pom:$(fingerprint "$pom")"

if (( !force )) && [[ -f "$KAFKA_MARKER" && "$(cat "$KAFKA_MARKER")" == "$wanted" ]] &&
   compgen -G "$KAFKA_LIB/kafka_2.13-$KAFKA_VERSION.jar" >/dev/null; then
  log "Kafka $KAFKA_VERSION already installed in $KAFKA_LIB (skipping; --force to redo)"
  exit 0
fi

started="$(now)"
log "installing Kafka $KAFKA_VERSION jars from Maven Central into $KAFKA_LIB"
rm -rf "$KAFKA_LIB" "$KAFKA_MARKER"
mkdir -p "$KAFKA_LIB"

mvn_args=(-q -B -ntp -Dstyle.color=never -f "$pom"
  "-Dkafka.version=$KAFKA_VERSION"
  dependency:copy-dependencies "-DoutputDirectory=$KAFKA_LIB")
[[ -n "${KAFKA_MAVEN_REPO:-}" ]] && mvn_args=("-Dmaven.repo.local=$KAFKA_MAVEN_REPO" "${mvn_args[@]}")
log "mvn ${mvn_args[*]}"
# (Debian's mvn prints stray colour resets even in batch mode: strip them.)
mvn "${mvn_args[@]}" 2>&1 | sed -e 's/\x1b\[[0-9;]*m//g' -e '/^[[:space:]]*$/d' >&2

compgen -G "$KAFKA_LIB/kafka_2.13-$KAFKA_VERSION.jar" >/dev/null ||
  die "kafka_2.13-$KAFKA_VERSION.jar is missing from $KAFKA_LIB after mvn"
compgen -G "$KAFKA_LIB/slf4j-reload4j-*.jar" >/dev/null ||
  die "no slf4j logging backend in $KAFKA_LIB: the broker would log nothing"

echo "$wanted" >"$KAFKA_MARKER"
log "installed $(find "$KAFKA_LIB" -name '*.jar' | wc -l) jars ($(du -sh "$KAFKA_LIB" | cut -f1)) in $(( $(now) - started ))s"
