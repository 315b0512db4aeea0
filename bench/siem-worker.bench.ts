import { Logger } from '@nestjs/common';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { gzipSync } from 'node:zlib';
import { v7 as uuidv7 } from 'uuid';
import { NewEvent, RecordedEvent } from '@app/event-store';
import { IntegrationOwner, presentForIntegration } from '@app/projections';
import { DeliveryWorld, FAST_DELIVERY } from '@app/streams/siem/siem-delivery.testing';
import { LogsIngestionTestServer } from '@test/siem/logs-ingestion.test-server';
import { rawRequest } from '@test/siem/raw-request';
import { SplunkHecTestServer } from '@test/siem/splunk-hec.test-server';
import { Figure } from './bench-utils';
import { revealUnsealed } from '@app/privacy/testing/privacy.testing';

const MSP = 'msp-bench';
const OWNER: IntegrationOwner = { type: 'msp', mspId: MSP };

/**
 * Events/s through the whole delivery worker (catch-up subscription on the SQLite store → scope
 * and presentation → sink → test server), from a supervisor start to the last event received,
 * beside a raw loop that posts the bodies the worker would have sent, built beforehand, over one
 * keep-alive connection: the ceiling of the same HTTP posts without the worker. One world per sink,
 * seeded with the same kind of events; the servers run in this process.
 */
export async function siemWorkerFigures(events: number, batchSize: number, note: string): Promise<Figure[]> {
  Logger.overrideLogger(['error', 'warn']);
  const splunk = await splunkWorker(events, batchSize);
  const sentinel = await sentinelWorker(events, batchSize);
  return [
    { figure: 'siem push', variant: 'Splunk HEC, whole delivery worker (store → present → push)', value: splunk.worker, unit: 'events/s', note },
    { figure: 'siem push', variant: 'Splunk HEC, raw posts of the bodies the worker sends (ceiling)', value: splunk.raw, unit: 'events/s', note },
    { figure: 'siem push', variant: 'Sentinel, whole delivery worker (store → present → push)', value: sentinel.worker, unit: 'events/s', note },
    { figure: 'siem push', variant: 'Sentinel, raw posts of the gzip bodies the worker sends (ceiling)', value: sentinel.raw, unit: 'events/s', note },
  ];
}

async function splunkWorker(events: number, batchSize: number): Promise<{ worker: number; raw: number }> {
  const server = await SplunkHecTestServer.start();
  const world = new DeliveryWorld({ ...FAST_DELIVERY, batchSize, syncEventIntervalMs: 3_600_000 });
  try {
    await world.configure('IntegrationSetUp', {
      integrationId: uuidv7(), kind: 'splunk', name: 'Bench Splunk', mspId: MSP, settings: { url: server.url, index: 'main', host: 'bench' },
    }, { mspId: MSP }, server.validToken);
    const stored = await seed(world, events);
    const worker = await workerRate(world, events, () => countItemUses(server.events.map((e) => e.event)));
    const bodies = chunks(stored, batchSize).map((batch) => Buffer.from(batch.map(hecEvent).join('')));
    const agent = new HttpAgent({ keepAlive: true, maxSockets: 1 });
    const headers = { authorization: `Splunk ${server.validToken}`, 'content-type': 'application/json' };
    const raw = await rawRate(bodies, (body) => rawRequest(`${server.url}/services/collector/event`, { body, headers, agent }), events);
    agent.destroy();
    return { worker, raw };
  } finally {
    await world.close();
    await server.stop();
  }
}

async function sentinelWorker(events: number, batchSize: number): Promise<{ worker: number; raw: number }> {
  const server = await LogsIngestionTestServer.start();
  const world = new DeliveryWorld({ ...FAST_DELIVERY, batchSize, syncEventIntervalMs: 3_600_000 });
  try {
    await world.configure('IntegrationSetUp', {
      integrationId: uuidv7(), kind: 'microsoft_sentinel', name: 'Bench Sentinel', mspId: MSP,
      settings: {
        dataCollectionEndpoint: server.url, ruleId: server.ruleId, streamName: server.streams[0], tenantId: server.tenantId,
        clientId: server.clientId, authorityHost: server.url, caCertificate: server.certificate.cert,
      },
    }, { mspId: MSP }, server.secret);
    const stored = await seed(world, events);
    const worker = await workerRate(world, events, () => countItemUses(server.rowsOf()));
    const agent = new HttpsAgent({ keepAlive: true, maxSockets: 1, ca: server.certificate.cert });
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: server.clientId, client_secret: server.secret, scope: 'https://monitor.azure.com//.default' });
    const tokenAnswer = await rawRequest(`${server.url}/${server.tenantId}/oauth2/v2.0/token`, { body: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, agent });
    const headers = { authorization: `Bearer ${JSON.parse(tokenAnswer.body).access_token}`, 'content-type': 'application/json', 'content-encoding': 'gzip' };
    const url = `${server.url}/dataCollectionRules/${server.ruleId}/streams/${server.streams[0]}?api-version=2023-01-01`;
    const bodies = chunks(stored, batchSize).map((batch) => gzipSync(JSON.stringify(batch.map(sentinelRow))));
    const raw = await rawRate(bodies, (body) => rawRequest(url, { body, headers, agent }), events);
    agent.destroy();
    return { worker, raw };
  } finally {
    await world.close();
    await server.stop();
  }
}

/** Appends `count` organization events of the MSP (item uses in ten organizations), in batches; gives them back as stored. */
async function seed(world: DeliveryWorld, count: number): Promise<RecordedEvent[]> {
  const from = await world.store.headPosition();
  for (let start = 0; start < count; start += 500) {
    await Promise.all(Array.from({ length: Math.min(500, count - start) }, (_, k) => world.append(`vaultItem-${(start + k) % 200}`, [itemUse(start + k)])));
  }
  const stored: RecordedEvent[] = [];
  for (let page = await world.store.readAll({ fromPosition: from, limit: 5_000 }); page.length > 0; page = await world.store.readAll({ fromPosition: page[page.length - 1].position, limit: 5_000 })) {
    stored.push(...page);
  }
  return stored.filter((e) => e.type === 'ItemUsed');
}

function itemUse(n: number): NewEvent {
  return {
    type: 'ItemUsed',
    data: { itemId: `item-${n % 200}`, itemType: 'password', itemName: `Item ${n % 200}`, usage: 'copied', field: 'password' },
    metadata: {
      actor: { type: 'member', id: `m-${n % 50}`, email: `member${n % 50}@org.example`, name: `Member ${n % 50}`, role: 'org_member' },
      tenant: { mspId: MSP, orgId: `org-${n % 10}` },
      client: { ip: '203.0.113.7', userAgent: 'Mozilla/5.0 (bench)' },
    },
  };
}

/**
 * From the first batch received to the last, like the sinks' figures (whose first batch is untimed
 * too): what is left out is the start (reading the view, opening the secret, connections, a token).
 */
async function workerRate(world: DeliveryWorld, events: number, received: () => number): Promise<number> {
  world.supervisor.start();
  while (received() === 0) await new Promise((resolve) => setImmediate(resolve));
  const [started, first] = [performance.now(), received()];
  while (received() < events) await new Promise((resolve) => setImmediate(resolve));
  const rate = (events - first) / ((performance.now() - started) / 1000);
  await world.supervisor.stop();
  return rate;
}

async function rawRate(bodies: Buffer[], post: (body: Buffer) => Promise<{ status: number }>, events: number): Promise<number> {
  const started = performance.now();
  for (const body of bodies) {
    const { status } = await post(body);
    if (status !== 200 && status !== 204) throw new Error(`raw post answered ${status}`);
  }
  return events / ((performance.now() - started) / 1000);
}

const presented = (event: RecordedEvent) => ({ ...presentForIntegration(OWNER, event, revealUnsealed)!, eventId: event.id });
const hecEvent = (event: RecordedEvent) =>
  JSON.stringify({ time: Date.parse(event.occurredAt) / 1000, host: 'bench', source: 'activity-log', sourcetype: '_json', index: 'main', event: presented(event), fields: { eventId: event.id } });
const sentinelRow = (event: RecordedEvent) => ({ TimeGenerated: event.occurredAt, ...presented(event) });

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

function countItemUses(entries: unknown[]): number {
  return entries.filter((e) => (e as { eventType?: string }).eventType === 'ItemUsed').length;
}
