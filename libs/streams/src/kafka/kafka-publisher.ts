import { Admin, Kafka, Partitioners, Producer, TopicMessages } from 'kafkajs';
import { KafkaTopicCreator, TopicSettings } from './kafka-topic-creator';

/**
 * Sends message batches and resolves only once every broker acknowledged them (acks: all).
 * The producer is idempotent with one request in flight, so a retried send neither doubles nor
 * reorders messages within a partition. Connects on first use, so a broker that is down at boot
 * is retried by the caller rather than failing the process.
 */
export class KafkaPublisher {
  private readonly producer: Producer;
  private readonly admin: Admin;
  private readonly topics: KafkaTopicCreator;
  private connected: Promise<void> | undefined;

  constructor(kafka: Kafka, topicSettings: TopicSettings) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.admin = kafka.admin();
    this.topics = new KafkaTopicCreator(this.admin, topicSettings);
  }

  async publish(batches: TopicMessages[]): Promise<void> {
    if (batches.length === 0) return;
    await this.connect();
    await this.topics.ensure(batches.map((b) => b.topic));
    await this.producer.sendBatch({ topicMessages: batches, acks: -1 });
  }

  async close(): Promise<void> {
    this.connected = undefined;
    await Promise.allSettled([this.producer.disconnect(), this.admin.disconnect()]);
  }

  private connect(): Promise<void> {
    this.connected ??= Promise.all([this.producer.connect(), this.admin.connect()]).then(
      () => undefined,
      (error: unknown) => {
        this.connected = undefined;
        throw error;
      },
    );
    return this.connected;
  }
}
