import { LogsIngestionTestServer } from '@test/siem/logs-ingestion.test-server';
import { siemRecords, siemSinkContract } from '../siem-sink.contract';
import { SentinelSinkConfig } from './sentinel.config';
import { SentinelSink } from './sentinel-sink';

const configFor = (server: LogsIngestionTestServer, change: Partial<SentinelSinkConfig> = {}): SentinelSinkConfig => ({
  tenantId: server.tenantId,
  clientId: server.clientId,
  clientSecret: server.secret,
  dataCollectionEndpoint: server.url,
  ruleId: server.ruleId,
  streamName: server.streams[0],
  authorityHost: server.url,
  ca: server.certificate.cert,
  ...change,
});

siemSinkContract('SentinelSink', async ({ maxBatchBytes }) => {
  const server = await LogsIngestionTestServer.start();
  const sink = new SentinelSink(configFor(server, { maxCallBytes: maxBatchBytes }));
  return {
    sink,
    secret: server.secret,
    receivedEventIds: () => server.rowsOf().map((row) => row.eventId),
    deliveryRequests: () => server.ingestRequests,
    unavailableNext: (count, retryAfter) =>
      server.failNext(
        count,
        retryAfter === undefined
          ? { kind: 'status', status: 503, body: '{"error":{"code":"ServiceUnavailable","message":"The service is unavailable."}}' }
          : { kind: 'status', status: 429, retryAfter: String(retryAfter), body: '{"error":{"code":"TooManyRequests","message":"Too many requests."}}' },
      ),
    goDown: () => server.goDown(),
    comeBack: () => server.comeBack(),
    breakCredentials: () => void server.rotateSecret(),
    tearDown: async () => {
      await sink.close();
      await server.stop();
    },
  };
});

describe('SentinelSink', () => {
  let server: LogsIngestionTestServer;
  let sink: SentinelSink;
  const start = async (change: Partial<SentinelSinkConfig> = {}, tokenLifetimeSeconds?: number) => {
    server = await LogsIngestionTestServer.start({ tokenLifetimeSeconds });
    sink = new SentinelSink(configFor(server, change));
  };
  afterEach(async () => {
    await sink.close();
    await server.stop();
  });

  it('sends rows with TimeGenerated and the event id, gzip, and reuses its token until it nears expiry', async () => {
    await start();
    const batch = siemRecords(3);
    for (let i = 0; i < 3; i += 1) expect(await sink.send(batch)).toEqual({ kind: 'ok', records: 3 });
    expect(server.tokenRequests).toBe(1);
    expect(server.calls.every((call) => call.gzip && call.wireBytes < call.jsonBytes)).toBe(true);
    expect(server.rowsOf()[0]).toEqual({ TimeGenerated: batch[0].occurredAt, ...batch[0].entry, eventId: batch[0].eventId });
  });

  it('fetches a new token when the cached one is about to expire', async () => {
    await start({}, 60);
    await sink.send(siemRecords(1));
    await sink.send(siemRecords(1));
    expect(server.tokenRequests).toBe(2);
  });

  it('splits a batch into calls of at most 1,000,000 JSON bytes, which the 1 MB limit accepts', async () => {
    await start();
    const batch = siemRecords(2_600).map((record) => ({ ...record, entry: { ...record.entry, detail: 'x'.repeat(1_000) } }));
    expect(await sink.send(batch)).toEqual({ kind: 'ok', records: 2_600 });
    expect(server.calls.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...server.calls.map((call) => call.jsonBytes))).toBeLessThanOrEqual(1_000_000);
    expect(server.rowsOf().map((row) => row.eventId)).toEqual(batch.map((r) => r.eventId));
  });

  it('parks on a record too large for any call, naming it', async () => {
    await start();
    const [big] = siemRecords(1).map((record) => ({ ...record, entry: { detail: 'x'.repeat(1_000_001) } }));
    expect(await sink.send([big])).toEqual({ kind: 'parked', reason: expect.stringContaining(`event ${big.eventId} is`) });
    expect(server.ingestRequests).toBe(0);
  });

  it.each([
    ['an unknown rule', { ruleId: 'dcr-00000000000000000000000000000000' }, /does not know this data collection rule\b.*404 NotFound/],
    ['an undeclared stream', { streamName: 'Custom-Other_CL' }, /refused the data\b.*400 InvalidStream/],
    ['an unknown client id', { clientId: 'not-registered' }, /Entra ID refused the credentials \(unauthorized_client, AADSTS700016:/],
    ['an unknown tenant', { tenantId: 'no-such-tenant' }, /Entra ID does not know tenant no-such-tenant \(AADSTS90002\)/],
    ['an untrusted certificate', { ca: undefined }, /TLS certificate of .* is not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT/],
  ])('parks on %s', async (_, change, reason) => {
    await start(change);
    expect(await sink.send(siemRecords(1))).toEqual({ kind: 'parked', reason: expect.stringMatching(reason) });
  });

  it('parks without the role on the rule, and on a revoked token', async () => {
    await start();
    server.denyRuleAccess();
    expect(await sink.send(siemRecords(1))).toEqual({ kind: 'parked', reason: expect.stringMatching(/Monitoring Metrics Publisher .*403 OperationFailed/) });
    await sink.close();
    await server.stop();
    await start();
    await sink.send(siemRecords(1));
    server.revokeTokens();
    expect(await sink.send(siemRecords(1))).toEqual({ kind: 'parked', reason: expect.stringMatching(/refused the access token .*401 InvalidToken/) });
  });

  it('retries while the token endpoint is unavailable; MSAL then holds off (60 s) before asking again', async () => {
    await start();
    const body = '{"error":"temporarily_unavailable","error_description":"AADSTS50001: try again."}';
    server.failNext(1, { kind: 'status', status: 503, retryAfter: '1', body }, 'token');
    expect(await sink.send(siemRecords(1))).toEqual({
      kind: 'retryable',
      reason: expect.stringMatching(/could not get a token from Entra ID .*\(temporarily_unavailable, AADSTS50001: try again\.\)/),
    });
    expect(await sink.send(siemRecords(1))).toEqual({ kind: 'retryable', reason: expect.stringContaining('AADSTS50001') });
    expect(server.tokenRequests).toBe(0);
    await sink.close();
    sink = new SentinelSink(configFor(server));
    expect(await sink.send(siemRecords(1))).toEqual({ kind: 'ok', records: 1 });
  });

  it('retries an ingestion call that outlives its timeout', async () => {
    await start({ requestTimeoutMs: 300 });
    await sink.send(siemRecords(1));
    server.failNext(1, { kind: 'latency', ms: 800 });
    expect(await sink.send(siemRecords(1))).toMatchObject({ kind: 'retryable' });
  });
});
