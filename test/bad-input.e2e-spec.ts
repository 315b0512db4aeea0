import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { mspPrincipal, orgPrincipal } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';

const MiB = 1024 * 1024;

/**
 * Junk that used to answer 500: every one is now a 4xx with a message that says what is wrong
 * (never quoting the body), and writes nothing.
 */
describe('bad input over HTTP', () => {
  let t: TestApp;
  let owner: string;
  let orgOwner: string;
  let integrationId: string;
  let headBefore: bigint;

  beforeAll(async () => {
    t = await startTestApp();
    owner = await t.token(mspPrincipal('msp_owner', 'msp-junk'));
    const organizationId = (await t.command('/organizations', owner, { name: 'Acme' })).id;
    orgOwner = await t.token(orgPrincipal('org_owner', organizationId));
    integrationId = (await t.command('/integrations', owner, {
      kind: 'splunk', name: 'SOC', settings: { url: 'https://splunk.example:8088', index: 'audit' }, secret: '3f9a1c77-0b6e-4d2a-9c41-5e8d7a60abcd',
    })).id;
    headBefore = await t.store.headPosition();
  });
  afterAll(() => t.close());

  /** A raw body, sent exactly as given. */
  const raw = (path: string, body: Buffer | string, headers: Record<string, string> = {}) => {
    const req = t.http().post(path).set('Authorization', `Bearer ${owner}`);
    for (const [name, value] of Object.entries({ 'Content-Type': 'application/json', ...headers })) req.set(name, value);
    // superagent would serialise a Buffer as JSON ({"type":"Buffer",…}): send the bytes themselves.
    return req.serialize((bytes: unknown) => bytes as string).send(typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
  };
  const json = (path: string, body: object, token = owner) => t.http().post(path).set('Authorization', `Bearer ${token}`).send(body);

  describe('bodies the parser refuses', () => {
    it('answers 413 to a 10 MB body', async () => {
      const body = `{"name":"${'a'.repeat(10 * MiB)}"}`;
      const res = await raw('/organizations', body).expect(413);
      expect(res.body.message).toBe('The request body must not exceed 102400 bytes (decompressed)');
    });

    it('answers 413 to a gzip body that inflates to 64 MiB, and reads no further than the limit', async () => {
      const bomb = gzipSync(Buffer.from(`{"name":"x"${' '.repeat(64 * MiB)}}`));
      expect(bomb.length).toBeLessThan(MiB);
      await raw('/organizations', bomb, { 'Content-Encoding': 'gzip' }).expect(413);
    });

    it('accepts gzip and deflate bodies within the limit', async () => {
      await raw('/organizations', gzipSync(Buffer.from('{"name":"Zipped"}')), { 'Content-Encoding': 'gzip' }).expect(201);
      await raw('/organizations', deflateSync(Buffer.from('{"name":"Deflated"}')), { 'Content-Encoding': 'deflate' }).expect(201);
      headBefore = await t.store.headPosition();
    });

    it.each([
      ['br', brotliCompressSync(Buffer.from('{"name":"x"}'))],
      ['compress', Buffer.from('{"name":"x"}')],
      ['gzip, gzip', gzipSync(gzipSync(Buffer.from('{"name":"x"}')))],
    ])('answers 415 to Content-Encoding: %s', async (encoding, body) => {
      const res = await raw('/organizations', body, { 'Content-Encoding': encoding }).expect(415);
      expect(res.body.message).toBe('Content-Encoding must be gzip, deflate or identity');
    });

    it('answers 400 to a corrupt gzip stream', async () => {
      const res = await raw('/organizations', Buffer.from('this is not gzip'), { 'Content-Encoding': 'gzip' }).expect(400);
      expect(res.body.message).toMatch(/could not be read/);
    });

    it.each([
      ['text/plain', '{"name":"x"}'],
      ['application/xml', '<organization name="x"/>'],
      ['application/x-www-form-urlencoded', 'name=x'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--x--'],
    ])('answers 415 to a %s body', async (type, body) => {
      const res = await raw('/organizations', body, { 'Content-Type': type }).expect(415);
      expect(res.body.message).toBe('Request bodies must be JSON: send Content-Type: application/json');
    });

    it('answers 415 to a JSON body in another charset, and accepts application/*+json', async () => {
      await raw('/organizations', Buffer.from('{"name":"x"}', 'utf16le'), { 'Content-Type': 'application/json; charset=utf-16le' }).expect(415);
      await raw('/organizations', '{"name":"Vendor typed"}', { 'Content-Type': 'application/vnd.api+json; charset=UTF-8' }).expect(201);
      headBefore = await t.store.headPosition();
    });

    it.each([
      ['arrays', 20_000, (n: number) => `{"name":"x","a":${'['.repeat(n)}${']'.repeat(n)}}`],
      ['objects', 15_000, (n: number) => `{"name":"x","a":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}`],
      ['arrays, just over the bound', 33, (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`],
    ])('answers 400 to %s nested %d levels deep, before parsing', async (_kind, depth, make) => {
      const res = await raw('/organizations', make(depth)).expect(400);
      expect(res.body.message).toBe('The request body nests objects or arrays deeper than 32 levels');
    });

    it('answers 400 to invalid JSON without quoting it', async () => {
      const res = await raw('/organizations', '{"name": "Acme 4111 1111 1111 1111", oops}').expect(400);
      expect(res.body.message).toBe('The request body is not valid JSON (an object or array is expected)');
      expect(JSON.stringify(res.body)).not.toMatch(/4111|oops/);
      await raw('/organizations', '{"name": NaN}').expect(400);
      await raw('/organizations', '"just a string"').expect(400);
    });

    it('answers 400 to a body that is not UTF-8', async () => {
      const res = await raw('/organizations', Buffer.from([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])).expect(400);
      expect(res.body.message).toBe('The request body is not valid UTF-8');
    });

    it('answers 400 to a JSON array where an object is expected', async () => {
      const res = await raw('/organizations', '[{"name":"x"}]').expect(400);
      expect(res.body.fields).toEqual({ body: ['the request body must be a JSON object'] });
    });
  });

  describe('values the validator used to let through to a 500', () => {
    const settings = { url: 'https://splunk.example:8088', index: 'audit' };

    it.each([
      ['constructor.prototype in settings', { settings: { ...settings, constructor: { prototype: { isAdmin: true } } } }, 'settings.constructor'],
      ['__proto__ in settings', JSON.parse(`{"settings":{"url":"https://splunk.example:8088","index":"audit","__proto__":{"x":1}}}`), 'settings.__proto__'],
      ['a top-level __proto__', JSON.parse(`{"settings":${JSON.stringify(settings)},"__proto__":{"x":1}}`), '__proto__'],
    ])('answers 400 to %s when setting up an integration', async (_case, body, field) => {
      const res = await json('/integrations', { kind: 'splunk', name: 'SOC', secret: '3f9a1c77-0b6e-4d2a-9c41-5e8d7a60abcd', ...body }).expect(400);
      expect(res.body.fields).toEqual({ [field]: [`${field} is not an accepted key`] });
    });

    it('answers 400 to prototype keys when editing an integration', async () => {
      const body = JSON.parse('{"settings":{"constructor":{"prototype":{"index":"x"}}}}');
      expect((await json(`/integrations/${integrationId}/edit`, body).expect(400)).body.fields).toEqual({
        'settings.constructor': ['settings.constructor is not an accepted key'],
      });
    });

    it.each([
      ['"secret": null on setup', '/integrations', { kind: 'splunk', name: 'SOC', settings, secret: null }, 'secret'],
      ['"secret": null on edit', 'edit', { secret: null }, 'secret'],
      ['"name": null on edit', 'edit', { name: null }, 'name'],
      ['"settings": null on edit', 'edit', { settings: null }, 'settings'],
      ['"reason": null on disconnect', 'disconnect', { reason: null }, 'reason'],
    ])('answers 400 to %s', async (_case, path, body, field) => {
      const url = path.startsWith('/') ? path : `/integrations/${integrationId}/${path}`;
      const res = await json(url, body).expect(400);
      expect(res.body.fields).toEqual({ [field]: [`${field} must not be null (leave it out instead)`] });
    });

    it('answers 400 to "settings": null on policy enable', async () => {
      const res = await json('/org/policies/vault_timeout/enable', { settings: null }, orgOwner).expect(400);
      expect(res.body.fields).toEqual({ settings: ['settings must not be null (leave it out instead)'] });
    });

    it('still takes null where the API documents it (removing a VAT id)', async () => {
      await json('/billing/details', { companyName: 'Acme', billingEmail: 'b@acme.example', addressLines: ['1 Main St'], country: 'US', vatId: 'DE1' }).expect(201);
      await json('/billing/details/change', { vatId: null }).expect(200);
      headBefore = await t.store.headPosition();
    });
  });

  describe('other junk', () => {
    it('answers 400, not 500, to repeated or bracketed query parameters and a huge one', async () => {
      const get = (query: string) => t.http().get(`/activity-log/msp?${query}`).set('Authorization', `Bearer ${owner}`);
      await get('limit=1&limit=2').expect(400);
      await get('cursor=a&cursor=b').expect(400);
      await get('from[gt]=2026-01-01').expect(400);
      await get(`memberEmail=${'a'.repeat(6000)}@x.example`).expect(400);
      await get('minPosition=99999999999999999999').expect(400);
    });

    it('answers 400 to a path id that is far too long', async () => {
      await json(`/organizations/${'a'.repeat(5000)}/deploy`, {}).expect(400);
      await json(`/org/members/${'m'.repeat(500)}/vault-access`, { vaultId: 'v' }, orgOwner).expect(400);
    });

    it('answers 431 to huge headers, from Node itself', async () => {
      await t.http().get('/health').set('X-Junk', 'x'.repeat(20_000)).expect(431);
    });
  });

  it('wrote nothing for any of it', async () => {
    expect(await t.store.headPosition()).toBe(headBefore);
  });
});
