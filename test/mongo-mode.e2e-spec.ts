import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MongoClient } from 'mongodb';
import { createHash, randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { describeWithServer } from './support/real-servers';
import { mspPrincipal, orgPrincipal } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';
import { WorkerModule } from '../apps/worker/src/worker.module';

describeWithServer('MONGO_URL', 'the production shape: API and worker as separate processes on MongoDB', (url) => {
  const database = `e2e_${uuidv7().replace(/-/g, '')}`;
  const mongoUrl = `${url.replace(/\/[^/]*$/, '')}/${database}`;
  let api: TestApp;
  let worker: INestApplicationContext;
  // Every process of a MongoDB deployment seals under one master key (the key store is shared).
  const masterKey = randomBytes(32).toString('base64');

  beforeAll(async () => {
    api = await startTestApp({ MONGO_URL: mongoUrl, SECRETS_MASTER_KEY: masterKey });
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(api.config), { abortOnError: false });
    await worker.init();
  }, 60_000);

  afterAll(async () => {
    await worker.close();
    await api.close();
    const client = await new MongoClient(mongoUrl).connect();
    await client.db().dropDatabase();
    await client.close();
  });

  it('does not run projectors in the API, and serves what the worker projected into MongoDB', async () => {
    expect(api.config.projectorsInApi).toBe(false);
    const admin = await api.token(mspPrincipal('msp_admin', 'msp-m', { name: 'Mo' }));
    const created = await api.http().post('/organizations').set('Authorization', `Bearer ${admin}`).send({ name: 'Mongo Org' }).expect(201);
    const log = await api.http().get('/activity-log/msp').set('Authorization', `Bearer ${admin}`)
      .query({ minPosition: created.body.position }).expect(200);
    expect(log.body.items.map((e: { eventType: string; summary: string }) => [e.eventType, e.summary])).toEqual([
      ['OrganizationCreated', "Mo created organization 'Mongo Org'"],
    ]);

    const owner = await api.token(orgPrincipal('org_owner', created.body.id, { subject: 'owen' }));
    const item = await api.http().post('/vault/items').set('Authorization', `Bearer ${owner}`)
      .send({ itemType: 'password', itemName: 'Router' }).expect(201);
    const hub = await api.http().get(`/sharing-hub/items/${item.body.id}`).set('Authorization', `Bearer ${owner}`)
      .query({ minPosition: item.body.position }).expect(200);
    expect(hub.body).toMatchObject({ id: item.body.id, name: 'Router', owner: { id: 'owen' } });
  }, 60_000);

  it('keeps the idempotency keys in MongoDB, shared by every API instance', async () => {
    const admin = await api.token(mspPrincipal('msp_admin', 'msp-m'));
    const send = () => api.http().post('/organizations').set('Authorization', `Bearer ${admin}`).set('Idempotency-Key', 'mongo-k1').send({ name: 'Once' });
    const first = await send().expect(201);
    const again = await send().expect(201);
    expect(again.body).toEqual(first.body);
    const client = await new MongoClient(mongoUrl).connect();
    expect(await client.db().collection('idempotency_keys').countDocuments()).toBeGreaterThan(0);
    await client.close();
  }, 30_000);

  it('keeps stream tickets in MongoDB, hashed: one API instance redeems what another issued, once', async () => {
    const other = await startTestApp({ MONGO_URL: mongoUrl, SECRETS_MASTER_KEY: masterKey });
    try {
      const owner = await api.token(mspPrincipal('msp_owner', 'msp-m'));
      const { ticket, url } = (await api.http().post('/stream-tickets').set('Authorization', `Bearer ${owner}`)
        .send({ path: '/activity-log/msp/export?format=jsonl' }).expect(201)).body;
      await other.http().get(url).expect(200);
      await api.http().get(url).expect(401);
      const unused = (await api.http().post('/stream-tickets').set('Authorization', `Bearer ${owner}`)
        .send({ path: '/activity-log/msp/live' }).expect(201)).body.ticket as string;
      const client = await new MongoClient(mongoUrl).connect();
      const stored = await client.db().collection('stream_tickets').find({}).toArray();
      await client.close();
      expect(stored.map((d) => d._id)).toEqual([createHash('sha256').update(unused).digest('hex')]);
      expect(JSON.stringify(stored)).not.toContain(unused);
      expect(JSON.stringify(stored)).not.toContain(ticket);
    } finally {
      await other.close();
    }
  }, 30_000);
});
