import Database from 'better-sqlite3';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { SealedSecrets } from '@app/secrets';
import { CLIENT_IP, mspPrincipal, orgPrincipal, servicePrincipal } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';

const HEC_TOKEN = '7d1e4c2a-5b3f-4e8d-9a61-0c2b4d6e8f10';
const ROTATED = '9b8a7c6d-1111-4e2f-8a3b-5c6d7e8f1234';
const splunk = { kind: 'splunk', name: 'SOC Splunk', settings: { url: 'https://splunk.acme.example:8088', index: 'audit' }, secret: HEC_TOKEN };

/** An organization's own SIEM integration, over HTTP: its commands, events, and the sealed secret. */
describe('Organization SIEM integrations over HTTP', () => {
  let t: TestApp;
  let orgId: string;
  let owner: string;
  let admin: string;
  let service: string;
  let otherOwner: string;

  beforeAll(async () => {
    t = await startTestApp({ SIEM_DELIVERY_IN_API: 'true' });
    const mspAdmin = await t.token(mspPrincipal('msp_admin', 'msp-a'));
    orgId = (await post('/organizations', mspAdmin, { name: 'Acme' }).expect(201)).body.id;
    owner = await t.token(orgPrincipal('org_owner', orgId, { subject: 'olga', name: 'Olga Owner' }));
    admin = await t.token(orgPrincipal('org_admin', orgId));
    service = await t.token(servicePrincipal({ orgId }, 'siem-delivery'));
    otherOwner = await t.token(orgPrincipal('org_owner', 'org-elsewhere'));
  });
  afterAll(() => t.close());

  function post(path: string, token?: string, body: object = {}) {
    const req = t.http().post(path).set('X-Forwarded-For', CLIENT_IP);
    return (token ? req.set('Authorization', `Bearer ${token}`) : req).send(body);
  }
  const stream = (id: string) => t.events(`siemIntegration-${id}`);

  it('sets up with the organization and its MSP as tenant, keeping the secret sealed and out of the event', async () => {
    const res = await post('/org/integrations/siem', owner, splunk).expect(201);
    expect(JSON.stringify(res.body)).not.toContain(HEC_TOKEN.slice(0, 13));
    const [event] = await stream(res.body.id);
    const { secret: _, ...withoutSecret } = splunk;
    expect(event).toMatchObject({
      type: 'SiemIntegrationSetUp',
      data: { integrationId: res.body.id, orgId, ...withoutSecret, secretLast4: '8f10', secretVersion: expect.any(String) },
      metadata: { actor: { id: 'olga', role: 'org_owner' }, tenant: { mspId: 'msp-a', orgId }, client: { ip: CLIENT_IP } },
    });
    expect(JSON.stringify([event.data, event.metadata])).not.toContain(HEC_TOKEN.slice(0, 13));

    const file = new Database(join(t.config.DATA_DIR, 'secrets.sqlite'), { readonly: true });
    const rows = file.prepare('SELECT * FROM secrets').all() as { owner_id: string; version: string; sealed: string }[];
    file.close();
    expect(rows).toEqual([{ owner_id: res.body.id, version: event.data.secretVersion, sealed: expect.stringMatching(/^k1\./), created_at: expect.any(String) }]);
    expect(rows[0].sealed).not.toContain(HEC_TOKEN.slice(0, 13));
    expect(await t.app.get(SealedSecrets).open(res.body.id, event.data.secretVersion as string)).toBe(HEC_TOKEN);
  });

  it('rotates the secret by an edit: a new version, fingerprints in the event', async () => {
    const id = (await post('/org/integrations/siem', owner, splunk).expect(201)).body.id;
    await post(`/org/integrations/siem/${id}/edit`, owner, { secret: ROTATED, settings: { index: 'soc' } }).expect(200);
    const [setUp, edited] = await stream(id);
    expect(edited).toMatchObject({
      type: 'SiemIntegrationEdited',
      data: {
        changes: [{ field: 'settings.index', previousValue: 'audit', newValue: 'soc' }, { field: 'secret', previousValue: '8f10', newValue: '1234' }],
        secretVersion: expect.any(String),
      },
    });
    expect(edited.data.secretVersion).not.toBe(setUp.data.secretVersion);
    expect(await t.app.get(SealedSecrets).open(id, edited.data.secretVersion as string)).toBe(ROTATED);
  });

  it('derives the secret version from an Idempotency-Key: a retried set-up stores no second copy', async () => {
    const send = () => t.http().post('/org/integrations/siem').set('Authorization', `Bearer ${owner}`).set('Idempotency-Key', 'siem-setup-1').send(splunk);
    const first = await send().expect(201);
    const again = await send().expect(201);
    expect(again.body.id).toBe(first.body.id);
    const file = new Database(join(t.config.DATA_DIR, 'secrets.sqlite'), { readonly: true });
    const rows = file.prepare('SELECT version FROM secrets WHERE owner_id = ?').all(first.body.id);
    file.close();
    const [event] = await stream(first.body.id);
    expect(rows).toEqual([{ version: event.data.secretVersion }]);
  });

  it('answers 400 for bad input and stores no secret for it', async () => {
    const before = await t.store.headPosition();
    expect((await post('/org/integrations/siem', owner, { ...splunk, kind: 'psa' }).expect(400)).body.fields.kind).toBeDefined();
    expect((await post('/org/integrations/siem', owner, { ...splunk, secret: 'nope-nope' }).expect(400)).body.fields).toEqual({ secret: ['secret must be a Splunk HEC token (a GUID)'] });
    expect((await post('/org/integrations/siem', owner, { ...splunk, settings: { url: 'https://x.example' } }).expect(400)).body.fields).toEqual({ 'settings.index': ['index is required for a splunk integration'] });
    const { secret: _, ...withoutSecret } = splunk;
    await post('/org/integrations/siem', owner, withoutSecret).expect(400);
    expect(await t.store.headPosition()).toBe(before);
  });

  it('is for the organization’s owners only; another organization gets 404', async () => {
    await post('/org/integrations/siem', admin, splunk).expect(403);
    await post('/org/integrations/siem', await t.token(mspPrincipal('msp_owner', 'msp-a')), splunk).expect(403);
    const id = (await post('/org/integrations/siem', owner, splunk).expect(201)).body.id;
    await post(`/org/integrations/siem/${id}/edit`, otherOwner, { name: 'X', secret: ROTATED }).expect(404);
    await post(`/org/integrations/siem/${id}/disconnect`, otherOwner).expect(404);
    await post(`/org/integrations/siem/${uuidv7()}/disconnect`, owner).expect(404);
    expect(await stream(id)).toHaveLength(1);
  });

  it('records syncs by the delivery service, and refuses everything once disconnected', async () => {
    const id = (await post('/org/integrations/siem', owner, splunk).expect(201)).body.id;
    await post(`/org/integrations/siem/${id}/sync-succeeded`, service, { eventsSent: 40 }).expect(200);
    await post(`/org/integrations/siem/${id}/sync-failed`, service, { error: 'Splunk is busy' }).expect(200);
    await post(`/org/integrations/siem/${id}/sync-failed`, owner, { error: 'forged' }).expect(403);
    await post(`/org/integrations/siem/${id}/disconnect`, owner, { reason: 'moved to Sentinel' }).expect(200);
    await post(`/org/integrations/siem/${id}/edit`, owner, { name: 'X' }).expect(409);
    await post(`/org/integrations/siem/${id}/sync-succeeded`, service, { eventsSent: 1 }).expect(409);
    expect((await stream(id)).map((e) => [e.type, e.data.eventsSent ?? e.data.error ?? e.data.reason ?? null])).toEqual([
      ['SiemIntegrationSetUp', null],
      ['SiemIntegrationSyncSucceeded', 40],
      ['SiemIntegrationSyncFailed', 'Splunk is busy'],
      ['SiemIntegrationDisconnected', 'moved to Sentinel'],
    ]);
  });

  it('reads in the organization’s Business Activity Log', async () => {
    const id = (await post('/org/integrations/siem', owner, splunk).expect(201)).body.id;
    t.lastPosition = (await post(`/org/integrations/siem/${id}/disconnect`, owner).expect(200)).body.position;
    const res = await t.query('/activity-log/business', owner, { category: 'Policies and Integrations' }).expect(200);
    const mine = res.body.items.filter((e: { target: { id: string } }) => e.target.id === id);
    expect(mine.map((e: { summary: string }) => e.summary)).toEqual([
      "Olga Owner disconnected Splunk integration 'SOC Splunk'",
      "Olga Owner set up Splunk integration 'SOC Splunk'",
    ]);
  });
});
