import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { gzipSync } from 'node:zlib';
import { SentinelSink, SiemRecord, SiemSink, SplunkHecSink } from '@app/siem';
import { LogsIngestionTestServer } from '@test/siem/logs-ingestion.test-server';
import { rawRequest } from '@test/siem/raw-request';
import { SplunkHecTestServer } from '@test/siem/splunk-hec.test-server';
import { envInt, Figure } from './bench-utils';
import { siemWorkerFigures } from './siem-worker.bench';

/**
 * Events/s pushed through each SIEM sink to its protocol test server on loopback, beside a raw
 * loop of the same HTTP posts, one at a time over one keep-alive connection: with the bodies
 * built (and gzipped) before the clock starts — the ceiling — and built inside the loop, which
 * shows how much of the gap is serialization rather than the client. The servers run in this
 * process, so every variant pays for them alike.
 */
export async function siemBench(): Promise<Figure[]> {
  const events = envInt('BENCH_SIEM_EVENTS', 20_000);
  const batchSize = envInt('BENCH_SIEM_BATCH', 500);
  const rounds = envInt('BENCH_SIEM_ROUNDS', 3);
  const records = benchRecords(events);
  const note = `${events} events, ${batchSize} per send, median of ${rounds} rounds`;
  const runs: Figure[][] = [];
  for (let round = 0; round < rounds; round += 1) {
    runs.push([
      ...(await splunkFigures(records, batchSize, note)),
      ...(await sentinelFigures(records, batchSize, note)),
      ...(await siemWorkerFigures(events, batchSize, note)),
    ]);
  }
  return runs[0].map((figure, i) => ({ ...figure, value: median(runs.map((run) => run[i].value)) }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function splunkFigures(records: SiemRecord[], batchSize: number, note: string): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const ack of [false, true]) {
    const server = await SplunkHecTestServer.start({ ack });
    const sink = new SplunkHecSink({ url: server.url, token: server.validToken, host: 'bench', ...(ack ? { ack: { pollIntervalMs: 2 } } : {}) });
    const rate = await sinkRate(sink, records, batchSize);
    check(server.events.length, records.length + batchSize, 'Splunk HEC');
    figures.push({ figure: 'siem push', variant: `Splunk HEC sink${ack ? ', indexer acknowledgement' : ''}`, value: rate, unit: 'events/s', note });
    await sink.close();
    await server.stop();
  }
  const server = await SplunkHecTestServer.start();
  const bodies = splunkBodies(records, batchSize);
  const agent = new HttpAgent({ keepAlive: true, maxSockets: 1 });
  const headers = { authorization: `Splunk ${server.validToken}`, 'content-type': 'application/json' };
  const post = (body: Buffer) => rawRequest(`${server.url}/services/collector/event`, { body, headers, agent });
  const rate = await rawRate(bodies.length, (i) => bodies[i], post, records.length);
  const built = await rawRate(bodies.length, (i) => splunkBodies(records.slice(i * batchSize, (i + 1) * batchSize), batchSize)[0], post, records.length);
  check(server.events.length, 2 * records.length, 'raw HEC');
  figures.push({ figure: 'siem push', variant: 'raw HTTP posts of the same HEC bodies (ceiling)', value: rate, unit: 'events/s', note });
  figures.push({ figure: 'siem push', variant: 'raw HTTP posts, HEC bodies built in the loop', value: built, unit: 'events/s', note });
  agent.destroy();
  await server.stop();
  return figures;
}

async function sentinelFigures(records: SiemRecord[], batchSize: number, note: string): Promise<Figure[]> {
  const server = await LogsIngestionTestServer.start();
  const sink = new SentinelSink({
    tenantId: server.tenantId,
    clientId: server.clientId,
    clientSecret: server.secret,
    dataCollectionEndpoint: server.url,
    ruleId: server.ruleId,
    streamName: server.streams[0],
    authorityHost: server.url,
    ca: server.certificate.cert,
  });
  const sinkValue = await sinkRate(sink, records, batchSize);
  check(server.rowsOf().length, records.length + batchSize, 'Sentinel');
  await sink.close();

  const agent = new HttpsAgent({ keepAlive: true, maxSockets: 1, ca: server.certificate.cert });
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: server.clientId, client_secret: server.secret, scope: 'https://monitor.azure.com//.default' });
  const token = JSON.parse((await rawRequest(`${server.url}/${server.tenantId}/oauth2/v2.0/token`, { body: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, agent })).body).access_token as string;
  const url = `${server.url}/dataCollectionRules/${server.ruleId}/streams/${server.streams[0]}?api-version=2023-01-01`;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-encoding': 'gzip' };
  const bodies = sentinelBodies(records, batchSize);
  const before = server.rowsOf().length;
  const post = (body: Buffer) => rawRequest(url, { body, headers, agent });
  const rawValue = await rawRate(bodies.length, (i) => bodies[i], post, records.length);
  const builtValue = await rawRate(bodies.length, (i) => sentinelBodies(records.slice(i * batchSize, (i + 1) * batchSize), batchSize)[0], post, records.length);
  check(server.rowsOf().length - before, 2 * records.length, 'raw Sentinel');
  agent.destroy();
  await server.stop();
  return [
    { figure: 'siem push', variant: 'Sentinel sink (Logs Ingestion SDK, HTTPS, gzip)', value: sinkValue, unit: 'events/s', note },
    { figure: 'siem push', variant: 'raw HTTPS posts of the same gzip bodies (ceiling)', value: rawValue, unit: 'events/s', note },
    { figure: 'siem push', variant: 'raw HTTPS posts, bodies built and gzipped in the loop', value: builtValue, unit: 'events/s', note },
  ];
}

/** One untimed batch first (connections, token), then every batch in turn. */
async function sinkRate(sink: SiemSink, records: SiemRecord[], batchSize: number): Promise<number> {
  await expectOk(sink.send(records.slice(0, batchSize)));
  const started = performance.now();
  for (let i = 0; i < records.length; i += batchSize) await expectOk(sink.send(records.slice(i, i + batchSize)));
  return records.length / ((performance.now() - started) / 1000);
}

async function rawRate(requests: number, bodyOf: (i: number) => Buffer, post: (body: Buffer) => Promise<{ status: number }>, events: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < requests; i += 1) {
    const { status } = await post(bodyOf(i));
    if (status !== 200 && status !== 204) throw new Error(`raw post answered ${status}`);
  }
  return events / ((performance.now() - started) / 1000);
}

/** What the HEC sink sends for the same batches (its bodies stay under 1,000,000 bytes at this size). */
function splunkBodies(records: SiemRecord[], batchSize: number): Buffer[] {
  const bodies: Buffer[] = [];
  for (let i = 0; i < records.length; i += batchSize) {
    const body = records
      .slice(i, i + batchSize)
      .map((r) => JSON.stringify({ time: Date.parse(r.occurredAt) / 1000, host: 'bench', source: 'activity-log', sourcetype: '_json', event: { ...r.entry, eventId: r.eventId }, fields: { eventId: r.eventId } }))
      .join('');
    bodies.push(Buffer.from(body));
  }
  return bodies;
}

function sentinelBodies(records: SiemRecord[], batchSize: number): Buffer[] {
  const bodies: Buffer[] = [];
  for (let i = 0; i < records.length; i += batchSize) {
    const rows = records.slice(i, i + batchSize).map((r) => ({ TimeGenerated: r.occurredAt, ...r.entry, eventId: r.eventId }));
    bodies.push(gzipSync(JSON.stringify(rows)));
  }
  return bodies;
}

async function expectOk(outcome: Promise<{ kind: string }>): Promise<void> {
  const result = await outcome;
  if (result.kind !== 'ok') throw new Error(`sink answered ${JSON.stringify(result)}`);
}

function check(received: number, expected: number, what: string): void {
  if (received !== expected) throw new Error(`${what}: the server received ${received} events, not ${expected}`);
}

function benchRecords(count: number): SiemRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const eventId = `0190a7e2-0000-7000-8000-${String(i).padStart(12, '0')}`;
    return {
      eventId,
      occurredAt: new Date(Date.UTC(2024, 4, 1, 10, 0, 0) + i).toISOString(),
      entry: {
        eventId,
        position: String(i + 1),
        eventType: 'OrganizationRenamed',
        category: 'organization_management',
        mspId: `msp-${i % 50}`,
        orgId: `org-${i % 500}`,
        initiator: { type: 'member', id: `m-${i % 50}`, email: `admin${i % 50}@msp.example`, name: 'Admin', role: 'msp_admin' },
        ip: '203.0.113.7',
        userAgent: 'Mozilla/5.0 (bench)',
        target: { type: 'organization', id: `org-${i % 500}`, name: `Customer ${i}` },
        item: null,
        summary: `Renamed organization Customer ${i} to Customer ${i} Ltd`,
      },
    };
  });
}
