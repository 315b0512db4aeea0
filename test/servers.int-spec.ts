/**
 * Smoke test of the real servers the integration suites use (scripts/servers/): it proves
 * Kafka and the MongoDB-wire server (FerretDB) answer and do the basics the adapters need.
 * Gated by KAFKA_BROKERS / MONGO_URL through test/support/real-servers.ts.
 */
import { randomUUID } from 'node:crypto';
import { Admin, Consumer, Kafka, logLevel, Partitioners, Producer } from 'kafkajs';
import { MongoClient, MongoServerError } from 'mongodb';
import { describeWithServer, kafkaBrokers } from './support/real-servers';

const suffix = () => randomUUID().replace(/-/g, '').slice(0, 12);

describeWithServer('KAFKA_BROKERS', 'Kafka (KAFKA_BROKERS)', (brokers) => {
  const kafka = new Kafka({ clientId: 'servers-smoke', brokers: kafkaBrokers(brokers), logLevel: logLevel.ERROR });
  const topic = `servers-smoke-${suffix()}`;
  let admin: Admin;
  let producer: Producer;
  let consumer: Consumer | undefined;

  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect();
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
    await producer.connect();
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await producer?.disconnect();
    if (admin) {
      await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await admin.disconnect();
    }
  });

  it('creates a topic', async () => {
    await expect(admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true })).resolves.toBe(true);
    expect(await admin.listTopics()).toContain(topic);
  });

  it('produces one message and consumes it back', async () => {
    const value = JSON.stringify({ type: 'servers.smoke', id: randomUUID() });
    const [meta] = await producer.send({ topic, messages: [{ key: 'tenant-1', value, headers: { kind: 'smoke' } }] });
    expect(meta.errorCode).toBe(0);

    consumer = kafka.consumer({ groupId: `servers-smoke-${suffix()}` });
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    const received = new Promise<{ key?: string; value?: string; kind?: string }>((resolve) => {
      void consumer!.run({
        eachMessage: async ({ message }) =>
          resolve({ key: message.key?.toString(), value: message.value?.toString(), kind: message.headers?.kind?.toString() }),
      });
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no message consumed within 45s')), 45_000);
    });
    try {
      await expect(Promise.race([received, timeout])).resolves.toEqual({ key: 'tenant-1', value, kind: 'smoke' });
    } finally {
      clearTimeout(timer);
    }
  }, 60_000);
});

describeWithServer('MONGO_URL', 'MongoDB wire server (MONGO_URL)', (url) => {
  const dbName = `servers_smoke_${suffix()}`;
  let client: MongoClient;

  beforeAll(async () => {
    client = new MongoClient(url, { serverSelectionTimeoutMS: 5_000 });
    await client.connect();
  });

  afterAll(async () => {
    if (client) {
      await client.db(dbName).dropDatabase().catch(() => undefined);
      await client.close();
    }
  });

  it('answers ping', async () => {
    expect(await client.db('admin').command({ ping: 1 })).toMatchObject({ ok: 1 });
  });

  it('inserts and reads a document', async () => {
    const events = client.db(dbName).collection<{ _id: string; tenantId: string; seq: number; at: Date }>('events');
    const at = new Date('2024-05-01T12:00:00.000Z');
    await events.insertOne({ _id: 'e-1', tenantId: 't-1', seq: 1, at });
    expect(await events.findOne({ _id: 'e-1' })).toEqual({ _id: 'e-1', tenantId: 't-1', seq: 1, at });
  });

  it('creates a unique compound index and enforces it', async () => {
    const events = client.db(dbName).collection<{ _id: string; tenantId: string; seq: number }>('events');
    const name = await events.createIndex({ tenantId: 1, seq: -1 }, { unique: true, name: 'tenant_seq' });
    expect(name).toBe('tenant_seq');
    const indexes = await events.listIndexes().toArray();
    expect(indexes.find((index) => index.name === 'tenant_seq')).toMatchObject({ key: { tenantId: 1, seq: -1 }, unique: true });

    const duplicate = events.insertOne({ _id: 'e-2', tenantId: 't-1', seq: 1 });
    await expect(duplicate).rejects.toBeInstanceOf(MongoServerError);
    await expect(duplicate).rejects.toMatchObject({ code: 11000 });
  });
});
