import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Admin, ConfigResourceTypes, Consumer, Kafka, logLevel, SASLOptions } from 'kafkajs';
import { loadConfig } from '@app/config';
import { openReadDatabase, sqliteCheckpointStore } from '@app/projections';
import { globalTopic, KafkaPublisher, KafkaRelay, kafkaOf, mspTopic } from '@app/streams';
import { interleavedEvents } from '@app/streams/kafka/relayed-events.fixture';
import { describeWithSaslBroker, SaslBroker, startSaslBroker } from './support/kafka-sasl-broker';
import { unsealedData } from '@app/privacy/testing/privacy.testing';

const root = join(__dirname, '..');
const PREFIX = 'acl';
const RETENTION_MS = '604800000';

interface Credentials {
  username: string;
  password: string;
  mechanism: string;
  topic: string;
  groupPrefix: string;
}

/**
 * An MSP's principal on a broker with SASL/SCRAM and the StandardAuthorizer: the relay (super
 * user) publishes, the CLI creates each MSP's credentials and ACLs, and the MSP reads its own
 * topic and nothing else.
 */
describeWithSaslBroker("Kafka ACLs: an MSP's credentials read its own topic only", () => {
  let broker: SaslBroker;
  let dataDir: string;
  let adminEnv: Record<string, string>;
  let superAdmin: Admin;
  let a: Credentials;
  let b: Credentials;
  const consumers: Consumer[] = [];
  const events = interleavedEvents([
    { streamId: 'organization-a1', tenant: { mspId: 'msp-a', orgId: 'a1' }, count: 3 },
    { streamId: 'organization-b1', tenant: { mspId: 'msp-b', orgId: 'b1' }, count: 2 },
    { streamId: 'msp-a', tenant: { mspId: 'msp-a' }, count: 1 },
  ]);

  const cli = (args: string[]) => {
    const result = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/cli/src/main.ts', ...args], {
      cwd: root, env: { PATH: process.env.PATH, DATA_DIR: dataDir, ...adminEnv }, encoding: 'utf8', timeout: 60_000,
    });
    if (result.status !== 0) throw new Error(`cli ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    return result.stdout;
  };
  /** What the broker answered, as kafkajs's debug log reports it (kafkajs wraps a refused FindCoordinator in a generic error). */
  const brokerErrors: string[] = [];
  const kafkaAs = (c: Pick<Credentials, 'username' | 'password' | 'mechanism'>) =>
    new Kafka({
      clientId: `acl-test-${c.username}`, brokers: [broker.brokers], retry: { retries: 2, initialRetryTime: 200 },
      sasl: { mechanism: c.mechanism.toLowerCase(), username: c.username, password: c.password } as SASLOptions,
      logLevel: logLevel.DEBUG,
      logCreator: () => ({ log }) => {
        const error = (log as { error?: { type?: string } | string }).error;
        if (error) brokerErrors.push(typeof error === 'string' ? error : (error.type ?? String(error)));
      },
    });

  /** Reads `topic` from the beginning in `groupId` until `count` messages arrived, or rejects with the broker's refusal. */
  async function consume(c: Credentials, topic: string, groupId: string, count: number): Promise<string[]> {
    const consumer = kafkaAs(c).consumer({ groupId, retry: { retries: 0 }, allowAutoTopicCreation: false });
    consumers.push(consumer);
    const received: string[] = [];
    const refused = new Promise<never>((_, reject) => consumer.on(consumer.events.CRASH, (e) => reject(e.payload.error)));
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    const done = new Promise<string[]>((resolve) => {
      void consumer.run({ eachMessage: async ({ message }) => {
        received.push(String(message.headers?.mspId ?? ""));
        if (received.length >= count) resolve(received);
      } });
    });
    try {
      return await Promise.race([done, refused]);
    } finally {
      await consumer.disconnect();
    }
  }

  const errorType = (promise: Promise<unknown>) => promise.then(() => 'no error', (e: { type?: string; message: string }) => e.type ?? e.message);

  beforeAll(async () => {
    broker = await startSaslBroker();
    dataDir = mkdtempSync(join(tmpdir(), 'kafka-acl-'));
    adminEnv = {
      KAFKA_BROKERS: broker.brokers, KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512', KAFKA_SASL_USERNAME: broker.adminUsername,
      KAFKA_SASL_PASSWORD: broker.adminPassword, KAFKA_TOPIC_PREFIX: PREFIX, KAFKA_TOPIC_RETENTION_MS: RETENTION_MS,
    };
    const config = loadConfig({ DATA_DIR: dataDir, ...adminEnv, KAFKA_TOPIC_PARTITIONS: '1' });
    const publisher = new KafkaPublisher(kafkaOf(config), { partitions: 1, replication: 1, retentionMs: config.KAFKA_TOPIC_RETENTION_MS });
    await new KafkaRelay(publisher, sqliteCheckpointStore(openReadDatabase(':memory:')), PREFIX, unsealedData).applyBatch(events);
    await publisher.close();
    a = JSON.parse(cli(['kafka-grant-msp', 'msp-a', '--mechanism', 'SCRAM-SHA-256']));
    b = JSON.parse(cli(['kafka-grant-msp', 'msp-b']));
    superAdmin = kafkaAs({ username: broker.adminUsername, password: broker.adminPassword, mechanism: 'SCRAM-SHA-512' }).admin();
    await superAdmin.connect();
  }, 180_000);

  afterAll(async () => {
    await Promise.allSettled(consumers.map((c) => c.disconnect()));
    await superAdmin?.disconnect();
    await broker?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('names each MSP its topic and a consumer-group prefix, and prints the topic on demand', () => {
    expect(a).toMatchObject({ username: mspTopic(PREFIX, 'msp-a'), mechanism: 'SCRAM-SHA-256', topic: mspTopic(PREFIX, 'msp-a'), groupPrefix: `${mspTopic(PREFIX, 'msp-a')}.` });
    expect(b).toMatchObject({ topic: 'acl.msp.msp-b', mechanism: 'SCRAM-SHA-512' });
    expect(a.password).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cli(['kafka-msp-topic', 'msp-a'])).toBe(`${a.topic}\n`);
  });

  it('lets the relay (the super user) publish, into topics created with the configured retention', async () => {
    const [resource] = (await superAdmin.describeConfigs({ resources: [{ type: ConfigResourceTypes.TOPIC, name: a.topic, configNames: ['retention.ms'] }], includeSynonyms: false })).resources;
    expect(resource.configEntries.find((e) => e.configName === 'retention.ms')?.configValue).toBe(RETENTION_MS);
  });

  it("lets MSP A's credentials read MSP A's topic, and MSP B's read B's", async () => {
    expect(await consume(a, a.topic, `${a.groupPrefix}reader`, 4)).toEqual(['msp-a', 'msp-a', 'msp-a', 'msp-a']);
    expect(await consume(b, b.topic, `${b.groupPrefix}reader`, 2)).toEqual(['msp-b', 'msp-b']);
  }, 60_000);

  it("refuses MSP A's credentials MSP B's topic and the global topic", async () => {
    expect(await errorType(consume(a, b.topic, `${a.groupPrefix}snoop`, 1))).toBe('TOPIC_AUTHORIZATION_FAILED');
    expect(await errorType(consume(a, globalTopic(PREFIX), `${a.groupPrefix}snoop`, 1))).toBe('TOPIC_AUTHORIZATION_FAILED');
    const admin = kafkaAs(a).admin();
    await admin.connect();
    try {
      expect(await errorType(admin.fetchTopicMetadata({ topics: [b.topic] }))).toBe('TOPIC_AUTHORIZATION_FAILED');
      expect(await admin.listTopics()).toEqual([a.topic]);
    } finally {
      await admin.disconnect();
    }
  }, 60_000);

  it('refuses a consumer group outside the MSP prefix', async () => {
    brokerErrors.length = 0;
    expect(await errorType(consume(a, a.topic, 'someone-elses-group', 1))).toBe('Failed to find group coordinator');
    expect(brokerErrors).toContain('GROUP_AUTHORIZATION_FAILED');
    brokerErrors.length = 0;
    await consume(a, a.topic, `${a.groupPrefix}again`, 4);
    expect(brokerErrors).not.toContain('GROUP_AUTHORIZATION_FAILED');
  }, 60_000);

  it('revokes: the credential no longer signs in', async () => {
    expect(cli(['kafka-revoke-msp', 'msp-b'])).toContain(`revoked ${b.username}`);
    const admin = kafkaAs(b).admin();
    expect(await errorType(admin.connect())).toMatch(/SASL SCRAM SHA512 authentication failed|SASL_AUTHENTICATION_FAILED/);
    await admin.disconnect();
  }, 60_000);
});
