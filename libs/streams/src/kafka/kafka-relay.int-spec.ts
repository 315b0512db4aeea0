import Database from 'better-sqlite3';
import { Admin } from 'kafkajs';
import { Tenant } from '@app/event-store';
import { AudienceEvent, CheckpointStore, openReadDatabase, sqliteCheckpointStore, viewEvent } from '@app/projections';
import { describeWithServer, kafkaBrokers } from '@test/support/real-servers';
import { createKafka } from './kafka-client';
import { KafkaPublisher } from './kafka-publisher';
import { KafkaRelay } from './kafka-relay';
import { deleteTopics, KafkaTestConsumer, orderProblemsPerKey, ReceivedMessage, testKafka, uniqueTopicPrefix } from './kafka-test-consumer';
import { globalTopic, mspTopic } from './kafka-topics';
import { interleavedEvents } from './relayed-events.fixture';
import { revealUnsealed, unsealedData } from '@app/privacy/testing/privacy.testing';

describeWithServer('KAFKA_BROKERS', 'KafkaRelay on a real broker', (brokers) => {
  const prefix = uniqueTopicPrefix('relay');
  const kafka = testKafka(brokers);
  // Several aggregates of organization a1, interleaved with another organization of the same MSP
  // and with the MSP's own events, as the store would hold them.
  const a1 = { mspId: 'msp-a', orgId: 'a1' };
  const events = interleavedEvents([
    { streamId: 'organization-a1', tenant: a1, count: 6 },
    { streamId: 'policy-a1', tenant: a1, count: 4 },
    { streamId: 'msp-a', tenant: { mspId: 'msp-a' }, count: 3 },
    { streamId: 'organization-a2', tenant: { mspId: 'msp-a', orgId: 'a2' }, count: 4 },
    { streamId: 'vaultItem-i1', tenant: a1, count: 5 },
    { streamId: 'organization-b1', tenant: { mspId: 'msp-b', orgId: 'b1' }, count: 5 },
    { streamId: 'orgMember-z', tenant: { orgId: 'z' }, count: 2 },
    { streamId: 'msp-odd', tenant: { mspId: 'acme.eu_1' }, count: 2 },
  ]);
  const topics = { all: globalTopic(prefix), a: mspTopic(prefix, 'msp-a'), b: mspTopic(prefix, 'msp-b'), odd: mspTopic(prefix, 'acme.eu_1') };
  const mspEventCount = events.filter((e) => e.metadata.tenant.mspId).length;
  let admin: Admin;
  let db: Database.Database;
  let checkpoints: CheckpointStore;
  let publisher: KafkaPublisher;
  let consumer: KafkaTestConsumer;
  let checkpointAfterFirstBatch: bigint | undefined;

  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect();
    db = openReadDatabase(':memory:');
    checkpoints = sqliteCheckpointStore(db);
    publisher = new KafkaPublisher(createKafka(kafkaBrokers(brokers)), { partitions: 4, replication: 1 });
    const relay = new KafkaRelay(publisher, checkpoints, prefix, unsealedData);
    await relay.applyBatch(events.slice(0, 7));
    checkpointAfterFirstBatch = await relay.checkpoint();
    await relay.applyBatch(events.slice(7));
    await relay.applyBatch(events); // all of it again, as after a crash before the checkpoint moved
    consumer = await KafkaTestConsumer.start(kafka, Object.values(topics));
    await consumer.waitFor((r) => r.length >= 2 * (events.length + mspEventCount));
  }, 60_000);

  afterAll(async () => {
    await consumer?.close();
    await publisher?.close();
    db?.close();
    if (admin) {
      await deleteTopics(admin, prefix);
      await admin.disconnect();
    }
  });

  const positionsByKey = (messages: ReceivedMessage[]) => {
    const byKey: Record<string, string[]> = {};
    for (const m of messages) (byKey[m.key] ??= []).push(m.event.position);
    return byKey;
  };
  /** The positions of one organization's (or one MSP's own) events in store order, twice: the batch was relayed twice. */
  const twiceInOrder = (owner: { orgId: string } | { mspId: string }) => {
    const owns = (t: Tenant) => ('orgId' in owner ? t.orgId === owner.orgId : !t.orgId && t.mspId === owner.mspId);
    const positions = events.filter((e) => owns(e.metadata.tenant)).map((e) => e.position.toString());
    return [...positions, ...positions];
  };

  it("delivers a batch relayed twice as duplicates, each organization's events in store order whatever their aggregate", () => {
    expect(consumer.of(topics.all)).toHaveLength(2 * events.length);
    expect(positionsByKey(consumer.of(topics.all))).toEqual({
      'org:a1': twiceInOrder({ orgId: 'a1' }),
      'org:a2': twiceInOrder({ orgId: 'a2' }),
      'msp:msp-a': twiceInOrder({ mspId: 'msp-a' }),
      'org:b1': twiceInOrder({ orgId: 'b1' }),
      'org:z': twiceInOrder({ orgId: 'z' }),
      'msp:acme.eu_1': twiceInOrder({ mspId: 'acme.eu_1' }),
    });
    expect(twiceInOrder({ orgId: 'a1' })).toHaveLength(2 * 15);
    expect(orderProblemsPerKey(consumer.of(topics.all), events)).toEqual([]);
  });

  it('moves the checkpoint to the last position of each acknowledged batch', async () => {
    expect(checkpointAfterFirstBatch).toBe(events[6].position);
    expect(await checkpoints.get('kafka-relay')).toBe(events.at(-1)!.position);
  });

  it("gives each MSP topic only that MSP's events, and events without an MSP to the global topic only", () => {
    const mspsIn = (topic: string) => new Set(consumer.of(topic).map((m) => (m.event as AudienceEvent).tenant.mspId));
    expect(mspsIn(topics.a)).toEqual(new Set(['msp-a']));
    expect(mspsIn(topics.b)).toEqual(new Set(['msp-b']));
    expect(mspsIn(topics.odd)).toEqual(new Set(['acme.eu_1']));
    expect(positionsByKey(consumer.of(topics.a))).toEqual({
      'org:a1': twiceInOrder({ orgId: 'a1' }), 'org:a2': twiceInOrder({ orgId: 'a2' }), 'msp:msp-a': twiceInOrder({ mspId: 'msp-a' }),
    });
    expect(consumer.received.filter((m) => m.key === 'org:z').every((m) => m.topic === topics.all)).toBe(true);
  });

  it("keys by organization, names the event in headers, carries the envelope globally and the MSP's view on its topic", () => {
    const first = events.find((e) => e.streamId === 'organization-b1')!;
    const [message] = consumer.of(topics.b);
    expect(message.key).toBe('org:b1');
    expect(message.headers).toEqual({ eventId: first.id, eventType: 'OrganizationRenamed', schemaVersion: '1', orgId: 'b1', mspId: 'msp-b' });
    expect(message.event).toEqual(viewEvent(first, 'msp', revealUnsealed));
    expect(message.event).not.toHaveProperty('data');
    const global = consumer.of(topics.all).find((m) => m.event.id === first.id)!;
    expect(global.event).toEqual({ ...first, revision: '0', position: first.position.toString() });
    const withoutMsp = consumer.received.find((m) => m.key === 'org:z')!;
    expect(withoutMsp.headers).toEqual({ eventId: withoutMsp.event.id, eventType: 'OrganizationRenamed', schemaVersion: '1', orgId: 'z' });
  });

  it('creates its topics with the configured partitions', async () => {
    expect(topics.odd).toBe(`${prefix}.msp.acme_2eeu_5f1`);
    const { topics: metadata } = await admin.fetchTopicMetadata({ topics: Object.values(topics) });
    expect(metadata.map((t) => t.partitions.length)).toEqual([4, 4, 4, 4]);
    expect(metadata.every((t) => t.partitions.every((p) => p.replicas.length === 1))).toBe(true);
  });
});
