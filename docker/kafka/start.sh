#!/bin/bash
# Kafka for docker-compose.yml: one KRaft node, SASL on every listener (SCRAM-SHA-256/512 for
# clients and between brokers, PLAIN on the controller listener), the StandardAuthorizer with
# nothing allowed without an ACL, and two SCRAM super users bootstrapped when the storage is
# formatted (KIP-900): admin, for operators, and relay, for the worker's relay and the CLI that
# grants MSP principals. The same shape as scripts/servers/start-kafka-sasl.sh, which the ACL
# test runs. Secrets come from the environment (docker/.env), never from this file.
set -euo pipefail
: "${KAFKA_ADMIN_PASSWORD:?KAFKA_ADMIN_PASSWORD is not set}"
: "${KAFKA_RELAY_PASSWORD:?KAFKA_RELAY_PASSWORD is not set}"

conf=/tmp/activity-log
data=/var/lib/kafka/data
mkdir -p "$conf"
umask 077
scram() { echo "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\"$KAFKA_ADMIN_PASSWORD\";"; }

cat >"$conf/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@kafka:9093
listeners=INTERNAL://:9092,CONTROLLER://:9093
advertised.listeners=INTERNAL://kafka:9092
listener.security.protocol.map=INTERNAL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=INTERNAL
sasl.enabled.mechanisms=SCRAM-SHA-256,SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.internal.scram-sha-256.sasl.jaas.config=$(scram)
listener.name.internal.scram-sha-512.sasl.jaas.config=$(scram)
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="$KAFKA_ADMIN_PASSWORD" user_admin="$KAFKA_ADMIN_PASSWORD";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:admin;User:relay
auto.create.topics.enable=false
log.dirs=$data
num.partitions=3
default.replication.factor=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS

# For the healthcheck (kafka-broker-api-versions.sh --command-config).
cat >"$conf/admin.properties" <<PROPS
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=$(scram)
PROPS

if [[ ! -f "$data/meta.properties" ]]; then
  /opt/kafka/bin/kafka-storage.sh format -t "$(/opt/kafka/bin/kafka-storage.sh random-uuid)" -c "$conf/server.properties" \
    --add-scram "SCRAM-SHA-512=[name=admin,password=$KAFKA_ADMIN_PASSWORD]" \
    --add-scram "SCRAM-SHA-512=[name=relay,password=$KAFKA_RELAY_PASSWORD]" \
    --add-scram "SCRAM-SHA-256=[name=relay,password=$KAFKA_RELAY_PASSWORD]"
fi
exec /opt/kafka/bin/kafka-server-start.sh "$conf/server.properties"
