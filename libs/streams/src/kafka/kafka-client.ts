import { Logger } from '@nestjs/common';
import { Kafka, logCreator, logLevel } from 'kafkajs';

/**
 * kafkajs's own logs, WARN and above only, through Nest's logger, all as warnings: kafkajs logs
 * each retried request as an error (a partition leader moving, a coordinator loading), while a
 * send that finally fails is reported as an error by the relay's runner.
 */
const nestLogCreator: logCreator = () => {
  const logger = new Logger('kafkajs');
  return ({ namespace, log }) => logger.warn(`${namespace}: ${log.message}${log.error ? ` (${log.error})` : ''}`);
};

export function createKafka(brokers: string[], clientId = 'activity-log'): Kafka {
  return new Kafka({ clientId, brokers, logLevel: logLevel.WARN, logCreator: nestLogCreator });
}
