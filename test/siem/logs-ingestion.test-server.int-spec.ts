import { gzipSync } from 'node:zlib';
import { LogsIngestionTestServer, MAX_CALL_BYTES } from './logs-ingestion.test-server';
import { rawRequest } from './raw-request';

/** The Entra ID + Logs Ingestion test server itself answers as the real services do. */
describe('LogsIngestionTestServer', () => {
  let server: LogsIngestionTestServer;
  beforeEach(async () => (server = await LogsIngestionTestServer.start({ streams: ['Custom-ActivityLog_CL'] })));
  afterEach(() => server.stop());

  const json = (text: string) => JSON.parse(text) as Record<string, any>;
  const tokenForm = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const goodForm = () => ({
    grant_type: 'client_credentials',
    client_id: server.clientId,
    client_secret: server.secret,
    scope: 'https://monitor.azure.com//.default',
  });
  const requestToken = (body: string, contentType = 'application/x-www-form-urlencoded', tenant = server.tenantId) =>
    rawRequest(`${server.url}/${tenant}/oauth2/v2.0/token`, { body, headers: { 'content-type': contentType }, ca: server.certificate.cert });
  const token = async () => json((await requestToken(tokenForm(goodForm()))).body).access_token as string;
  const ingest = async (body: string | Buffer, headers: Record<string, string> = {}, path?: string) =>
    rawRequest(`${server.url}${path ?? `/dataCollectionRules/${server.ruleId}/streams/Custom-ActivityLog_CL?api-version=2023-01-01`}`, {
      body,
      headers: { authorization: `Bearer ${await token()}`, 'content-type': 'application/json', ...headers },
      ca: server.certificate.cert,
    });

  describe('the Entra ID token endpoint', () => {
    it.each(['https://monitor.azure.com//.default', 'https://monitor.azure.com/.default'])('issues a bearer token for scope %s', async (scope) => {
      const answer = await requestToken(tokenForm({ ...goodForm(), scope }));
      expect(answer.status).toBe(200);
      expect(json(answer.body)).toEqual({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: expect.any(String) });
    });

    it.each([
      ['a wrong client secret', { client_secret: 'wrong' }, 401, 'invalid_client', 7000215],
      ['no client secret', { client_secret: '' }, 401, 'invalid_client', 7000218],
      ['an unknown client id', { client_id: 'someone-else' }, 400, 'unauthorized_client', 700016],
      ['another grant type', { grant_type: 'password' }, 400, 'unsupported_grant_type', 70003],
      ['no grant type', { grant_type: '' }, 400, 'invalid_request', 900144],
      ['a scope without /.default', { scope: 'https://monitor.azure.com/' }, 400, 'invalid_scope', 1002012],
      ['another resource', { scope: 'https://graph.microsoft.com/.default' }, 400, 'invalid_resource', 500011],
    ])('refuses %s with the AADSTS error', async (_, change, status, error, aadsts) => {
      const answer = await requestToken(tokenForm({ ...goodForm(), ...change }));
      expect(answer.status).toBe(status);
      const body = json(answer.body);
      expect(body).toMatchObject({ error, error_codes: [aadsts] });
      expect(body.error_description).toMatch(new RegExp(`^AADSTS${aadsts}: `));
    });

    it('refuses a JSON body (form-encoded only), an unknown tenant and a GET', async () => {
      expect(json((await requestToken(JSON.stringify(goodForm()), 'application/json')).body).error_codes).toEqual([900144]);
      expect(json((await requestToken(tokenForm(goodForm()), undefined, 'other-tenant')).body).error_codes).toEqual([90002]);
      const get = await rawRequest(`${server.url}/${server.tenantId}/oauth2/v2.0/token`, { method: 'GET', ca: server.certificate.cert });
      expect(json(get.body).error_codes).toEqual([900561]);
    });

    it('refuses the secret it had once it was rotated', async () => {
      const old = server.secret;
      server.rotateSecret();
      expect((await requestToken(tokenForm({ ...goodForm(), client_secret: old }))).status).toBe(401);
      expect((await requestToken(tokenForm(goodForm()))).status).toBe(200);
    });

    it('serves the OpenID metadata MSAL reads first', async () => {
      const answer = await rawRequest(`${server.url}/${server.tenantId}/v2.0/.well-known/openid-configuration`, { method: 'GET', ca: server.certificate.cert });
      expect(json(answer.body).token_endpoint).toBe(`${server.url}/${server.tenantId}/oauth2/v2.0/token`);
    });
  });

  describe('the Logs Ingestion API', () => {
    it('takes a gzip JSON array with 204 and an empty body', async () => {
      const answer = await ingest(gzipSync(JSON.stringify([{ eventId: 'e-1' }, { eventId: 'e-2' }])), { 'content-encoding': 'gzip' });
      expect([answer.status, answer.body]).toEqual([204, '']);
      expect(server.rowsOf()).toEqual([{ eventId: 'e-1' }, { eventId: 'e-2' }]);
      expect(server.calls).toEqual([expect.objectContaining({ rows: 2, gzip: true })]);
    });

    it('takes a plain JSON array too', async () => {
      expect((await ingest('[{"a":1}]', { 'content-type': 'application/json; charset=utf-8' })).status).toBe(204);
    });

    it.each([
      ['no bearer token', { authorization: '' }, 401, 'InvalidToken'],
      ['a token it never issued', { authorization: 'Bearer made-up' }, 401, 'InvalidToken'],
      ['a form content type', { 'content-type': 'application/x-www-form-urlencoded' }, 415, 'UnsupportedMediaType'],
      ['deflate', { 'content-encoding': 'deflate' }, 400, 'InvalidContentEncoding'],
    ])('refuses %s', async (_, headers, status, code) => {
      const answer = await ingest('[{"a":1}]', headers);
      expect([answer.status, json(answer.body).error.code]).toEqual([status, code]);
      expect(server.rowsOf()).toEqual([]);
    });

    it.each([
      ['without api-version', '', 'MissingApiVersionParameter', 400],
      ['with another api-version', '?api-version=2021-11-01-preview', 'UnsupportedApiVersion', 400],
    ])('refuses a call %s', async (_, query, code, status) => {
      const answer = await ingest('[{"a":1}]', {}, `/dataCollectionRules/${'RULE'}/streams/Custom-ActivityLog_CL${query}`.replace('RULE', server.ruleId));
      expect([answer.status, json(answer.body).error.code]).toEqual([status, code]);
    });

    it.each([
      ['an object', '{"a":1}'],
      ['an array of numbers', '[1,2]'],
      ['broken JSON', '[{"a":'],
    ])('refuses %s as the body (stricter than Azure, which drops it silently)', async (_, body) => {
      const answer = await ingest(body);
      expect([answer.status, json(answer.body).error.code]).toEqual([400, 'InvalidPayload']);
    });

    it('refuses more than 1 MB per call, counted uncompressed as well as on the wire', async () => {
      const rows = JSON.stringify([{ text: 'x'.repeat(MAX_CALL_BYTES) }]);
      const zipped = gzipSync(rows);
      expect(zipped.length).toBeLessThan(MAX_CALL_BYTES);
      const answer = await ingest(zipped, { 'content-encoding': 'gzip' });
      expect(answer.status).toBe(413);
      expect(json(answer.body).error).toEqual({ code: 'ContentLengthLimitExceeded', message: expect.stringMatching(/^Maximum allowed content length: 1048576 bytes \(1 MB\)\./) });
      expect((await ingest(rows)).status).toBe(413);
      const justUnder = JSON.stringify([{ text: 'x'.repeat(MAX_CALL_BYTES - 20) }]);
      expect(Buffer.byteLength(justUnder)).toBeLessThanOrEqual(MAX_CALL_BYTES);
      expect((await ingest(justUnder)).status).toBe(204);
    });

    it('answers 404 for an unknown rule, 400 for an undeclared stream, 403 without the role on the rule', async () => {
      expect((await ingest('[]', {}, '/dataCollectionRules/dcr-unknown/streams/Custom-ActivityLog_CL?api-version=2023-01-01')).status).toBe(404);
      const stream = await ingest('[]', {}, `/dataCollectionRules/${server.ruleId}/streams/Custom-Other_CL?api-version=2023-01-01`);
      expect([stream.status, json(stream.body).error.code]).toEqual([400, 'InvalidStream']);
      server.denyRuleAccess();
      const denied = await ingest('[]');
      expect([denied.status, json(denied.body).error.code]).toEqual([403, 'OperationFailed']);
    });

    it('stops taking revoked or expired tokens', async () => {
      const bearer = await token();
      server.revokeTokens();
      const revoked = await rawRequest(`${server.url}/dataCollectionRules/${server.ruleId}/streams/Custom-ActivityLog_CL?api-version=2023-01-01`, {
        body: '[]',
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        ca: server.certificate.cert,
      });
      expect(revoked.status).toBe(401);
      const shortLived = await LogsIngestionTestServer.start({ tokenLifetimeSeconds: 0 });
      try {
        const form = tokenForm({ grant_type: 'client_credentials', client_id: shortLived.clientId, client_secret: shortLived.secret, scope: 'https://monitor.azure.com//.default' });
        const issued = json((await rawRequest(`${shortLived.url}/${shortLived.tenantId}/oauth2/v2.0/token`, { body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' }, ca: shortLived.certificate.cert })).body);
        const expired = await rawRequest(`${shortLived.url}/dataCollectionRules/${shortLived.ruleId}/streams/${shortLived.streams[0]}?api-version=2023-01-01`, {
          body: '[]',
          headers: { authorization: `Bearer ${issued.access_token}`, 'content-type': 'application/json' },
          ca: shortLived.certificate.cert,
        });
        expect(expired.status).toBe(401);
      } finally {
        await shortLived.stop();
      }
    });
  });

  describe('faults', () => {
    it('answers 429 with Retry-After for the next N calls, then recovers', async () => {
      server.failNext(2, { kind: 'status', status: 429, retryAfter: '5', body: '{"error":{"code":"TooManyRequests","message":"Too many requests"}}' });
      for (let i = 0; i < 2; i += 1) {
        const answer = await ingest('[{"a":1}]');
        expect([answer.status, answer.headers['retry-after']]).toEqual([429, '5']);
      }
      expect((await ingest('[{"a":1}]')).status).toBe(204);
    });

    it('fails token requests separately from ingestion', async () => {
      server.failNext(1, { kind: 'status', status: 503 }, 'token');
      expect((await requestToken(tokenForm(goodForm()))).status).toBe(503);
      expect((await ingest('[{"a":1}]')).status).toBe(204);
    });

    it('refuses connections while down; an untrusting client refuses its certificate', async () => {
      await expect(rawRequest(`${server.url}/x`, { body: '' })).rejects.toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
      await server.goDown();
      await expect(requestToken(tokenForm(goodForm()))).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      await server.comeBack();
      expect((await requestToken(tokenForm(goodForm()))).status).toBe(200);
    });
  });
});
