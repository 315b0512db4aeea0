import { Logger } from '@nestjs/common';
import { Kafka, KafkaConfig, logCreator, logLevel, SASLOptions } from 'kafkajs';
import { readFileSync } from 'node:fs';
import type { ConnectionOptions as TlsOptions } from 'node:tls';
import { AppConfig } from '@app/config';

/**
 * kafkajs's own logs, WARN and above only, through Nest's logger, all as warnings: kafkajs logs
 * each retried request as an error (a partition leader moving, a coordinator loading), while a
 * send that finally fails is reported as an error by the relay's runner.
 */
const nestLogCreator: logCreator = () => {
  const logger = new Logger('kafkajs');
  return ({ namespace, log }) => logger.warn(`${namespace}: ${log.message}${log.error ? ` (${log.error})` : ''}`);
};

/** How to reach the brokers: TLS (with its CA and client certificate) and SASL, from the settings. */
export interface KafkaSecurity {
  tls?: TlsOptions;
  sasl?: { mechanism: NonNullable<AppConfig['KAFKA_SASL_MECHANISM']>; username: string; password: string };
}

/** The security the KAFKA_TLS* and KAFKA_SASL_* settings ask for (validated at boot); files are read here. */
export function kafkaSecurityOf(config: AppConfig): KafkaSecurity {
  const security: KafkaSecurity = {};
  if (config.KAFKA_TLS) {
    const pem = (file: string | undefined) => (file ? readFileSync(file, 'utf8') : undefined);
    const tls: TlsOptions = { rejectUnauthorized: true };
    if (config.KAFKA_TLS_CA_FILE) tls.ca = [pem(config.KAFKA_TLS_CA_FILE)!];
    if (config.KAFKA_TLS_CERT_FILE) tls.cert = pem(config.KAFKA_TLS_CERT_FILE);
    if (config.KAFKA_TLS_KEY_FILE) tls.key = pem(config.KAFKA_TLS_KEY_FILE);
    security.tls = tls;
  }
  if (config.KAFKA_SASL_MECHANISM && config.KAFKA_SASL_USERNAME && config.KAFKA_SASL_PASSWORD) {
    security.sasl = { mechanism: config.KAFKA_SASL_MECHANISM, username: config.KAFKA_SASL_USERNAME, password: config.KAFKA_SASL_PASSWORD };
  }
  return security;
}

export function createKafka(brokers: string[], clientId = 'activity-log', security: KafkaSecurity = {}): Kafka {
  const config: KafkaConfig = { clientId, brokers, logLevel: logLevel.WARN, logCreator: nestLogCreator };
  if (security.tls) config.ssl = security.tls;
  if (security.sasl) config.sasl = security.sasl as SASLOptions;
  return new Kafka(config);
}

/** The client the relay and the operator commands use: the configured brokers and security. */
export function kafkaOf(config: AppConfig, clientId = 'activity-log'): Kafka {
  return createKafka(config.kafkaBrokers, clientId, kafkaSecurityOf(config));
}
