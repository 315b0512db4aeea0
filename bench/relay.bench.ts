import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Admin, Kafka, logLevel, Partitioners, TopicMessages } from 'kafkajs';
import { KeyRing, MasterKey } from '@app/crypto';
import { EventStore, RecordedEvent, SqliteEventStore } from '@app/event-store';
import { CheckpointStore, openReadDatabase, ProjectionRunner, sqliteCheckpointStore } from '@app/projections';
import { RevealerSource, SqliteKeyStore } from '@app/privacy';
import { privacyParts } from '@app/privacy/testing/privacy.testing';
import { createKafka, KAFKA_RELAY, KafkaPublisher, KafkaRelay, topicMessagesOf } from '@app/streams';
import { envInt, Figure, withScratchDir } from './bench-utils';
import { createWorld, toNewEvent } from './support/activity-world';
import { median } from './support/stats';

/** The relay's batch: ProjectionRunner's default, every event of a catch-up batch in one sendBatch. */
const RELAY_BATCH = 500;
const PARTITIONS = 3; // KAFKA_TOPIC_PARTITIONS's default
const FIGURE = 'Kafka relay';

/**
 * Figure 9: events/s the Kafka relay (KafkaRelay under its ProjectionRunner, as the worker runs it)
 * relays from a SQLite event store of the realistic mix, personal data sealed, to the broker in
 * KAFKA_BROKERS: from its start until its checkpoint says every event was relayed (so every batch
 * was acknowledged by all replicas). Beside it, in alternating rounds: a bare kafkajs producer
 * with the relay's settings (idempotent, one request in flight, acks -1, no compression, the
 * default partitioner) sending the same messages (keys, values, headers, the same batches) built
 * beforehand. Each round writes to fresh topics, created before the clock starts and deleted after;
 * the broker's offsets are checked to have grown by exactly the messages sent. A third row times
 * the relay's own work without a broker (reading the store, revealing, building the messages).
 */
export async function relayBench(): Promise<Figure[]> {
  const brokers = (process.env.KAFKA_BROKERS ?? '').split(',').map((b) => b.trim()).filter(Boolean);
  if (brokers.length === 0) {
    console.error('  relay: skipped, the Kafka relay row needs a broker: set KAFKA_BROKERS=host:port');
    return [{ figure: FIGURE, variant: 'relay and bare kafkajs producer', value: NaN, unit: 'events/s', note: 'not measured: needs a broker, set KAFKA_BROKERS' }];
  }
  const count = envInt('BENCH_RELAY_EVENTS', 10_000);
  const rounds = envInt('BENCH_RELAY_ROUNDS', 5);
  return withScratchDir('bench-relay', async (dir) => {
    const adapter = new SqliteEventStore({ file: join(dir, 'events.sqlite'), synchronous: 'OFF' }); // setup only: the bench reads it
    const keyStore = new SqliteKeyStore(join(dir, 'keys.sqlite'));
    const parts = privacyParts(keyStore, new KeyRing(MasterKey.generate()));
    const store = parts.wrap(adapter);
    const kafka = createKafka(brokers, 'bench-relay');
    const admin = kafka.admin();
    await admin.connect();
    try {
      await appendWorld(store, count);
      const events = await readEverything(store);
      const rates: Record<'relay' | 'bare' | 'work', number[]> = { relay: [], bare: [], work: [] };
      let messages = 0;
      let relaySends = 0;
      for (let r = 0; r < rounds; r++) {
        for (const variant of r % 2 === 0 ? (['relay', 'bare'] as const) : (['bare', 'relay'] as const)) {
          const prefix = `bench-relay-${randomBytes(4).toString('hex')}`;
          const working = performance.now();
          await readEverything(store);
          const batches = await messageBatches(events, prefix, parts.personalData);
          rates.work.push(events.length / ((performance.now() - working) / 1000));
          const topics = [...new Set(batches.flatMap((b) => b.map((t) => t.topic)))];
          messages = batches.flat().reduce((n, t) => n + t.messages.length, 0);
          await createTopics(admin, topics);
          try {
            await warmUp(brokers, topics);
            const before = await heldMessages(admin, topics);
            console.error(`  relay: round ${r + 1}/${rounds}, ${variant}`);
            const { seconds, sends } = variant === 'relay'
              ? await relaySeconds(kafka, store, events, prefix, parts.personalData, join(dir, `checkpoints-${r}.sqlite`))
              : { seconds: await bareSeconds(kafka, batches), sends: batches.length };
            relaySends = variant === 'relay' ? sends : relaySends;
            const held = (await heldMessages(admin, topics)) - before;
            if (held !== messages) throw new Error(`relay bench: the broker received ${held} messages in the ${variant} round, ${messages} were sent`);
            rates[variant].push(events.length / seconds);
          } finally {
            await admin.deleteTopics({ topics });
          }
        }
      }
      const [relay, bare] = [median(rates.relay), median(rates.bare)];
      const perRound = rates.relay.map(Math.round).join(', ');
      const note = `${events.length.toLocaleString('en-US')} events (${messages.toLocaleString('en-US')} messages: global topic + MSP topics), ` +
        `batches of up to ${RELAY_BATCH} (the relay sent ${relaySends}, bare ${Math.ceil(events.length / RELAY_BATCH)}), acks -1, idempotent, 1 in flight, no compression; median of ${rounds} alternating rounds`;
      return [
        { figure: FIGURE, variant: 'relay (SQLite store → broker, until its checkpoint)', value: relay, unit: 'events/s', note: `${note}; ${((100 * relay) / bare).toFixed(0)}% of bare; ${perRound} events/s per round` },
        { figure: FIGURE, variant: 'bare kafkajs producer, same messages and settings', value: bare, unit: 'events/s', note: `messages built before the clock; ${rates.bare.map(Math.round).join(', ')} events/s per round` },
        {
          figure: FIGURE, variant: "the relay's own work, no broker (read the store, reveal, build the messages)", value: median(rates.work), unit: 'events/s',
          note: `median of ${rates.work.length}; what the relay adds to each batch before it sends`,
        },
      ];
    } finally {
      await admin.disconnect();
      await adapter.close();
      await keyStore.close();
    }
  });
}

/** The relay as the worker runs it, from start until its checkpoint reaches the last event. */
async function relaySeconds(
  kafka: Kafka, store: EventStore, events: RecordedEvent[], prefix: string, personalData: RevealerSource, file: string,
): Promise<{ seconds: number; sends: number }> {
  const db = openReadDatabase(file);
  const last = events[events.length - 1].position;
  let relayed!: () => void;
  let sends = 0;
  const done = new Promise<void>((resolve) => (relayed = resolve));
  const inner = sqliteCheckpointStore(db);
  const checkpoints: CheckpointStore = {
    ...inner,
    advance: async (name, position) => {
      await inner.advance(name, position);
      sends += 1;
      if (name === KAFKA_RELAY && position >= last) relayed();
    },
  };
  const publisher = new KafkaPublisher(kafka, { partitions: PARTITIONS, replication: 1 });
  const runner = new ProjectionRunner(store, new KafkaRelay(publisher, checkpoints, prefix, personalData), { batchSize: RELAY_BATCH });
  try {
    const started = performance.now();
    runner.start();
    await done;
    return { seconds: (performance.now() - started) / 1000, sends };
  } finally {
    await runner.stop();
    await publisher.close();
    db.close();
  }
}

/** A producer with KafkaPublisher's settings sending prepared batches one after the other, as the relay does. */
async function bareSeconds(kafka: Kafka, batches: TopicMessages[][]): Promise<number> {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
  try {
    const started = performance.now();
    await producer.connect();
    for (const topicMessages of batches) await producer.sendBatch({ topicMessages, acks: -1 });
    return (performance.now() - started) / 1000;
  } finally {
    await producer.disconnect();
  }
}

/** The relay's messages for `prefix`, in the batches the relay sends (RELAY_BATCH events each). */
async function messageBatches(events: RecordedEvent[], prefix: string, personalData: RevealerSource): Promise<TopicMessages[][]> {
  const batches: TopicMessages[][] = [];
  for (let i = 0; i < events.length; i += RELAY_BATCH) {
    const batch = events.slice(i, i + RELAY_BATCH);
    batches.push(topicMessagesOf(batch, prefix, await personalData.revealerFor(batch)));
  }
  return batches;
}

/**
 * Creates the round's topics and waits until the broker names a leader for every partition.
 * kafkajs's own waitForLeaders gives up on the first "does not host this topic-partition" a
 * broker answers while dozens of new topics are still settling.
 */
async function createTopics(admin: Admin, topics: string[]): Promise<void> {
  await admin.createTopics({ topics: topics.map((topic) => ({ topic, numPartitions: PARTITIONS, replicationFactor: 1 })), waitForLeaders: false });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ready = await admin.fetchTopicMetadata({ topics }).then(
      ({ topics: metadata }) => metadata.length === topics.length && metadata.every((t) => t.partitions.length === PARTITIONS && t.partitions.every((p) => p.leader >= 0)),
      () => false,
    );
    if (ready) return;
    if (Date.now() > deadline) throw new Error(`relay bench: the broker named no leader for the new topics within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * One message to every partition before the clock starts: a broker answers "not the leader" for a
 * while after the metadata already names it, and each such answer costs a producer a retry backoff.
 */
async function warmUp(brokers: string[], topics: string[]): Promise<void> {
  const kafka = new Kafka({ clientId: 'bench-relay-warm-up', brokers, logLevel: logLevel.NOTHING }); // its retries are expected
  const producer = kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner, retry: { retries: 50, initialRetryTime: 100 } });
  await producer.connect();
  try {
    const messages = Array.from({ length: PARTITIONS }, (_, partition) => ({ partition, value: 'warm-up' }));
    await producer.sendBatch({ topicMessages: topics.map((topic) => ({ topic, messages })), acks: -1 });
  } finally {
    await producer.disconnect();
  }
}

/** Messages the topics hold: a round must add exactly the ones sent, or it lost or doubled some and measured nothing. */
async function heldMessages(admin: Admin, topics: string[]): Promise<number> {
  let held = 0;
  for (const topic of topics) for (const p of await admin.fetchTopicOffsets(topic)) held += Number(p.high) - Number(p.low);
  return held;
}

async function appendWorld(store: EventStore, count: number): Promise<void> {
  const events = [...createWorld({ seed: 7 }).events(count)];
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < events.length) {
        const e = events[next++];
        await store.append(e.streamId, [toNewEvent(e)], 'any');
      }
    }),
  );
}

async function readEverything(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for (let page = await store.readAll({ limit: 1000 }); page.length > 0; page = await store.readAll({ fromPosition: page[page.length - 1].position, limit: 1000 })) {
    events.push(...page);
  }
  return events;
}
