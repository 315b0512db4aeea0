import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Admin } from 'kafkajs';
import { RecordedEvent, SqliteEventStore } from '@app/event-store';
import { CHECKPOINT_STORE, CheckpointStore, openReadDatabase, SqliteCheckpoints } from '@app/projections';
import { createKafkaRelayService, globalTopic, KafkaRelayService, mspTopic } from '@app/streams';
import {
  deleteTopics, KafkaTestConsumer, orderProblemsPerKey, ReceivedMessage, testKafka, uniqueTopicPrefix, waitForTopics,
} from '../libs/streams/src/kafka/kafka-test-consumer';
import { CLIENT_IP, mspPrincipal, orgPrincipal } from './support/principals';
import { describeWithServer } from './support/real-servers';
import { startTestApp, TestApp } from './support/test-app';

describeWithServer('KAFKA_BROKERS', 'Kafka relay end to end', (brokers) => {
  const kafka = testKafka(brokers);
  let admin: Admin;
  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect();
  });
  afterAll(() => admin.disconnect());

  describe('a command sent over HTTP', () => {
    const prefix = uniqueTopicPrefix('e2e');
    const topics = { all: globalTopic(prefix), a: mspTopic(prefix, 'msp-a'), b: mspTopic(prefix, 'msp-b') };
    let t: TestApp;
    let relay: KafkaRelayService;
    let consumer: KafkaTestConsumer | undefined;

    beforeAll(async () => {
      t = await startTestApp({ KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: prefix });
      relay = createKafkaRelayService(t.config, t.store, t.app.get<CheckpointStore>(CHECKPOINT_STORE), t.personalData);
      relay.start();
    });
    afterAll(async () => {
      await consumer?.close();
      await relay.stop();
      await t.close();
      await deleteTopics(admin, prefix);
    });

    const post = async (path: string, token: string, body: object = {}) => {
      const res = await t.http().post(path).set('X-Forwarded-For', CLIENT_IP).set('Authorization', `Bearer ${token}`).send(body);
      expect(res.status).toBeLessThan(300);
      return res.body.eventIds as string[];
    };
    const idsIn = (messages: ReceivedMessage[]) => messages.map((m) => m.event.id);

    it("reaches a consumer of its MSP's topic, and never another MSP's", async () => {
      const ownerA = await t.token(mspPrincipal('msp_owner', 'msp-a'));
      const ownerB = await t.token(mspPrincipal('msp_owner', 'msp-b'));
      const createdA = await post('/organizations', ownerA, { name: 'Acme' });
      const orgA = (await t.store.readAll()).find((e) => e.id === createdA[0])!.metadata.tenant.orgId!;
      const supervised = await post('/org/policies/require_mfa/enable', await t.token(orgPrincipal('org_owner', orgA)));
      const createdB = await post('/organizations', ownerB, { name: 'Bolt' });

      await waitForTopics(admin, Object.values(topics));
      consumer = await KafkaTestConsumer.start(kafka, Object.values(topics));
      const expected = [...createdA, ...supervised, ...createdB];
      await consumer.waitFor((r) => expected.every((id) => r.some((m) => m.topic === topics.all && m.event.id === id)));
      await consumer.waitFor(() => consumer!.of(topics.a).length >= 2 && consumer!.of(topics.b).length >= 1);

      // Both of organization A's events carry its key, so Kafka promises this order (one partition).
      expect(consumer.of(topics.a).map((m) => m.key)).toEqual([`org:${orgA}`, `org:${orgA}`]);
      expect(idsIn(consumer.of(topics.a))).toEqual([...createdA, ...supervised]);
      expect(idsIn(consumer.of(topics.b))).toEqual(createdB);
      expect(consumer.of(topics.a).map((m) => m.headers.mspId)).toEqual(['msp-a', 'msp-a']);
      expect(consumer.of(topics.a)[1]).toMatchObject({
        key: `org:${orgA}`,
        headers: { eventType: 'PolicyEnabled', orgId: orgA, mspId: 'msp-a' },
        event: { type: 'PolicyEnabled', tenant: { mspId: 'msp-a', orgId: orgA }, entry: { eventType: 'PolicyEnabled', organizationId: orgA } },
      });
    });

    it("carries a supervised organization's vault item to its MSP's topic without the item's name or type", async () => {
      const ownerA = await t.token(mspPrincipal('msp_owner', 'msp-a'));
      const [created] = await post('/organizations', ownerA, { name: 'Vaulted' });
      const orgId = (await t.store.readAll()).find((e) => e.id === created)!.metadata.tenant.orgId!;
      await t.http().get(`/organizations/${orgId}/feed`).set('Authorization', `Bearer ${ownerA}`).query({ minPosition: (await t.store.headPosition()).toString() }).expect(200);
      const member = await t.token(orgPrincipal('org_member', orgId, { name: 'Ann Archer' }));
      const [itemEvent] = await post('/vault/items', member, { itemType: 'secure_note', itemName: 'Launch codes' });

      const reader = await KafkaTestConsumer.start(kafka, [topics.all, topics.a]);
      try {
        await reader.waitFor((r) => [topics.all, topics.a].every((topic) => r.some((m) => m.topic === topic && m.event.id === itemEvent)));
        const onMspTopic = reader.of(topics.a).find((m) => m.event.id === itemEvent)!;
        const onGlobal = reader.of(topics.all).find((m) => m.event.id === itemEvent)!;
        expect(onMspTopic.event).toMatchObject({
          type: 'ItemCreated',
          tenant: { mspId: 'msp-a', orgId },
          entry: { eventType: 'ItemCreated', item: { type: null, name: null }, target: { type: 'item', name: null }, summary: 'Ann Archer created an item' },
        });
        expect(JSON.stringify(onMspTopic.event)).not.toMatch(/Launch codes|secure.note/);
        expect(onMspTopic.event).not.toHaveProperty('data');
        expect(onGlobal.event).toMatchObject({ data: { itemName: 'Launch codes', itemType: 'secure_note' } });
      } finally {
        await reader.close();
      }
    });
  });

  describe('a relay process killed with SIGKILL mid-stream and restarted', () => {
    const prefix = uniqueTopicPrefix('crash');
    const dir = mkdtempSync(join(tmpdir(), 'kafka-relay-crash-'));
    const streams = 200; // four aggregates in each of 50 organizations
    const perStream = 50;
    let consumer: KafkaTestConsumer | undefined;
    let child: ChildProcess | undefined;

    afterAll(async () => {
      child?.kill('SIGKILL');
      await consumer?.close();
      await deleteTopics(admin, prefix);
      rmSync(dir, { recursive: true, force: true });
    });

    it("delivers every event at least once, each organization's in store order, none missing", async () => {
      const events = await writeEvents(join(dir, 'events.sqlite'), streams, perStream);
      const ids = events.map((e) => e.id);
      await admin.createTopics({ topics: [{ topic: globalTopic(prefix), numPartitions: 3 }], waitForLeaders: true });
      consumer = await KafkaTestConsumer.start(kafka, [globalTopic(prefix)]);

      child = startRelay(dir, brokers, prefix);
      await consumer.waitFor((r) => r.length >= 3000, 30_000);
      await killed(child);
      const receivedAtKill = consumer.received.length;
      const checkpointAtKill = readCheckpoint(dir);

      child = startRelay(dir, brokers, prefix);
      await consumer.waitFor((r) => new Set(r.map((m) => m.event.id)).size === ids.length, 40_000);
      await killed(child);

      console.log(`kafka relay crash: killed at ${receivedAtKill} received, checkpoint ${checkpointAtKill}; ${consumer.received.length} received in all`);
      expect(checkpointAtKill).toBeLessThan(events.at(-1)!.position);
      expect(new Set(consumer.received.map((m) => m.event.id))).toEqual(new Set(ids));
      expect(new Set(consumer.received.map((m) => m.key)).size).toBe(streams / 4);
      expect(orderProblemsPerKey(consumer.received, events)).toEqual([]);
    }, 60_000);
  });
});

/**
 * Four aggregates in each organization of two MSPs, all their events interleaved in the store.
 * Returns the events in store order.
 */
async function writeEvents(file: string, streams: number, perStream: number): Promise<RecordedEvent[]> {
  const store = new SqliteEventStore({ file });
  const kinds = ['organization', 'policy', 'orgMember', 'vaultItem'];
  const org = (s: number) => Math.floor(s / kinds.length);
  const tenantOf = (s: number) => ({ mspId: org(s) % 2 === 0 ? 'msp-a' : 'msp-b', orgId: `org-${org(s)}` });
  const metadata = (s: number) => ({ actor: { type: 'member' as const, id: 'm-1' }, tenant: tenantOf(s), client: { ip: CLIENT_IP } });
  const streamOf = (s: number) => `${kinds[s % kinds.length]}-${org(s)}-${s}`;
  for (let round = 0; round < perStream; round++) {
    await Promise.all(
      [...Array(streams).keys()].map((s) =>
        store.append(streamOf(s), [{ type: 'OrganizationRenamed', data: { name: `n${round}` }, metadata: metadata(s) }], 'any'),
      ),
    );
  }
  const events = await store.readAll({ limit: streams * perStream });
  await store.close();
  return events;
}

function startRelay(dataDir: string, brokers: string, prefix: string): ChildProcess {
  const fixture = join(__dirname, 'fixtures', 'kafka-relay-worker.fixture.ts');
  return spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', fixture], {
    cwd: join(__dirname, '..'),
    env: { ...process.env, DATA_DIR: dataDir, KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: prefix, RELAY_BATCH_SIZE: '100' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

async function killed(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

function readCheckpoint(dataDir: string): bigint {
  const db = openReadDatabase(join(dataDir, 'read-models.sqlite'));
  try {
    return new SqliteCheckpoints(db).get('kafka-relay') ?? -1n;
  } finally {
    db.close();
  }
}
