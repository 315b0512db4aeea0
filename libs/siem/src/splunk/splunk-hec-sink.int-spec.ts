import { SplunkHecTestServer, SplunkHecTestServerOptions } from '@test/siem/splunk-hec.test-server';
import { siemRecords, siemSinkContract } from '../siem-sink.contract';
import { SplunkHecSinkConfig } from './splunk-hec.config';
import { SplunkHecSink } from './splunk-hec-sink';

const eventIdsOf = (server: SplunkHecTestServer) => server.events.map((e) => (e.event as { eventId?: unknown }).eventId);

siemSinkContract('SplunkHecSink', async ({ maxBatchBytes }) => {
  const server = await SplunkHecTestServer.start();
  const sink = new SplunkHecSink({ url: server.url, token: server.validToken, maxBatchBytes });
  return {
    sink,
    secret: server.validToken,
    receivedEventIds: () => eventIdsOf(server),
    deliveryRequests: () => server.eventRequests,
    unavailableNext: (count, retryAfter) =>
      retryAfter === undefined ? server.busyNext(count) : server.failNext(count, { kind: 'status', status: 429, retryAfter: String(retryAfter) }),
    goDown: () => server.goDown(),
    comeBack: () => server.comeBack(),
    breakCredentials: () => void server.rotateToken(),
    tearDown: async () => {
      await sink.close();
      await server.stop();
    },
  };
});

describe('SplunkHecSink', () => {
  let server: SplunkHecTestServer;
  let sink: SplunkHecSink;
  const start = async (options: SplunkHecTestServerOptions = {}, config: Partial<SplunkHecSinkConfig> = {}) => {
    server = await SplunkHecTestServer.start(options);
    sink = new SplunkHecSink({ url: server.url, token: server.validToken, ...config });
  };
  afterEach(async () => {
    await sink.close();
    await server.stop();
  });

  it('sends HEC events: epoch time with milliseconds, the settings’ metadata, the event id in the event and as a field', async () => {
    await start({ allowedIndexes: ['audit'] }, { index: 'audit', host: 'al-worker-1', source: 'activity-log', sourcetype: 'activity:entry' });
    const [record] = siemRecords(1, 123);
    expect(await sink.send([record])).toEqual({ kind: 'ok', records: 1 });
    expect(server.events).toEqual([
      {
        time: 1714557600.123,
        host: 'al-worker-1',
        source: 'activity-log',
        sourcetype: 'activity:entry',
        index: 'audit',
        event: { ...record.entry, eventId: record.eventId },
        fields: { eventId: record.eventId },
      },
    ]);
  });

  it('tolerates a URL that already ends in /services/collector/event', async () => {
    await start();
    await sink.close();
    sink = new SplunkHecSink({ url: `${server.url}/services/collector/event`, token: server.validToken });
    expect(await sink.send(siemRecords(1))).toMatchObject({ kind: 'ok' });
  });

  it.each([
    ['an index the token may not write', { allowedIndexes: ['main'] }, { index: 'audit' }, /HEC code 7: Incorrect index\): the token may not write to index "audit"/],
    ['a URL with no collector behind it', {}, { urlSuffix: '/nope' }, /no HTTP Event Collector .* \(404\)/],
    ['a token that needs acknowledgement', { ack: true }, {}, /HEC code 10: Data channel is missing/],
    ['acknowledgement the token does not do', {}, { ack: { pollIntervalMs: 5 } }, /indexer acknowledgement is off for this token/],
  ])('parks on %s', async (_, options, config, reason) => {
    const { urlSuffix, ...rest } = config as Partial<SplunkHecSinkConfig> & { urlSuffix?: string };
    await start(options, rest);
    if (urlSuffix) {
      await sink.close();
      sink = new SplunkHecSink({ url: `${server.url}${urlSuffix}`, token: server.validToken, ...rest });
    }
    expect(await sink.send(siemRecords(2))).toEqual({ kind: 'parked', reason: expect.stringMatching(reason) });
  });

  it('parks on a disabled token, naming HEC code 1', async () => {
    await start();
    server.disableToken();
    expect(await sink.send(siemRecords(1))).toEqual({ kind: 'parked', reason: 'Splunk refused the token (HEC code 1: Token disabled)' });
  });

  it('speaks HTTPS with a CA it is given, and parks on a certificate it does not trust', async () => {
    await start({ https: true }, {});
    expect(await sink.send(siemRecords(1))).toEqual({ kind: 'parked', reason: expect.stringMatching(/TLS certificate .* is not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT/) });
    await sink.close();
    sink = new SplunkHecSink({ url: server.url, token: server.validToken, ca: server.certificate?.cert });
    expect(await sink.send(siemRecords(1))).toEqual({ kind: 'ok', records: 1 });
  });

  it('retries a connection reset and a slow answer past its timeout', async () => {
    await start({}, { requestTimeoutMs: 100 });
    server.failNext(1, { kind: 'reset' });
    expect(await sink.send(siemRecords(1))).toMatchObject({ kind: 'retryable', reason: expect.stringMatching(/ECONNRESET/) });
    server.failNext(1, { kind: 'latency', ms: 400 });
    expect(await sink.send(siemRecords(1))).toMatchObject({ kind: 'retryable', reason: expect.stringMatching(/ETIMEDOUT/) });
  });

  describe('with indexer acknowledgement', () => {
    const ack = { pollIntervalMs: 5, timeoutMs: 150, maxResends: 1 };

    it('answers ok only after every ackId reported true, all on one channel', async () => {
      await start({ ack: true }, { ack, maxBatchBytes: 3_000 });
      const batch = siemRecords(20);
      expect(await sink.send(batch)).toEqual({ kind: 'ok', records: 20 });
      expect(server.ackRequests).toBeGreaterThan(0);
      expect(new Set(server.events.map((e) => e.channel)).size).toBe(1);
      expect(eventIdsOf(server)).toEqual(batch.map((r) => r.eventId));
    });

    it('resends a request whose ack never came within the bound (duplicates, never a loss)', async () => {
      await start({ ack: true }, { ack });
      server.loseNextAcks(1);
      const batch = siemRecords(3);
      expect(await sink.send(batch)).toEqual({ kind: 'ok', records: 3 });
      expect(server.eventRequests).toBe(2);
      expect(eventIdsOf(server)).toEqual([...batch, ...batch].map((r) => r.eventId));
    });

    it('gives up with a retryable outcome once the resends are spent', async () => {
      await start({ ack: true }, { ack });
      server.holdAcks();
      expect(await sink.send(siemRecords(2))).toEqual({
        kind: 'retryable',
        reason: 'Splunk did not confirm indexing of 2 event(s) within 150 ms, 1 resend(s) included',
      });
      expect(server.eventRequests).toBe(2);
    });
  });
});
