import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MongoClient } from 'mongodb';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BSON } from 'mongodb';
import { v7 as uuidv7 } from 'uuid';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { mspPrincipal, orgPrincipal } from './support/principals';
import { describeWithServer } from './support/real-servers';
import { startTestApp, TestApp } from './support/test-app';
import {
  EVE, everyView, eveWorkedHere, rebuildEveryView, Scenario, send, spellingsIn, withoutErasureLine, withPseudonym,
} from './support/erasure-scenario';

/** Every file under the data directory (event store, read models, idempotency keys, their WAL files…), by name. */
function storeFiles(dir: string): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[path.slice(dir.length + 1)] = readFileSync(path);
    }
  };
  walk(dir);
  return files;
}

/**
 * The erasure scenario on one deployment: Eve worked here, was removed and erased. Every view shows
 * her pseudonym where she was, and only there; a rebuild shows the same; the store holds no clear copy.
 */
function describeErasure(deployment: () => { t: TestApp; dump: () => Promise<Record<string, Buffer>>; projecting?: INestApplicationContext }) {
  let s: Scenario;
  let before: Record<string, unknown>;
  let after: Record<string, unknown>;
  let t: TestApp;

  beforeAll(async () => {
    t = deployment().t;
    s = await eveWorkedHere(t);
    before = await everyView(t, s);
    const byEmail = await t.query('/activity-log/business', s.tokens.owner, { memberEmail: EVE.email.toUpperCase() }).expect(200);
    expect(byEmail.body.items.length).toBeGreaterThan(3);
    await send(t, `/org/members/${s.eveId}/erase`, s.tokens.owner, undefined);
    after = await everyView(t, s);
  }, 120_000);

  it('shows Eve in clear before, on every channel (so the checks below can fail)', () => {
    for (const [view, value] of Object.entries(before)) {
      if (['mspLog'].includes(view)) continue;
      expect([view, JSON.stringify(value).includes(EVE.name) || JSON.stringify(value).includes(EVE.email)]).toEqual([view, true]);
    }
  });

  it('shows her pseudonym wherever she was on every channel, and changes nothing else', () => {
    expect(JSON.stringify(after)).toContain(s.pseudonym);
    expect(withoutErasureLine(after)).toEqual(withPseudonym(withoutErasureLine(before), s.pseudonym));
    expect(JSON.stringify(after.business)).toContain('MemberPersonalDataErased');
  });

  it('no longer finds her by email', async () => {
    const byEmail = await t.query('/activity-log/business', s.tokens.owner, { memberEmail: EVE.email }).expect(200);
    expect(byEmail.body.items).toEqual([]);
    const bob = await t.query('/activity-log/business', s.tokens.owner, { memberEmail: 'bob@acme.example' }).expect(200);
    expect(bob.body.items.length).toBeGreaterThan(0);
  });

  it('shows the same after every view is rebuilt from the event store', async () => {
    await rebuildEveryView(t, deployment().projecting);
    expect(await everyView(t, s)).toEqual(after);
  }, 60_000);

  it('leaves no clear copy of her email, name, address or browser in any store', async () => {
    const dumped = await deployment().dump();
    // The dump is the real content: the organization's own data (an item's name) is there in clear.
    expect(Object.values(dumped).some((bytes) => bytes.includes(Buffer.from('Payroll')))).toBe(true);
    const found = Object.entries(dumped)
      .map(([name, bytes]) => [name, spellingsIn(bytes)] as const)
      .filter(([, spellings]) => spellings.length > 0);
    expect(found).toEqual([]);
  });

  it('refuses to erase twice, a current member, or for anyone but an owner', async () => {
    const again = await t.http().post(`/org/members/${s.eveId}/erase`).set('Authorization', `Bearer ${s.tokens.owner}`).send({});
    expect(again.status).toBe(409);
    const current = await t.http().post(`/org/members/${s.bobId}/erase`).set('Authorization', `Bearer ${s.tokens.owner}`).send({});
    expect(current.status).toBe(409);
    expect(current.body.message).toMatch(/remove/i);
    const admin = await t.http().post(`/org/members/${s.bobId}/erase`).set('Authorization', `Bearer ${s.tokens.ownerAdmin}`).send({});
    expect(admin.status).toBe(403);
    const unknown = await t.http().post(`/org/members/${uuidv7()}/erase`).set('Authorization', `Bearer ${s.tokens.owner}`).send({});
    expect(unknown.status).toBe(404);
  });
}

describe('Erasing a member (SQLite)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ MIN_POSITION_TIMEOUT_MS: '5000' });
  });
  afterAll(() => t?.close());

  describeErasure(() => ({
    t,
    // The key store may hold what it likes of Eve: nothing of her is there, and her key is gone.
    dump: async () => storeFiles(t.config.DATA_DIR),
  }));

  it('erases a former MSP member for the MSP owner only', async () => {
    const owner = await t.token(mspPrincipal('msp_owner', 'msp-x', { subject: 'xena', email: 'xena@msp-x.example', name: 'Xena' }));
    const admin = await t.token(mspPrincipal('msp_admin', 'msp-x', { subject: 'xavi', email: 'xavi@msp-x.example' }));
    const signUp = await t.token({ subject: 'sign-up-service', role: 'service', mspId: 'msp-x' });
    await send(t, '/msp', signUp, { name: 'MSP X', ownerMemberId: 'xena', ownerEmail: 'xena@msp-x.example', ownerName: 'Xena' });
    const invited = await send(t, '/msp/invitations', owner, { email: 'mo@msp-x.example', role: 'msp_admin', name: 'Mo Erasable' });
    await send(t, `/msp/invitations/${invited.id}/revoke`, owner, undefined);
    expect((await t.http().post(`/msp/members/${invited.id}/erase`).set('Authorization', `Bearer ${admin}`).send({})).status).toBe(403);
    await send(t, `/msp/members/${invited.id}/erase`, owner, undefined);
    expect((await t.events('msp-msp-x')).at(-1)).toMatchObject({ type: 'MspMemberPersonalDataErased', data: { memberId: invited.id } });
    const log = await t.query('/activity-log/msp', owner).expect(200);
    expect(JSON.stringify(log.body)).not.toContain('Mo Erasable');
    expect(JSON.stringify(log.body)).not.toContain('mo@msp-x.example');
    expect(JSON.stringify(log.body)).toContain('erased-member-');
    const orgOwner = await t.token(orgPrincipal('org_owner', 'org-none'));
    expect((await t.http().post(`/msp/members/${invited.id}/erase`).set('Authorization', `Bearer ${orgOwner}`).send({})).status).toBe(403);
  });
});

describeWithServer('MONGO_URL', 'Erasing a member (MongoDB, API and worker apart)', (url) => {
  const database = `e2e_erasure_${uuidv7().replace(/-/g, '')}`;
  const mongoUrl = `${url.replace(/\/[^/]*$/, '')}/${database}`;
  let t: TestApp;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    t = await startTestApp({ MONGO_URL: mongoUrl, MIN_POSITION_TIMEOUT_MS: '10000' });
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(t.config), { abortOnError: false, logger: false });
    await worker.init();
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    const client = await new MongoClient(mongoUrl).connect();
    await client.db().dropDatabase();
    await client.close();
  });

  describeErasure(() => ({
    t,
    projecting: worker,
    /** Every document of every collection of the test database, and the files the API keeps beside it. */
    dump: async () => {
      const client = await new MongoClient(mongoUrl).connect();
      try {
        const dumped: Record<string, Buffer> = storeFiles(t.config.DATA_DIR);
        for (const { name } of await client.db().listCollections().toArray()) {
          const docs = await client.db().collection(name).find({}).toArray();
          dumped[`mongo:${name}`] = Buffer.concat(docs.map((doc) => Buffer.from(BSON.serialize(doc))));
        }
        return dumped;
      } finally {
        await client.close();
      }
    },
  }));
});
