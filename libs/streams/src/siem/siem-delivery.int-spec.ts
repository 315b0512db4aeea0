import { v7 as uuidv7 } from 'uuid';
import { LogsIngestionTestServer } from '@test/siem/logs-ingestion.test-server';
import { SplunkHecTestServer } from '@test/siem/splunk-hec.test-server';
import { deliveryCheckpointName } from '@app/projections';
import { masterKeyRing, SealedSecrets } from '@app/secrets';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeliveryWorld, eventually, itemUsed, metadataOf } from './siem-delivery.testing';

const MSP = 'msp-a';
const ORG_1 = { mspId: MSP, orgId: 'org-1' };
const ORG_2 = { mspId: MSP, orgId: 'org-2' };
const FOREIGN = { mspId: 'msp-b', orgId: 'org-9' };

describe('SIEM delivery (supervisor and workers on real stores and protocol test servers)', () => {
  let world: DeliveryWorld;
  let hec: SplunkHecTestServer;
  beforeEach(async () => {
    world = new DeliveryWorld();
    hec = await SplunkHecTestServer.start({ https: true });
  });
  afterEach(async () => {
    await world.close();
    await hec.stop();
  });

  const splunk = (integrationId = uuidv7()) => ({
    integrationId, kind: 'splunk', name: 'SOC Splunk', mspId: MSP,
    settings: { url: hec.url, index: 'main', sourcetype: 'activity:entry', caCertificate: hec.certificate!.cert },
  });
  const setUpSplunk = async (token = hec.validToken) => {
    const data = splunk();
    await world.configure('IntegrationSetUp', data, { mspId: MSP }, token);
    return data;
  };
  /** What arrived, without the sync records the worker itself adds to the MSP's log (they are pushed too). */
  const received = () => hec.events.map((e) => e.event as Record<string, unknown>).filter((e) => e.eventType !== 'IntegrationSyncSucceeded' && e.eventType !== 'IntegrationSyncFailed');
  const receivedIds = () => received().map((e) => e.eventId);
  const statusOf = async (id: string) => (await world.integrations.deliveries([id]))[0];
  const start = async () => {
    world.supervisor.start();
    await world.supervisor.sweep();
  };

  it('sends the MSP’s events after the set-up, as the MSP sees them, in order, and nothing of another MSP', async () => {
    await world.append('before', [itemUsed(0, ORG_1)]);
    const { integrationId } = await setUpSplunk();
    await start();
    const ids: string[] = [];
    for (let i = 1; i <= 30; i += 1) {
      const tenant = i % 3 === 0 ? FOREIGN : i % 2 ? ORG_1 : ORG_2;
      const event = { ...itemUsed(i, tenant), id: uuidv7() };
      await world.append(`vaultItem-${i}`, [event]);
      if (tenant !== FOREIGN) ids.push(event.id);
    }
    await eventually(() => received().length >= ids.length, 'every event arrived');
    expect(receivedIds()).toEqual(ids);
    expect(hec.events[0]).toMatchObject({ index: 'main', sourcetype: 'activity:entry', source: 'activity-log', fields: { eventId: ids[0] } });
    expect(received()[0]).toMatchObject({ eventType: 'ItemUsed', organizationId: 'org-1', item: { id: 'item-1', type: null, name: null }, summary: 'Ann Archer copied an item' });
    expect(JSON.stringify(hec.events)).not.toMatch(/Secret item|org-9|msp-b/);
    await eventually(async () => (await statusOf(integrationId))?.eventsSent >= ids.length && (await statusOf(integrationId)).state === 'idle', 'the status caught up');
    const status = await statusOf(integrationId);
    expect(status).toMatchObject({ state: 'idle', lastError: null, lastSuccessAt: expect.any(String) });
    expect(status.bytesSent).toBeGreaterThan(ids.length * 100);
    await eventually(async () => (await world.checkpoints.get(deliveryCheckpointName(integrationId))) === (await world.store.headPosition()), 'the checkpoint reached the head (its own sync record included)');
  });

  it('retries a SIEM that is busy, throttles or is down, losing nothing and keeping the order, then says it recovered', async () => {
    const { integrationId } = await setUpSplunk();
    await start();
    hec.busyNext(2);
    hec.failNext(1, { kind: 'status', status: 429, retryAfter: '0' });
    const ids: string[] = [];
    const write = async (n: number) => {
      const event = { ...itemUsed(n, ORG_1), id: uuidv7() };
      ids.push(event.id);
      await world.append(`vaultItem-${n}`, [event]);
    };
    for (let i = 0; i < 10; i += 1) await write(i);
    await eventually(() => received().length >= 10, 'the first events arrived after the faults');
    await hec.goDown();
    for (let i = 10; i < 20; i += 1) await write(i);
    await eventually(async () => (await statusOf(integrationId))?.state === 'retrying', 'the status says retrying');
    expect((await statusOf(integrationId)).lastError?.message).toMatch(/could not reach https:\/\/127\.0\.0\.1:\d+ \((ECONNREFUSED|ECONNRESET)\)/);
    await hec.comeBack();
    await eventually(() => received().length >= 20, 'the backlog arrived');
    expect([...new Set(receivedIds())]).toEqual(ids);
    await eventually(async () => (await statusOf(integrationId)).state === 'idle', 'idle again');
  });

  it('parks on a token Splunk refuses, saying why, and an edit with a new secret lifts it and sends the backlog', async () => {
    const data = await setUpSplunk('00000000-0000-4000-8000-000000000000');
    await start();
    await world.append('vaultItem-1', [itemUsed(1, ORG_1)]);
    await eventually(async () => (await statusOf(data.integrationId))?.state === 'parked', 'parked');
    expect((await statusOf(data.integrationId)).lastError?.message).toBe('Splunk refused the token (HEC code 4: Invalid token)');
    expect(world.supervisor.runningIds()).toEqual([]);
    const { integrationId, kind, name } = data;
    await world.configure('IntegrationEdited', { integrationId, kind, name, changes: [{ field: 'secret', previousValue: '0000', newValue: hec.validToken.slice(-4) }] }, { mspId: MSP }, hec.validToken);
    await eventually(() => received().some((e) => e.eventType === 'ItemUsed'), 'the backlog arrived');
    await eventually(async () => (await statusOf(integrationId)).state === 'idle', 'idle');
    expect((await statusOf(integrationId)).lastError?.message).toMatch(/HEC code 4/);
  });

  it('parks, saying what to do, when the secret was sealed under a master key it does not have', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'other-key-'));
    const data = splunk();
    const version = uuidv7();
    await new SealedSecrets(world.secretStore, masterKeyRing({ DATA_DIR: elsewhere, embedded: true }).ring).seal(data.integrationId, version, hec.validToken);
    rmSync(elsewhere, { recursive: true, force: true });
    await world.configure('IntegrationSetUp', { ...data, secretVersion: version }, { mspId: MSP });
    await start();
    await eventually(async () => (await statusOf(data.integrationId))?.state === 'parked', 'parked');
    expect((await statusOf(data.integrationId)).lastError?.message).toMatch(/sealed under master key [0-9a-f]{16}, which is not configured: add it to SECRETS_MASTER_KEY_PREVIOUS/);
    expect(world.supervisor.runningIds()).toEqual([]);
  });

  it('stops for good at its own disconnection: what came before is sent, nothing after, and its secrets are deleted', async () => {
    const data = await setUpSplunk();
    await start();
    const before = { ...itemUsed(1, ORG_1), id: uuidv7() };
    await world.append('vaultItem-1', [before]);
    await eventually(() => received().length === 1, 'the first event arrived');
    await hec.goDown();
    const queued = { ...itemUsed(2, ORG_1), id: uuidv7() };
    await world.append('vaultItem-2', [queued]);
    const { integrationId, kind, name } = data;
    await hec.comeBack();
    await world.configure('IntegrationDisconnected', { integrationId, kind, name }, { mspId: MSP });
    await world.append('vaultItem-3', [itemUsed(3, ORG_1)]);
    await eventually(async () => (await world.secretStore.versions(integrationId)).length === 0, 'the secrets are deleted');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(world.supervisor.runningIds()).toEqual([]);
    expect(receivedIds().filter((id) => id !== before.id && id !== queued.id)).toEqual([]);
    expect(received().some((e) => e.eventType === 'IntegrationDisconnected')).toBe(false);
  });

  it('resumes from its checkpoint after a restart: nothing lost, nothing sent twice', async () => {
    const { integrationId } = await setUpSplunk();
    await start();
    for (let i = 0; i < 20; i += 1) await world.append(`vaultItem-${i}`, [itemUsed(i, ORG_1)]);
    await eventually(() => received().length === 20, 'the first events arrived');
    await world.supervisor.stop();
    for (let i = 20; i < 40; i += 1) await world.append(`vaultItem-${i}`, [itemUsed(i, ORG_2)]);
    world.supervisor = world.newSupervisor();
    await start();
    await eventually(() => received().length >= 40, 'the rest arrived');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(new Set(receivedIds()).size).toBe(40);
    expect(received()).toHaveLength(40);
    expect((await statusOf(integrationId)).eventsSent).toBe(hec.events.length);
  });

  it('records its syncs as the delivery service, on a change of outcome and at most once per interval, never per batch', async () => {
    const { integrationId } = await setUpSplunk();
    await start();
    for (let i = 0; i < 200; i += 1) await world.append(`vaultItem-${i}`, [itemUsed(i, ORG_1)]);
    hec.busyNext(3);
    for (let i = 200; i < 400; i += 1) await world.append(`vaultItem-${i}`, [itemUsed(i, ORG_1)]);
    await eventually(() => received().length === 400, 'all arrived');
    const syncs = (await world.store.readStream(`integration-${integrationId}`)).slice(1);
    expect(syncs.length).toBeGreaterThanOrEqual(1);
    expect(syncs.length).toBeLessThanOrEqual(4);
    expect(syncs[0]).toMatchObject({
      type: 'IntegrationSyncSucceeded',
      metadata: { actor: { type: 'service', id: 'siem-delivery', role: 'service' }, tenant: { mspId: MSP } },
    });
  });

  it('delivers an organization’s own integration to Sentinel: its business log only, as its owners see it', async () => {
    const logs = await LogsIngestionTestServer.start();
    try {
      const integrationId = uuidv7();
      await world.configure('SiemIntegrationSetUp', {
        integrationId, kind: 'microsoft_sentinel', name: 'Org Sentinel', orgId: 'org-1',
        settings: {
          dataCollectionEndpoint: logs.url, ruleId: logs.ruleId, streamName: logs.streams[0], tenantId: logs.tenantId, clientId: logs.clientId,
          authorityHost: logs.url, caCertificate: logs.certificate.cert,
        },
      }, ORG_1, logs.secret);
      await start();
      await world.append('vaultItem-1', [itemUsed(1, ORG_1)]);
      await world.append('vaultItem-2', [itemUsed(2, ORG_2)]);
      await world.append('organization-org-1', [{ type: 'OrganizationRenamed', data: { organizationId: 'org-1', previousName: 'A', newName: 'B' }, metadata: metadataOf(ORG_1) }]);
      await world.append('vaultItem-3', [itemUsed(3, ORG_1)]);
      await eventually(() => logs.rowsOf().filter((r) => r.eventType === 'ItemUsed').length >= 2, 'rows arrived');
      await new Promise((resolve) => setTimeout(resolve, 200));
      const rows = logs.rowsOf().filter((r) => r.eventType !== 'SiemIntegrationSyncSucceeded');
      expect(rows.map((r) => [r.eventType, (r.item as { name: string }).name])).toEqual([['ItemUsed', 'Secret item 1'], ['ItemUsed', 'Secret item 3']]);
      expect(logs.rowsOf()[0]).toMatchObject({ TimeGenerated: expect.any(String), eventId: expect.any(String), organizationId: 'org-1' });
    } finally {
      await logs.stop();
    }
  });
});
