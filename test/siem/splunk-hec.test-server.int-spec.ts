import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { rawRequest } from './raw-request';
import { SplunkHecTestServer } from './splunk-hec.test-server';

/** The HEC test server itself answers as Splunk documents it. */
describe('SplunkHecTestServer', () => {
  let server: SplunkHecTestServer;
  afterEach(() => server.stop());

  const post = (body: string | Buffer, headers: Record<string, string> = {}, path = '/services/collector/event') =>
    rawRequest(`${server.url}${path}`, { body, headers: { authorization: `Splunk ${server.validToken}`, ...headers } });
  const json = (text: string) => JSON.parse(text) as Record<string, unknown>;

  describe('without acknowledgement', () => {
    beforeEach(async () => (server = await SplunkHecTestServer.start({ allowedIndexes: ['audit', 'main'] })));

    it('accepts concatenated event objects, with or without whitespace between them', async () => {
      const answer = await post('{"event":{"a":1},"time":1714557600.123,"index":"audit"}{"event":"two"}\n {"event":3,"time":"1714557601"}');
      expect(answer.status).toBe(200);
      expect(answer.body).toBe('{"text":"Success","code":0}');
      expect(server.events.map((e) => e.event)).toEqual([{ a: 1 }, 'two', 3]);
    });

    it('accepts a gzip body and Basic auth with the token as password', async () => {
      const basic = Buffer.from(`anyone:${server.validToken}`).toString('base64');
      const answer = await post(gzipSync('{"event":"zipped"}'), { 'content-encoding': 'gzip', authorization: `Basic ${basic}` });
      expect(json(answer.body)).toEqual({ text: 'Success', code: 0 });
      expect(server.events).toHaveLength(1);
    });

    it.each([
      ['no Authorization header', undefined, 401, 2, 'Token is required'],
      ['a Bearer header', 'Bearer abc', 401, 3, 'Invalid authorization'],
      ['another token', `Splunk ${randomUUID()}`, 403, 4, 'Invalid token'],
    ])('refuses %s', async (_, authorization, status, code, text) => {
      const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
      const answer = await rawRequest(`${server.url}/services/collector/event`, { body: '{"event":1}', headers });
      expect(answer.status).toBe(status);
      expect(json(answer.body)).toEqual({ text, code });
      expect(server.events).toHaveLength(0);
    });

    it('refuses a rotated-away or disabled token', async () => {
      const old = server.validToken;
      server.rotateToken();
      expect(json((await post('{"event":1}', { authorization: `Splunk ${old}` })).body)).toEqual({ text: 'Invalid token', code: 4 });
      server.disableToken();
      const answer = await post('{"event":1}');
      expect([answer.status, json(answer.body)]).toEqual([403, { text: 'Token disabled', code: 1 }]);
    });

    it.each([
      ['a malformed batch', '{"event":1}{"event":', 6, 'Invalid data format', 1],
      ['a JSON array', '[{"event":1}]', 6, 'Invalid data format', 0],
      ['an event without "event"', '{"event":1}{"time":1}', 12, 'Event field is required', 1],
      ['a blank event', '{"event":""}', 13, 'Event field cannot be blank', 0],
      ['a time that is not epoch seconds', '{"event":1,"time":"2024-05-01T10:00:00Z"}', 6, 'Invalid data format', 0],
      ['an index the token may not use', '{"event":1}{"event":2,"index":"secret"}', 7, 'Incorrect index', 1],
      ['nested indexed fields', '{"event":1,"fields":{"a":{"b":1}}}', 15, 'Error in handling indexed fields', 0],
    ])('refuses %s whole, with the documented code', async (_, body, code, text, invalidEventNumber) => {
      const answer = await post(body);
      expect(answer.status).toBe(400);
      expect(json(answer.body)).toEqual({ text, code, 'invalid-event-number': invalidEventNumber });
      expect(server.events).toHaveLength(0);
    });

    it('refuses an empty body with code 5 and an ack query with code 14', async () => {
      expect(json((await post('  ')).body)).toEqual({ text: 'No data', code: 5 });
      const ack = await post('{"acks":[0]}', { 'x-splunk-request-channel': randomUUID() }, '/services/collector/ack');
      expect([ack.status, json(ack.body)]).toEqual([400, { text: 'ACK is disabled', code: 14 }]);
    });

    it('answers health, 404 for an unknown path and 405 for GET', async () => {
      const health = await rawRequest(`${server.url}/services/collector/health`, { method: 'GET' });
      expect(json(health.body)).toEqual({ text: 'HEC is healthy', code: 17 });
      expect((await post('{"event":1}', {}, '/services/collector/nope')).status).toBe(404);
      expect((await rawRequest(`${server.url}/services/collector/event`, { method: 'GET' })).status).toBe(405);
    });
  });

  describe('with indexer acknowledgement', () => {
    beforeEach(async () => (server = await SplunkHecTestServer.start({ ack: true })));

    it('wants a GUID channel: code 10 without one, code 11 for a bad one', async () => {
      expect(json((await post('{"event":1}')).body)).toEqual({ text: 'Data channel is missing', code: 10 });
      expect(json((await post('{"event":1}', { 'x-splunk-request-channel': 'not-a-guid' })).body)).toEqual({ text: 'Invalid data channel', code: 11 });
    });

    it('hands out ackIds per channel that turn true after indexing, then are forgotten', async () => {
      const channel = randomUUID();
      server.holdAcks();
      const first = json((await post('{"event":1}', { 'x-splunk-request-channel': channel })).body);
      const second = json((await post('{"event":2}', {}, `/services/collector/event?channel=${channel}`)).body);
      expect([first, second]).toEqual([{ text: 'Success', code: 0, ackId: 0 }, { text: 'Success', code: 0, ackId: 1 }]);
      const query = () => post('{"acks":[0,1,7]}', { 'x-splunk-request-channel': channel }, '/services/collector/ack').then((a) => json(a.body));
      expect(await query()).toEqual({ acks: { 0: false, 1: false, 7: false } });
      server.releaseAcks();
      expect(await query()).toEqual({ acks: { 0: true, 1: true, 7: false } });
      expect(await query()).toEqual({ acks: { 0: false, 1: false, 7: false } });
      expect(server.events.map((e) => e.channel)).toEqual([channel, channel]);
    });

    it('can lose acks: those ids never turn true', async () => {
      const channel = randomUUID();
      server.loseNextAcks(1);
      await post('{"event":1}', { 'x-splunk-request-channel': channel });
      await post('{"event":2}', { 'x-splunk-request-channel': channel });
      const answer = await post('{"acks":[0,1]}', { 'x-splunk-request-channel': channel }, '/services/collector/ack');
      expect(json(answer.body)).toEqual({ acks: { 0: false, 1: true } });
    });
  });

  describe('faults', () => {
    beforeEach(async () => (server = await SplunkHecTestServer.start({ maxContentLength: 100 })));

    it('answers 503 "Server is busy" with Retry-After for the next N requests, then recovers', async () => {
      server.busyNext(2, 3);
      for (let i = 0; i < 2; i += 1) {
        const answer = await post('{"event":1}');
        expect([answer.status, answer.headers['retry-after'], json(answer.body)]).toEqual([503, '3', { text: 'Server is busy', code: 9 }]);
      }
      expect((await post('{"event":1}')).status).toBe(200);
      expect(server.eventRequests).toBe(1);
    });

    it('refuses connections while down, on the same URL once back', async () => {
      const url = server.url;
      await server.goDown();
      await expect(post('{"event":1}')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      await server.comeBack();
      expect(server.url).toBe(url);
      expect((await post('{"event":1}')).status).toBe(200);
    });

    it('resets a connection, delays an answer, and refuses a body over max_content_length', async () => {
      server.failNext(1, { kind: 'reset' });
      await expect(post('{"event":1}')).rejects.toThrow();
      server.failNext(1, { kind: 'latency', ms: 120 });
      const started = Date.now();
      expect((await post('{"event":1}')).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(100);
      expect((await post(`{"event":"${'x'.repeat(200)}"}`)).status).toBe(413);
    });
  });

  it('serves HTTPS with its own certificate, which an untrusting client refuses', async () => {
    server = await SplunkHecTestServer.start({ https: true });
    expect(server.url).toMatch(/^https:/);
    await expect(post('{"event":1}')).rejects.toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    const answer = await rawRequest(`${server.url}/services/collector/event`, {
      body: '{"event":1}',
      headers: { authorization: `Splunk ${server.validToken}` },
      ca: server.certificate?.cert,
    });
    expect(answer.status).toBe(200);
  });
});
