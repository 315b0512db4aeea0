import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CARD_DIGITS, CARD_NUMBER_SPELLINGS } from '@app/domain/testing/card-number-spellings';
import { CLIENT_IP, mspPrincipal, orgPrincipal } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';

const CARD_MESSAGE = 'A full card number must never be sent or stored: keep only its last four digits';
const details = { billingEmail: 'billing@acme.example', country: 'US', companyName: 'Acme MSP Ltd', addressLines: ['1 Main Street'] };

/**
 * No full card number is ever stored, however it is spelled and wherever it is typed: every
 * spelling of the shared table is sent into organization names, billing details, item names and
 * reasons, and into token claims and headers; each answers 400 without echoing it, and afterwards
 * neither the event store nor the read store holds any of them, byte for byte.
 */
describe('card numbers over HTTP', () => {
  let t: TestApp;
  let mspOwner: string;
  let orgMember: string;
  let organizationId: string;
  let integrationId: string;
  let headBefore: bigint;

  beforeAll(async () => {
    t = await startTestApp();
    mspOwner = await t.token(mspPrincipal('msp_owner', 'msp-card'));
    organizationId = (await t.command('/organizations', mspOwner, { name: 'Acme' })).id;
    orgMember = await t.token(orgPrincipal('org_member', organizationId));
    integrationId = (await t.command('/integrations', mspOwner, {
      kind: 'splunk', name: 'SOC', settings: { url: 'https://splunk.example:8088', index: 'audit' }, secret: '3f9a1c77-0b6e-4d2a-9c41-5e8d7a60abcd',
    })).id;
    headBefore = await t.store.headPosition();
  });
  afterAll(() => t.close());

  const post = (path: string, token: string, body: object, headers: Record<string, string> = {}) => {
    const req = t.http().post(path).set('Authorization', `Bearer ${token}`).set('X-Forwarded-For', CLIENT_IP);
    for (const [name, value] of Object.entries(headers)) req.set(name, value);
    return req.send(body);
  };

  const oneValueTargets: [string, (text: string) => [string, () => string, object]][] = [
    ['an organization name', (s) => ['/organizations', () => mspOwner, { name: s }]],
    ['an organization rename', (s) => [`/organizations/${organizationId}/rename`, () => mspOwner, { name: s }]],
    ['a suspension reason', (s) => [`/organizations/${organizationId}/suspend`, () => mspOwner, { reason: s }]],
    ['a billing company name', (s) => ['/billing/details', () => mspOwner, { ...details, companyName: s }]],
    ['an item name', (s) => ['/vault/items', () => orgMember, { itemType: 'password', itemName: s }]],
    ['a disconnection reason', (s) => [`/integrations/${integrationId}/disconnect`, () => mspOwner, { reason: s }]],
  ];
  const oneValue = CARD_NUMBER_SPELLINGS.filter((s) => s.parts.length === 1);
  const split = CARD_NUMBER_SPELLINGS.filter((s) => s.parts.length > 1);

  describe.each(oneValueTargets)('typed into %s', (_target, build) => {
    it.each(oneValue.map((s) => [s.name, s.parts[0]]))('refuses %s with 400 naming the field, never echoing it', async (_name, text) => {
      const [path, token, body] = build(text);
      const res = await post(path, token(), body).expect(400);
      expect(res.body.message).toBe(CARD_MESSAGE);
      expect(Object.values(res.body.fields as Record<string, string[]>).flat()[0]).toMatch(/must not contain a card number$/);
      expect(JSON.stringify(res.body)).not.toMatch(/1111|4444|0005|9420/);
    });
  });

  it.each(split.map((s) => [s.name, s.parts]))('refuses a number %s: over address lines, and over two fields', async (_name, parts) => {
    const lines = await post('/billing/details', mspOwner, { ...details, addressLines: [...parts] }).expect(400);
    expect(Object.keys(lines.body.fields)).toEqual(parts.map((_p, i) => `addressLines.${i}`));
    const [first, ...rest] = parts;
    // companyName comes right before addressLines in this body, so the two fields are neighbours.
    const fields = await post('/billing/details', mspOwner, { ...details, companyName: `Acme ${first}`, addressLines: rest }).expect(400);
    expect(fields.body.fields).toMatchObject({ companyName: ['companyName must not contain a card number'] });
  });

  describe('in what the token and the headers carry', () => {
    it.each([
      ['the name claim', { name: 'Olga ４１１１ １１１１ １１１１ １１１１' }, 'metadata.actor.name'],
      ['the email claim', { email: `${CARD_DIGITS}@msp.example` }, 'metadata.actor.email'],
    ])('refuses a card number in %s (400, nothing written)', async (_where, claims, field) => {
      const token = await t.token(mspPrincipal('msp_owner', 'msp-card', claims));
      const res = await post('/organizations', token, { name: 'Fine' }).expect(400);
      expect(res.body).toMatchObject({ message: CARD_MESSAGE, fields: { [field]: [CARD_MESSAGE] } });
    });

    it('refuses one in the User-Agent', async () => {
      const res = await post('/organizations', mspOwner, { name: 'Fine' }, { 'User-Agent': 'panel/4111.1111.1111.1111' }).expect(400);
      expect(res.body.fields).toEqual({ 'metadata.client.userAgent': [CARD_MESSAGE] });
    });
  });

  it('has written nothing, and no store file holds any spelling of the number', async () => {
    expect(await t.store.headPosition()).toBe(headBefore);
    const files = readdirSync(t.config.DATA_DIR).map((name) => join(t.config.DATA_DIR, name));
    expect(files.some((f) => f.endsWith('events.sqlite'))).toBe(true);
    expect(files.some((f) => f.endsWith('read-models.sqlite'))).toBe(true);
    const needles = [CARD_DIGITS, '5555555555554444', '378282246310005', ...CARD_NUMBER_SPELLINGS.flatMap((s) => s.parts)]
      .filter((needle) => needle.replace(/\D/g, '').length >= 8 || needle.length >= 12);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const needle of needles) expect({ file, found: bytes.includes(Buffer.from(needle, 'utf8')) }).toEqual({ file, found: false });
    }
  });

  it('still accepts values that only look like card numbers', async () => {
    await post('/billing/details', mspOwner, { ...details, addressLines: ['Phone +1 (555) 123-4567', 'PO Box 4111 1111 1111 1112'] }).expect(201);
    await post('/organizations', mspOwner, { name: 'Acme 12345678901234567890' }).expect(201);
    await post('/vault/items', orgMember, { itemType: 'password', itemName: 'Router 198.51.100.7 since 2026-12-01' }).expect(201);
  });

  it('replaces a correlation id that holds a card number instead of storing it', async () => {
    const res = await post('/organizations', mspOwner, { name: 'Traced' }, { 'X-Correlation-ID': CARD_DIGITS }).expect(201);
    const [event] = await t.events(res.body.streamId);
    expect(event.metadata.correlationId).not.toBe(CARD_DIGITS);
    expect(event.metadata.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
