import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LogsIngestionTestServer } from './siem/logs-ingestion.test-server';
import { SplunkHecTestServer } from './siem/splunk-hec.test-server';
import { CLIENT_IP, mspPrincipal, orgPrincipal } from './support/principals';
import { eventually, FAST_SIEM_SETTINGS } from './support/siem';
import { startTestApp, TestApp } from './support/test-app';

type Entry = Record<string, unknown> & { eventId: string; eventType: string };

/**
 * Issue 12, done when: Splunk and Sentinel integrations set up over HTTP receive the commands of two
 * supervised organizations as the MSP sees them, nothing of another MSP; a disconnected integration
 * sends nothing more; a parked one says why; secrets appear in no answer, event or file in clear.
 */
describe('Pushing to SIEMs, end to end over HTTP', () => {
  let t: TestApp;
  let hec: SplunkHecTestServer;
  let logs: LogsIngestionTestServer;
  let mspOwner: string;
  let mspAdmin: string;
  let otherMspOwner: string;
  const orgs: { id: string; member: string; owner: string }[] = [];
  let foreignOrg: { id: string; member: string };
  let splunkId: string;
  let sentinelId: string;

  const post = async (path: string, token: string, body: object = {}, status = 200) => {
    const res = await t.http().post(path).set('Authorization', `Bearer ${token}`).set('X-Forwarded-For', CLIENT_IP).set('User-Agent', 'e2e-panel').send(body);
    if (res.status !== status) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    t.lastPosition = res.body.position ?? t.lastPosition;
    return res.body;
  };
  const get = (path: string, token: string, query: Record<string, string> = {}) => t.query(path, token, query);
  const splunkEntries = (index = 'main') => hec.events.filter((e) => e.index === index).map((e) => e.event as Entry);
  const sentinelRows = () => logs.rowsOf() as Entry[];
  const statusOf = async (id: string, token = mspOwner) => (await get(`/integrations/${id}/status`, token).expect(200)).body;

  beforeAll(async () => {
    hec = await SplunkHecTestServer.start({ https: true });
    logs = await LogsIngestionTestServer.start();
    t = await startTestApp(FAST_SIEM_SETTINGS);
    mspOwner = await t.token(mspPrincipal('msp_owner', 'msp-a', { subject: 'mo', name: 'Mia Owner' }));
    mspAdmin = await t.token(mspPrincipal('msp_admin', 'msp-a'));
    otherMspOwner = await t.token(mspPrincipal('msp_owner', 'msp-b'));
    for (const name of ['Acme', 'Globex']) {
      const id = (await post('/organizations', mspOwner, { name }, 201)).id;
      orgs.push({
        id,
        member: await t.token(orgPrincipal('org_member', id, { subject: `${name}-member`, name: `${name} Member` })),
        owner: await t.token(orgPrincipal('org_owner', id, { subject: `${name}-owner`, name: `${name} Owner` })),
      });
    }
    const foreignId = (await post('/organizations', otherMspOwner, { name: 'Initech' }, 201)).id;
    foreignOrg = { id: foreignId, member: await t.token(orgPrincipal('org_member', foreignId, { subject: 'initech-member' })) };

    splunkId = (await post('/integrations', mspAdmin, {
      kind: 'splunk', name: 'SOC Splunk', secret: hec.validToken,
      settings: { url: hec.url, index: 'main', sourcetype: 'activity:entry', caCertificate: hec.certificate!.cert },
    }, 201)).id;
    sentinelId = (await post('/integrations', mspAdmin, {
      kind: 'microsoft_sentinel', name: 'SOC Sentinel', secret: logs.secret,
      settings: {
        dataCollectionEndpoint: logs.url, ruleId: logs.ruleId, streamName: logs.streams[0], tenantId: logs.tenantId, clientId: logs.clientId,
        authorityHost: logs.url, caCertificate: logs.certificate.cert,
      },
    }, 201)).id;
  });
  afterAll(async () => {
    await t.close();
    await hec.stop();
    await logs.stop();
  });

  /** Commands in an organization; the event ids they wrote. */
  async function activity(org: { member: string; id: string }, n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i += 1) {
      const created = await post('/vault/items', org.member, { itemType: 'password', itemName: `Payroll bank ${i}` }, 201);
      const used = await post(`/vault/items/${created.id}/use`, org.member, { usage: 'copied', field: 'password' });
      ids.push(...created.eventIds, ...used.eventIds);
    }
    return ids;
  }

  it('delivers the commands of two supervised organizations to both SIEMs, as the MSP sees them, and nothing of another MSP', async () => {
    const ours = [...(await activity(orgs[0], 3)), ...(await activity(orgs[1], 3))];
    ours.push(...(await post(`/organizations/${orgs[0].id}/rename`, mspOwner, { name: 'Acme Ltd' })).eventIds);
    const theirs = await activity(foreignOrg, 2);
    const has = (entries: Entry[]) => ours.every((id) => entries.some((e) => e.eventId === id));
    await eventually(() => has(splunkEntries()) && has(sentinelRows()), 'both SIEMs received every event');

    const feeds = new Map<string, Entry>();
    for (const org of orgs) {
      for (const entry of (await get(`/organizations/${org.id}/feed`, mspOwner, { limit: '100' }).expect(200)).body.items) feeds.set(entry.id, entry);
    }
    for (const id of ours) {
      const { eventId, ...pushed } = splunkEntries().find((e) => e.eventId === id)!;
      expect({ eventId, ...pushed }).toEqual({ ...feeds.get(id), eventId: id });
      const { TimeGenerated, ...row } = sentinelRows().find((e) => e.eventId === id)!;
      expect(TimeGenerated).toBe(feeds.get(id)!.occurredAt);
      expect(row).toEqual({ ...feeds.get(id), eventId: id });
    }
    const anItemUse = splunkEntries().find((e) => e.eventId === ours[1])!;
    expect(anItemUse).toMatchObject({ eventType: 'ItemUsed', organizationId: orgs[0].id, item: { type: null, name: null }, summary: 'Acme Member copied an item' });
    const everything = JSON.stringify([hec.events, logs.rowsOf()]);
    expect(everything).not.toMatch(/Payroll bank/);
    for (const id of [...theirs, foreignOrg.id]) expect(everything).not.toContain(id);
    expect(everything).not.toContain('msp-b');
    expect(hec.events.find((e) => (e.event as Entry).eventId === ours[0])).toMatchObject({
      index: 'main', sourcetype: 'activity:entry', source: 'activity-log', fields: { eventId: ours[0] }, time: expect.any(Number),
    });
  });

  it('shows each integration’s status to its MSP’s owners and admins: caught up, with what it sent', async () => {
    await eventually(async () => (await statusOf(splunkId)).eventsBehind === 0 && (await statusOf(sentinelId)).eventsBehind === 0, 'both caught up');
    const splunk = await statusOf(splunkId, mspAdmin);
    expect(splunk).toMatchObject({
      integrationId: splunkId, kind: 'splunk', name: 'SOC Splunk', state: 'idle', lastSuccessAt: expect.any(String), lastError: null,
      eventsBehind: 0, eventsBehindIsLowerBound: false, checkpoint: expect.stringMatching(/^\d+$/),
    });
    expect(splunk.eventsSent).toBeGreaterThanOrEqual(13);
    expect(splunk.bytesSent).toBeGreaterThan(splunk.eventsSent * 200);
    const list = (await get('/integrations/status', mspOwner).expect(200)).body.items;
    expect(list.map((s: { integrationId: string }) => s.integrationId)).toEqual([splunkId, sentinelId]);
    expect(JSON.stringify([splunk, list])).not.toContain(hec.validToken.slice(0, 13));
    expect(JSON.stringify(list)).not.toContain(logs.secret.slice(0, 12));
  });

  it('lets no other tenant or role read a status', async () => {
    await get(`/integrations/${splunkId}/status`, otherMspOwner).expect(404);
    await get(`/integrations/${splunkId}/status`, orgs[0].owner).expect(404);
    await get(`/integrations/${splunkId}/status`, await t.token(mspPrincipal('msp_member', 'msp-a'))).expect(403);
    await get(`/integrations/${splunkId}/status`, await t.token(orgPrincipal('org_admin', orgs[0].id))).expect(403);
    expect((await get('/integrations/status', otherMspOwner).expect(200)).body.items).toEqual([]);
    await get('/integrations/not-a-uuid/status', mspOwner).expect(400);
    await get(`/integrations/${splunkId}/status`, mspOwner, { unknown: 'x' }).expect(400);
  });

  it('parks an integration whose token Splunk refuses, and its status says why', async () => {
    const parkedId = (await post('/integrations', mspAdmin, {
      kind: 'splunk', name: 'Wrong token', secret: '00000000-1111-4222-8333-444444444444',
      settings: { url: hec.url, index: 'wrong', caCertificate: hec.certificate!.cert },
    }, 201)).id;
    await activity(orgs[0], 1);
    await eventually(async () => (await statusOf(parkedId)).state === 'parked', 'parked');
    const status = await statusOf(parkedId);
    expect(status.lastError).toEqual({ message: 'Splunk refused the token (HEC code 4: Invalid token)', at: expect.any(String) });
    expect(status.eventsBehind).toBeGreaterThan(0);
    expect(splunkEntries('wrong')).toEqual([]);
    await eventually(async () => (await t.events(`integration-${parkedId}`)).some((e) => e.type === 'IntegrationSyncFailed'), 'the failure is recorded');
    const failed = (await t.events(`integration-${parkedId}`)).find((e) => e.type === 'IntegrationSyncFailed')!;
    expect(failed).toMatchObject({ data: { error: 'Splunk refused the token (HEC code 4: Invalid token)' }, metadata: { actor: { type: 'service', id: 'siem-delivery' }, tenant: { mspId: 'msp-a' } } });

    const metrics = (await t.http().get('/metrics').expect(200)).text;
    expect(metrics).toContain(`siem_delivery_state{integration="${parkedId}",sink="splunk",state="parked"} 1`);
    expect(metrics).toMatch(new RegExp(`siem_delivery_lag_events\\{integration="${parkedId}",sink="splunk"\\} [1-9]`));
    expect(metrics).toContain(`siem_delivery_state{integration="${sentinelId}",sink="microsoft_sentinel",state=`);
    // Deliveries join the checkpoint-lag series as the delivery gauges find them: from the next scrape on.
    const next = (await t.http().get('/metrics').expect(200)).text;
    expect(next).toMatch(new RegExp(`subscription_lag_events\\{subscriber="siem-delivery:${sentinelId}",kind="siem"\\} \\d+`));

    await post(`/integrations/${parkedId}/edit`, mspAdmin, { secret: hec.validToken });
    await eventually(async () => (await statusOf(parkedId)).state === 'idle' && splunkEntries('wrong').length > 0, 'delivering with the rotated token');
  });

  it('sends nothing more once an integration is disconnected, and says so', async () => {
    const before = splunkEntries().length;
    await post(`/integrations/${splunkId}/disconnect`, mspOwner, { reason: 'moving to Sentinel only' });
    const after = await activity(orgs[1], 2);
    await eventually(() => after.every((id) => sentinelRows().some((r) => r.eventId === id)), 'Sentinel received the later commands');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(splunkEntries().slice(before).filter((e) => after.includes(e.eventId) || e.eventType === 'IntegrationDisconnected')).toEqual([]);
    expect(await statusOf(splunkId)).toMatchObject({ state: 'disconnected', eventsBehind: 0 });
  });

  it('keeps the secrets out of every answer, event and stored file in clear', async () => {
    const dataDir = t.config.DATA_DIR;
    for (const file of ['events.sqlite', 'read-models.sqlite', 'secrets.sqlite', 'idempotency.sqlite']) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(join(dataDir, file));
      } catch {
        continue;
      }
      const wal = (() => { try { return readFileSync(join(dataDir, `${file}-wal`)); } catch { return Buffer.alloc(0); } })();
      for (const secret of [hec.validToken, logs.secret]) {
        expect([file, Buffer.concat([bytes, wal]).includes(secret)]).toEqual([file, false]);
      }
    }
    const [setUp] = await t.events(`integration-${sentinelId}`);
    expect(setUp.data).toMatchObject({ secretLast4: logs.secret.slice(-4), secretVersion: expect.any(String) });
  });

  it('delivers an organization’s own integration its Business Activity Log, as its owners see it', async () => {
    const org = orgs[0];
    const orgIntegration = (await post('/org/integrations/siem', org.owner, {
      kind: 'splunk', name: 'Acme Splunk', secret: hec.validToken,
      settings: { url: hec.url, index: 'acme', caCertificate: hec.certificate!.cert },
    }, 201)).id;
    const ids = await activity(org, 1);
    const renamed = (await post(`/organizations/${org.id}/rename`, mspOwner, { name: 'Acme Group' })).eventIds[0];
    const otherOrg = await activity(orgs[1], 1);
    await eventually(() => ids.every((id) => splunkEntries('acme').some((e) => e.eventId === id)), 'the organization’s events arrived');
    const used = splunkEntries('acme').find((e) => e.eventId === ids[1])!;
    expect(used).toMatchObject({ item: { type: 'password', name: 'Payroll bank 0' }, summary: "Acme Member copied password 'Payroll bank 0' (field 'password')" });
    const received = splunkEntries('acme').map((e) => e.eventId);
    expect(received).not.toContain(renamed);
    for (const id of otherOrg) expect(received).not.toContain(id);
    await eventually(async () => (await statusOf(orgIntegration, org.owner)).state === 'idle', 'the organization sees its status');
    await get(`/integrations/${orgIntegration}/status`, mspOwner).expect(404);
    await get(`/integrations/${orgIntegration}/status`, orgs[1].owner).expect(404);
  });
});
