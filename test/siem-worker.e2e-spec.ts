import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { v7 as uuidv7 } from 'uuid';
import { mintToken } from '@app/auth';
import { loadConfig } from '@app/config';
import { SiemDeliverySupervisor } from '@app/streams';
import { SplunkHecTestServer } from './siem/splunk-hec.test-server';
import { freePort, startApiProcess } from './support/api-process';
import { mspPrincipal, orgPrincipal } from './support/principals';
import { describeWithServer } from './support/real-servers';
import { startTestApp, TestApp } from './support/test-app';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { eventually, FAST_SIEM_SETTINGS } from './support/siem';

describeWithServer('MONGO_URL', 'SIEM delivery in the production shape: the worker pushes, on MongoDB', (url) => {
  const mongoUrl = `${url.replace(/\/[^/]*$/, '')}/e2e_${uuidv7().replace(/-/g, '')}`;
  const masterKey = Buffer.alloc(32, 3).toString('base64');
  let api: TestApp;
  let worker: INestApplicationContext;
  let hec: SplunkHecTestServer;
  const workerDir = mkdtempSync(join(tmpdir(), 'worker-'));

  beforeAll(async () => {
    hec = await SplunkHecTestServer.start({ https: true });
    api = await startTestApp({ MONGO_URL: mongoUrl, SECRETS_MASTER_KEY: masterKey, ...FAST_SIEM_SETTINGS, SIEM_DELIVERY_IN_API: 'false' });
    // A DATA_DIR of its own: the worker shares only MongoDB (secrets, views) and the event store file with the API.
    const workerConfig = loadConfig({ DATA_DIR: workerDir, LOG_LEVEL: 'silent', MONGO_URL: mongoUrl, SECRETS_MASTER_KEY: masterKey, ...FAST_SIEM_SETTINGS });
    Object.defineProperty(workerConfig, 'eventStoreFile', { get: () => api.config.eventStoreFile });
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(workerConfig), { abortOnError: false, logger: false });
    await worker.init();
  }, 60_000);

  afterAll(async () => {
    await worker.close();
    await api.close();
    await hec.stop();
    const client = await new MongoClient(mongoUrl).connect();
    await client.db().dropDatabase();
    await client.close();
    rmSync(workerDir, { recursive: true, force: true });
  });

  it('runs no delivery in the API; the worker opens the secret the API sealed in MongoDB and delivers', async () => {
    expect(() => api.app.get(SiemDeliverySupervisor)).toThrow();
    const admin = await api.token(mspPrincipal('msp_admin', 'msp-w'));
    const integration = await api.http().post('/integrations').set('Authorization', `Bearer ${admin}`).send({
      kind: 'splunk', name: 'Worker Splunk', secret: hec.validToken, settings: { url: hec.url, index: 'main', caCertificate: hec.certificate!.cert },
    }).expect(201);
    const org = await api.http().post('/organizations').set('Authorization', `Bearer ${admin}`).send({ name: 'Worker Org' }).expect(201);
    const member = await api.token(orgPrincipal('org_member', org.body.id));
    const item = await api.http().post('/vault/items').set('Authorization', `Bearer ${member}`).send({ itemType: 'password', itemName: 'Router' }).expect(201);
    await eventually(() => hec.events.some((e) => (e.event as { eventId: string }).eventId === item.body.eventIds[0]), 'the worker delivered the item');
    expect(hec.events.map((e) => (e.event as { eventType: string }).eventType)).toEqual(expect.arrayContaining(['OrganizationCreated', 'ItemCreated']));
    await eventually(async () => {
      const res = await api.http().get(`/integrations/${integration.body.id}/status`).set('Authorization', `Bearer ${admin}`).expect(200);
      return res.body.state === 'idle' && res.body.eventsBehind === 0;
    }, 'the API shows what the worker did');
  }, 60_000);
});

describe('SIEM delivery under npm start (one process)', () => {
  it('delivers from the API process, and no log line shows a secret, even when Splunk refuses it', async () => {
    const hec = await SplunkHecTestServer.start({ https: true });
    const dir = mkdtempSync(join(tmpdir(), 'siem-logs-'));
    const port = await freePort();
    const env = { DATA_DIR: dir, PORT: String(port), LOG_LEVEL: 'debug', AUTH_JWT_SECRET: 'a-test-secret-long-enough-for-hs256-x', ...FAST_SIEM_SETTINGS };
    const api = startApiProcess(env);
    const wrongToken = '0badc0de-0000-4000-8000-00000000beef';
    let stdout = '';
    try {
      await api.output(/API listening/);
      const token = await mintToken(loadConfig(env), mspPrincipal('msp_admin', 'msp-l'));
      const setUp = async (secret: string, index: string) => {
        const res = await fetch(`http://127.0.0.1:${port}/integrations`, {
          method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ kind: 'splunk', name: index, secret, settings: { url: hec.url, index, caCertificate: hec.certificate!.cert } }),
        });
        expect(res.status).toBe(201);
        return (await res.json()) as { id: string };
      };
      await setUp(hec.validToken, 'good');
      await setUp(wrongToken, 'bad');
      await fetch(`http://127.0.0.1:${port}/organizations`, {
        method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Logged Org' }),
      });
      await eventually(() => hec.events.some((e) => (e.event as { eventType: string }).eventType === 'OrganizationCreated'), 'delivered');
      await api.output(/parked: Splunk refused the token/);
    } finally {
      stdout = (await api.stop()).stdout;
      await hec.stop();
      rmSync(dir, { recursive: true, force: true });
    }
    expect(stdout).toMatch(/delivering to splunk integration 'good'/);
    expect(stdout).not.toContain(hec.validToken);
    expect(stdout).not.toContain(wrongToken);
  }, 90_000);
});
