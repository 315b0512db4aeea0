import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { EventStore } from '@app/event-store';
import { CheckpointStore, ProjectionRunner, RunnerOptions } from '@app/projections';
import { RevealerSource } from '@app/privacy';
import { kafkaOf } from './kafka-client';
import { KafkaPublisher } from './kafka-publisher';
import { KafkaRelay } from './kafka-relay';

/** How long shutdown waits for a batch in flight before dropping the connection (it is resent on restart). */
const SHUTDOWN_GRACE_MS = 5_000;

/**
 * Runs the Kafka relay as a checkpointed subscription while the application is up. It stops
 * before shutdown proper, while the event store and the checkpoint store are still open.
 */
export class KafkaRelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('KafkaRelay');
  private readonly runner: ProjectionRunner;

  constructor(
    store: EventStore,
    readonly relay: KafkaRelay,
    private readonly publisher: KafkaPublisher,
    private readonly description: string,
    options: RunnerOptions = {},
  ) {
    this.runner = new ProjectionRunner(store, relay, options);
  }

  start(): void {
    this.logger.log(`relaying events to ${this.description}`);
    this.runner.start();
  }

  async stop(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, SHUTDOWN_GRACE_MS)));
    await Promise.race([this.runner.stop(), grace]);
    clearTimeout(timer);
    await this.publisher.close();
  }

  onApplicationBootstrap(): void {
    this.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.stop();
  }
}

/** The relay as the worker runs it, from the configuration (KAFKA_BROKERS, KAFKA_TOPIC_*, KAFKA_SASL_*, KAFKA_TLS*). */
export function createKafkaRelayService(
  config: AppConfig,
  store: EventStore,
  checkpoints: CheckpointStore,
  personalData: RevealerSource,
  options: RunnerOptions = {},
): KafkaRelayService {
  const publisher = new KafkaPublisher(kafkaOf(config), {
    partitions: config.KAFKA_TOPIC_PARTITIONS,
    replication: config.KAFKA_TOPIC_REPLICATION,
    retentionMs: config.KAFKA_TOPIC_RETENTION_MS,
  });
  const relay = new KafkaRelay(publisher, checkpoints, config.KAFKA_TOPIC_PREFIX, personalData);
  if (config.KAFKA_SASL_MECHANISM === 'plain' && !config.KAFKA_TLS) {
    new Logger('KafkaRelay').warn('SASL PLAIN without TLS sends the password in clear: set KAFKA_TLS=true');
  }
  const description = `${config.kafkaBrokers.join(',')} (topics ${config.KAFKA_TOPIC_PREFIX}.*${describeSecurity(config)})`;
  return new KafkaRelayService(store, relay, publisher, description, options);
}

function describeSecurity(config: AppConfig): string {
  const sasl = config.KAFKA_SASL_MECHANISM ? `SASL ${config.KAFKA_SASL_MECHANISM.toUpperCase()} as ${config.KAFKA_SASL_USERNAME}` : 'no SASL';
  return `, ${config.KAFKA_TLS ? 'TLS' : 'no TLS'}, ${sasl}`;
}
