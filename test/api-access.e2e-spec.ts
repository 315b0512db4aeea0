import { execFile, spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { ApiProcess, freePort, startApiProcess } from './support/api-process';
import { assertionFor, Credentials, JWT_BEARER } from './support/api-keys';
import { mspPrincipal, orgPrincipal } from './support/principals';
import { startTestApp, TEST_JWT_SECRET, TestApp } from './support/test-app';

const CLIENT = join(__dirname, 'fixtures', 'api-client.mjs');

/** Runs the stand-alone client (jose and fetch only) as a separate node process; its one JSON answer. */
async function client(...args: string[]): Promise<any> {
  const { stdout } = await promisify(execFile)(process.execPath, [CLIENT, ...args]).catch((failed: { stdout: string }) => failed);
  return JSON.parse(stdout.trim().split('\n').pop()!);
}

/** Starts the client polling with one access token until refused; resolves once it polls, then with its last answer. */
function pollUntilRefused(path: string, ...options: string[]): { ready: Promise<void>; refused: Promise<{ refusedAt: number; status: number; body: any }> } {
  const child = spawn(process.execPath, [CLIENT, ...options, 'poll-until-refused', path]);
  const lines = createInterface({ input: child.stdout });
  let ready!: () => void;
  const readyPromise = new Promise<void>((resolve) => (ready = resolve));
  const refused = new Promise<any>((resolve, reject) => {
    lines.on('line', (line) => {
      const message = JSON.parse(line);
      if (message.ready) ready();
      else if (message.error) reject(new Error(line));
      else resolve(message);
    });
    child.on('exit', (code) => code !== 0 && reject(new Error(`client exited with ${code}`)));
  });
  return { ready: readyPromise, refused };
}

/** Every file under `dir` whose bytes contain `needle`. */
function filesHolding(dir: string, needle: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesHolding(path, needle);
    return readFileSync(path).includes(needle) ? [path] : [];
  });
}

/**
 * The product's journey: an MSP admin generates a key; a SIEM-side client that shares no code
 * with this project signs with the downloaded key, gets a token and pulls; the key is revoked and
 * the next pulls are refused within a second, on another API process on the same DATA_DIR (which
 * runs no projector). The same for an organization's Activity Log tokens.
 */
describe('API access for machines, end to end', () => {
  let t: TestApp;
  let other: ApiProcess;
  let baseUrl: string;
  let mspAdmin: string;
  let orgOwner: string;
  let orgId: string;
  let credentialsFile: string;
  let credentials: Credentials;

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    t = await startTestApp({ API_BASE_URL: baseUrl });
    other = startApiProcess({
      DATA_DIR: t.config.DATA_DIR, PORT: String(port), AUTH_JWT_SECRET: TEST_JWT_SECRET, API_BASE_URL: baseUrl, PROJECTORS_IN_API: 'false', LOG_FORMAT: 'json',
    });
    mspAdmin = await t.token(mspPrincipal('msp_admin', 'msp-j', { subject: 'mia' }));
    orgId = (await t.command('/organizations', mspAdmin, { name: 'Acme' })).id;
    orgOwner = await t.token(orgPrincipal('org_owner', orgId, { subject: 'olga' }));
    const member = await t.token(orgPrincipal('org_member', orgId, { subject: 'max', name: 'Max' }));
    await t.command('/vault/items', member, { itemType: 'password', itemName: 'Payroll login' });
    await t.command('/organizations', await t.token(mspPrincipal('msp_owner', 'msp-other')), { name: 'Not yours' });
    expect(await other.output(/API listening/)).toMatch(/API listening/);
  }, 60_000);

  afterAll(async () => {
    await other?.stop();
    await t?.close();
  });

  it('answers the generated private key once, and keeps it nowhere: no event, no file, no replayed answer', async () => {
    const res = await t.http().post('/api-keys').set('Authorization', `Bearer ${mspAdmin}`).set('Idempotency-Key', 'gen-1').send({ name: 'Splunk' }).expect(201);
    credentials = res.body.credentials;
    expect(credentials).toEqual({
      keyId: res.body.keyId, mspId: 'msp-j', apiBaseUrl: baseUrl, tokenUrl: `${baseUrl}/oauth/token`, audience: `${baseUrl}/oauth/token`,
      algorithm: 'ES256', privateKeyPem: res.body.privateKeyPem,
    });
    credentialsFile = join(t.config.DATA_DIR, '..', `credentials-${res.body.keyId}.json`);
    writeFileSync(credentialsFile, JSON.stringify(credentials));

    const secretLine = credentials.privateKeyPem.split('\n')[2];
    const [generated] = await t.events(`apiKey-${credentials.keyId}`);
    expect(generated.data).toEqual({ keyId: credentials.keyId, mspId: 'msp-j', name: 'Splunk', algorithm: 'ES256', publicKey: expect.objectContaining({ kty: 'EC' }), thumbprint: res.body.thumbprint });
    expect(filesHolding(t.config.DATA_DIR, secretLine)).toEqual([]);

    const replay = await t.http().post('/api-keys').set('Authorization', `Bearer ${mspAdmin}`).set('Idempotency-Key', 'gen-1').send({ name: 'Splunk' }).expect(409);
    expect(replay.body.message).toMatch(/shown only once/);
    expect(JSON.stringify(replay.body)).not.toContain('PRIVATE KEY');
    expect(await t.events(`apiKey-${credentials.keyId}`)).toHaveLength(1);
  });

  it('lets the client pull the MSP log and a supervised organization’s feed with MSP redaction, from another API process', async () => {
    await t.query('/activity-log/msp', mspAdmin).expect(200); // the view has applied everything so far
    const msp = await client('--credentials', credentialsFile, 'pull', '/pull/msp');
    expect(msp.status).toBe(200);
    expect(msp.items.map((e: any) => e.eventType)).toEqual(['OrganizationCreated', 'MspApiKeyGenerated']);
    expect(msp.items.map((e: any) => e.summary)).toEqual([expect.stringMatching(/created organization 'Acme'$/), expect.stringMatching(/generated API key 'Splunk'$/)]);

    const feed = await client('--credentials', credentialsFile, 'pull', `/pull/organizations/${orgId}`);
    const created = feed.items.find((e: any) => e.eventType === 'ItemCreated');
    expect(created.item).toEqual({ id: expect.any(String), type: null, name: null });
    expect(JSON.stringify(feed.items)).not.toContain('Payroll');

    const foreign = await client('--credentials', credentialsFile, 'get', '/pull/organizations/01a232c1-0000-7000-8000-000000000000');
    expect(foreign.status).toBe(404);
  });

  it('refuses a replayed assertion in the other API process as well', async () => {
    const assertion = await assertionFor(credentials);
    await t.http().post('/oauth/token').type('form').send({ grant_type: JWT_BEARER, assertion }).expect(200);
    const res = await fetch(`${baseUrl}/oauth/token`, { method: 'POST', body: new URLSearchParams({ grant_type: JWT_BEARER, assertion }) });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'invalid_grant', error_description: "assertion was used before ('jti'): sign a new one for each token request" });
  });

  it('stops the key within a second of its revocation, everywhere', async () => {
    const polling = pollUntilRefused('/pull/msp', '--credentials', credentialsFile);
    await polling.ready;
    await t.command(`/api-keys/${credentials.keyId}/revoke`, mspAdmin);
    const revokedAt = Date.now();
    const { refusedAt, status, body } = await polling.refused;
    expect(status).toBe(401);
    expect(body.message).toMatch(/revoked/);
    expect(refusedAt - revokedAt).toBeLessThanOrEqual(1000);
    expect(await client('--credentials', credentialsFile, 'token')).toMatchObject({ status: 401, body: { error: 'invalid_grant', error_description: 'this key is revoked' } });
  });

  it('lists the MSP’s keys with status and last use, never a private half', async () => {
    const list = await t.query('/api-keys', mspAdmin).expect(200);
    expect(list.body).toEqual({
      items: [{
        id: credentials.keyId, name: 'Splunk', status: 'revoked', algorithm: 'ES256', thumbprint: expect.any(String), createdBy: 'mia',
        createdAt: expect.any(String), rotatedAt: null, revokedAt: expect.any(String), lastUsedAt: expect.any(String),
      }],
      nextCursor: null,
    });
  });

  it('lets an Activity Log token read its organization’s Business Activity Log, with its scope’s view, until revoked', async () => {
    const adminView = await t.http().post('/org/activity-log-tokens').set('Authorization', `Bearer ${orgOwner}`).send({ name: 'Sentinel' }).expect(201);
    expect(adminView.body).toMatchObject({ tokenId: adminView.body.id, scope: 'admin', token: expect.stringMatching(/^alt_[\w-]{43}$/) });
    const ownerView = (await t.command('/org/activity-log-tokens', orgOwner, { name: 'Owner SIEM', scope: 'owner' })).token;
    expect(filesHolding(t.config.DATA_DIR, adminView.body.token)).toEqual([]);

    const generic = await client('--base', baseUrl, '--bearer', adminView.body.token, 'pull', '/pull/business');
    expect(generic.status).toBe(200);
    expect(generic.items.find((e: any) => e.eventType === 'ItemCreated').item).toMatchObject({ type: null, name: null });
    const full = await client('--base', baseUrl, '--bearer', ownerView, 'pull', '/pull/business');
    expect(full.items.find((e: any) => e.eventType === 'ItemCreated').item).toMatchObject({ type: 'password', name: 'Payroll login' });
    expect(full.items.map((e: any) => e.eventType)).toContain('ActivityLogTokenCreated');
    expect((await client('--base', baseUrl, '--bearer', ownerView, 'get', '/pull/msp')).status).toBe(403);

    const polling = pollUntilRefused('/pull/business', '--base', baseUrl, '--bearer', adminView.body.token);
    await polling.ready;
    await t.command(`/org/activity-log-tokens/${adminView.body.id}/revoke`, orgOwner);
    const revokedAt = Date.now();
    const { refusedAt, status, body } = await polling.refused;
    expect([status, body.message]).toEqual([401, 'Activity Log token is revoked']);
    expect(refusedAt - revokedAt).toBeLessThanOrEqual(1000);
    expect((await client('--base', baseUrl, '--bearer', ownerView, 'get', '/pull/business')).status).toBe(200);
  });

  it('lists the organization’s tokens with scope and last use, never the token or its hash', async () => {
    const list = await t.query('/org/activity-log-tokens', orgOwner).expect(200);
    expect(list.body.items.map((i: any) => [i.name, i.scope, i.status, i.lastUsedAt !== null])).toEqual([
      ['Sentinel', 'admin', 'revoked', true],
      ['Owner SIEM', 'owner', 'active', true],
    ]);
    expect(Object.keys(list.body.items[0]).sort()).toEqual(['createdAt', 'createdBy', 'expiresAt', 'id', 'lastUsedAt', 'name', 'revokedAt', 'scope', 'status']);
  });
});
