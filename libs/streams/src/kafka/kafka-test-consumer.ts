import { randomUUID } from 'node:crypto';
import { Admin, Consumer, Kafka, logLevel } from 'kafkajs';
import { RecordedEvent, SerializedEvent } from '@app/event-store';
import { AudienceEvent } from '@app/projections';
import { kafkaKeyOf } from './kafka-messages';

/** A relayed message as a test sees it. */
export interface ReceivedMessage {
  topic: string;
  partition: number;
  key: string;
  headers: Record<string, string>;
  /** The envelope on the global topic; what the MSP's view shows of the event on an MSP topic. */
  event: SerializedEvent | AudienceEvent;
}

/** A unique topic prefix per test, so parallel runs never share topics. */
export function uniqueTopicPrefix(label: string): string {
  return `test-${label}-${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

/** Reads topics from the beginning on a real broker, in a consumer group of its own. */
export class KafkaTestConsumer {
  readonly received: ReceivedMessage[] = [];

  private constructor(private readonly consumer: Consumer) {}

  static async start(kafka: Kafka, topics: string[]): Promise<KafkaTestConsumer> {
    const consumer = kafka.consumer({ groupId: `test-${randomUUID()}`, allowAutoTopicCreation: false });
    const reader = new KafkaTestConsumer(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ topic, partition, message }) => reader.add(topic, partition, message) });
    return reader;
  }

  /** Messages of one topic, in the order they arrived. */
  of(topic: string): ReceivedMessage[] {
    return this.received.filter((m) => m.topic === topic);
  }

  async waitFor(done: (received: ReceivedMessage[]) => boolean, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done(this.received)) {
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms with ${this.received.length} messages`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async close(): Promise<void> {
    await this.consumer.disconnect();
  }

  private add(topic: string, partition: number, message: { key: Buffer | null; value: Buffer | null; headers?: object }): void {
    const headers = Object.fromEntries(
      Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]),
    );
    this.received.push({ topic, partition, key: String(message.key), headers, event: JSON.parse(String(message.value)) });
  }
}

export function testKafka(brokers: string): Kafka {
  return new Kafka({ clientId: 'kafka-relay-test', brokers: brokers.split(','), logLevel: logLevel.ERROR });
}

/** Waits until the relay has created the topics (nothing auto-creates them). */
export async function waitForTopics(admin: Admin, topics: string[], timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const existing = new Set(await admin.listTopics());
    if (topics.every((t) => existing.has(t))) return;
    if (Date.now() > deadline) throw new Error(`topics not created within ${timeoutMs} ms: ${topics.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Deletes the topics whose names start with the prefix. */
export async function deleteTopics(admin: Admin, prefix: string): Promise<void> {
  const topics = (await admin.listTopics()).filter((t) => t.startsWith(`${prefix}.`));
  if (topics.length > 0) await admin.deleteTopics({ topics }).catch(() => undefined);
}

/**
 * What the relay promises a consumer, per key: each event arrives for the first time right after
 * the event before it in the store (no gap, no reordering); an event seen again is a replay.
 * Returns one line per broken promise, so a test expects none.
 */
export function orderProblemsPerKey(received: ReceivedMessage[], stored: RecordedEvent[]): string[] {
  const expected = new Map<string, RecordedEvent[]>();
  for (const event of stored) {
    const key = kafkaKeyOf(event);
    if (!expected.has(key)) expected.set(key, []);
    expected.get(key)!.push(event);
  }
  const delivered = new Map<string, number>();
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const m of received) {
    if (seen.has(m.event.id)) continue;
    seen.add(m.event.id);
    const next = delivered.get(m.key) ?? 0;
    const due = expected.get(m.key)?.[next];
    if (m.event.id !== due?.id) problems.push(`${m.key}: position ${m.event.position} arrived where ${due ? `position ${due.position}` : 'nothing'} was due`);
    delivered.set(m.key, next + 1);
  }
  return problems;
}
