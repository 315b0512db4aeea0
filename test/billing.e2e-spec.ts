import { v7 as uuidv7 } from 'uuid';
import { CLIENT_IP, mspPrincipal, orgPrincipal, servicePrincipal } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';

const details = { companyName: 'Acme MSP Ltd', billingEmail: 'billing@acme.example', addressLines: ['1 Main Street', 'Springfield'], country: 'US' };
const year = new Date().getUTCFullYear();
const visa = { brand: 'visa', last4: '4242', expMonth: 12, expYear: year + 3, providerToken: 'pm_visa_1' };
const amex = { brand: 'amex', last4: '0005', expMonth: 1, expYear: year + 2, providerToken: 'pm_amex_1' };

describe('Billing over HTTP', () => {
  let t: TestApp;
  let counter = 0;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** Billing is one account per MSP: each test gets an MSP of its own. */
  const freshMsp = async () => {
    const mspId = `msp-${++counter}`;
    const owner = await t.token(mspPrincipal('msp_owner', mspId, { subject: `owner-${mspId}`, email: `owner@${mspId}.example`, name: 'Olive Owner' }));
    return { mspId, owner, stream: `billing-${mspId}` };
  };
  const post = (path: string, token?: string, body: object = {}) => {
    const req = t.http().post(path).set('X-Forwarded-For', CLIENT_IP).set('User-Agent', 'e2e-panel');
    return (token ? req.set('Authorization', `Bearer ${token}`) : req).send(body);
  };
  const withDetails = async () => {
    const msp = await freshMsp();
    await post('/billing/details', msp.owner, details).expect(201);
    return msp;
  };
  const addCard = async (token: string, card: object) => (await post('/billing/cards', token, card).expect(201)).body.cardId as string;

  describe('billing details', () => {
    it('answers 201 with the event ids and position, and records actor, tenant and client', async () => {
      const { mspId, owner, stream } = await freshMsp();
      const res = await post('/billing/details', owner, { ...details, vatId: 'DE123456789' }).expect(201);
      expect(res.body).toMatchObject({ id: mspId, streamId: stream, revision: '0' });
      expect(res.body.position).toMatch(/^\d+$/);
      const [event] = await t.events(stream);
      expect(event).toMatchObject({
        id: res.body.eventIds[0],
        type: 'BillingDetailsAdded',
        data: { mspId, ...details, vatId: 'DE123456789' },
        metadata: {
          actor: { type: 'member', id: `owner-${mspId}`, email: `owner@${mspId}.example`, name: 'Olive Owner', role: 'msp_owner' },
          tenant: { mspId },
          client: { ip: CLIENT_IP, userAgent: 'e2e-panel' },
        },
      });
      expect(event.position.toString()).toBe(res.body.position);
    });

    it('answers 409 when details already exist', async () => {
      const { owner } = await withDetails();
      const res = await post('/billing/details', owner, details).expect(409);
      expect(res.body.message).toBe('Billing details already exist; change them instead');
    });

    it('records each changed field with its previous and new value', async () => {
      const { mspId, owner, stream } = await withDetails();
      const res = await post('/billing/details/change', owner, { companyName: 'Acme MSP Inc', billingEmail: details.billingEmail, vatId: 'US1' }).expect(200);
      const [, changed] = await t.events(stream);
      expect(changed).toMatchObject({ id: res.body.eventIds[0], type: 'BillingDetailsChanged', metadata: { tenant: { mspId }, client: { ip: CLIENT_IP } } });
      expect(changed.data).toEqual({
        mspId,
        companyName: 'Acme MSP Inc',
        changes: [
          { field: 'companyName', previousValue: 'Acme MSP Ltd', newValue: 'Acme MSP Inc' },
          { field: 'vatId', previousValue: null, newValue: 'US1' },
        ],
      });
      await post('/billing/details/change', owner, { vatId: null }).expect(200);
      expect((await post('/billing/details/change', owner, { companyName: 'Acme MSP Inc' }).expect(409)).body.message)
        .toBe('The billing details already hold these values');
    });

    it('answers 404 when changing details that were never added', async () => {
      const { owner } = await freshMsp();
      await post('/billing/details/change', owner, { companyName: 'X' }).expect(404);
    });

    it('answers 400 with field messages for bad input', async () => {
      const { owner } = await freshMsp();
      expect((await post('/billing/details', owner, { ...details, billingEmail: 'nope' }).expect(400)).body.fields.billingEmail).toBeDefined();
      expect((await post('/billing/details', owner, { ...details, country: 'USA' }).expect(400)).body.fields.country).toBeDefined();
      expect((await post('/billing/details', owner, { ...details, addressLines: [] }).expect(400)).body.fields.addressLines).toBeDefined();
      await post('/billing/details', owner, {}).expect(400);
      const { owner: other } = await withDetails();
      expect((await post('/billing/details/change', other, { companyName: null }).expect(400)).body.fields.companyName).toBeDefined();
    });

    it('refuses a forged tenant in the body as an unknown field, and writes nothing', async () => {
      const { owner } = await freshMsp();
      const before = await t.store.headPosition();
      const res = await post('/billing/details', owner, { ...details, mspId: 'msp-other' }).expect(400);
      expect(res.body.fields.mspId).toEqual(['property mspId should not exist']);
      expect(await t.store.headPosition()).toBe(before);
    });

    it('answers 401 without a token and 403 to every role but the MSP owner', async () => {
      const { mspId } = await freshMsp();
      await post('/billing/details', undefined, details).expect(401);
      for (const principal of [
        mspPrincipal('msp_admin', mspId), mspPrincipal('msp_member', mspId), orgPrincipal('org_owner', 'org-z'), servicePrincipal({ mspId }),
      ]) {
        await post('/billing/details', await t.token(principal), details).expect(403);
        await post('/billing/details/change', await t.token(principal), { companyName: 'X' }).expect(403);
        await post('/billing/cards', await t.token(principal), visa).expect(403);
      }
    });
  });

  describe('never a full card number', () => {
    it.each([
      ['addressLines', { ...details, addressLines: ['1 Main Street', 'PAN 4111 1111 1111 1111'] }, 'addressLines.1'],
      ['companyName', { ...details, companyName: 'Acme 4111-1111-1111-1111' }, 'companyName'],
    ])('answers 400 naming %s, echoes nothing and writes nothing', async (_field, body, path) => {
      const { owner, stream } = await freshMsp();
      const res = await post('/billing/details', owner, body).expect(400);
      expect(res.body.fields).toEqual({ [path]: [`${path} must not contain a card number`] });
      expect(JSON.stringify(res.body)).not.toMatch(/4111/);
      expect(await t.events(stream)).toHaveLength(0);
    });

    it('checks every billing route, and refuses a card number field outright', async () => {
      const { owner, stream } = await withDetails();
      await post('/billing/details/change', owner, { addressLines: ['4111111111111111'] }).expect(400);
      await post('/billing/cards', owner, { ...visa, providerToken: '4111111111111111' }).expect(400);
      const numbered = await post('/billing/cards', owner, { ...visa, number: '4111111111111111' }).expect(400);
      expect(JSON.stringify(numbered.body)).not.toMatch(/4111/);
      await post('/billing/cards', owner, { ...visa, last4: '41111' }).expect(400);
      expect(await t.events(stream)).toHaveLength(1);
    });

    it('does not mistake card ids in the path for card numbers', async () => {
      const { owner } = await withDetails();
      await addCard(owner, visa);
      // Both are valid UUIDs whose digit groups form a Luhn-valid run.
      for (const cardId of ['48420868-5172-7843-8807-789243269111', '53862282-7601-7222-8407-322388757403']) {
        await post(`/billing/cards/${cardId}/make-default`, owner).expect(404);
      }
    });

    it('accepts digits that are not a card number', async () => {
      const { owner } = await freshMsp();
      await post('/billing/details', owner, { ...details, addressLines: ['Phone +1 (555) 123-4567', 'PO Box 4111 1111 1111 1112'] }).expect(201);
    });
  });

  describe('credit cards', () => {
    it('adds cards (the first is the default), switches the default and removes the former one', async () => {
      const { mspId, owner, stream } = await withDetails();
      const first = await post('/billing/cards', owner, visa).expect(201);
      const visaId = first.body.cardId;
      expect(first.body).toMatchObject({ id: mspId, streamId: stream, revision: '1' });
      const amexId = await addCard(owner, amex);
      const switched = await post(`/billing/cards/${amexId}/make-default`, owner).expect(200);
      const removed = await post(`/billing/cards/${visaId}/remove`, owner).expect(200);
      const [, visaAdded, amexAdded, defaultChanged, cardRemoved] = await t.events(stream);
      const metadata = { actor: { id: `owner-${mspId}`, role: 'msp_owner' }, tenant: { mspId }, client: { ip: CLIENT_IP } };
      expect(visaAdded).toMatchObject({ id: first.body.eventIds[0], type: 'CreditCardAdded', data: { mspId, cardId: visaId, ...visa, isDefault: true }, metadata });
      expect(amexAdded).toMatchObject({ type: 'CreditCardAdded', data: { cardId: amexId, isDefault: false } });
      expect(defaultChanged).toMatchObject({
        id: switched.body.eventIds[0],
        type: 'DefaultCreditCardChanged',
        data: { mspId, previousCard: { cardId: visaId, brand: 'visa', last4: '4242' }, newCard: { cardId: amexId, brand: 'amex', last4: '0005' } },
        metadata,
      });
      expect(cardRemoved).toMatchObject({ id: removed.body.eventIds[0], type: 'CreditCardRemoved', data: { mspId, cardId: visaId, brand: 'visa', last4: '4242' }, metadata });
    });

    it('answers 409 when removing the default card while others exist, or making the default the default', async () => {
      const { owner } = await withDetails();
      const visaId = await addCard(owner, visa);
      await addCard(owner, amex);
      expect((await post(`/billing/cards/${visaId}/remove`, owner).expect(409)).body.message)
        .toBe('visa ending 4242 is the default card; make another card the default first');
      await post(`/billing/cards/${visaId}/make-default`, owner).expect(409);
    });

    it('answers 400 naming the field for an expired card or bad card fields', async () => {
      const { owner } = await withDetails();
      const expired = await post('/billing/cards', owner, { ...visa, expYear: year - 1 }).expect(400);
      expect(expired.body.fields).toEqual({ expYear: ['The card has expired'] });
      expect((await post('/billing/cards', owner, { ...visa, brand: 'acme' }).expect(400)).body.fields.brand).toBeDefined();
      expect((await post('/billing/cards', owner, { ...visa, expMonth: 13 }).expect(400)).body.fields.expMonth).toBeDefined();
    });

    it('answers 404 for an unknown card, another MSP’s card, or before billing details exist', async () => {
      const a = await withDetails();
      const b = await withDetails();
      const cardId = await addCard(a.owner, visa);
      await post(`/billing/cards/${uuidv7()}/remove`, a.owner).expect(404);
      await post(`/billing/cards/${cardId}/remove`, b.owner).expect(404);
      await post(`/billing/cards/${cardId}/make-default`, b.owner).expect(404);
      await post('/billing/cards/not-a-uuid/remove', a.owner).expect(400);
      const fresh = await freshMsp();
      await post('/billing/cards', fresh.owner, visa).expect(404);
      expect(await t.events(a.stream)).toHaveLength(2);
    });

    it('answers 401 and 403 on card routes', async () => {
      const { mspId, owner } = await withDetails();
      const cardId = await addCard(owner, visa);
      await post(`/billing/cards/${cardId}/remove`, undefined).expect(401);
      const admin = await t.token(mspPrincipal('msp_admin', mspId));
      await post(`/billing/cards/${cardId}/remove`, admin).expect(403);
      await post(`/billing/cards/${cardId}/make-default`, admin).expect(403);
    });
  });

  it('serves the OpenAPI document with request and response schemas', async () => {
    const res = await t.http().get('/openapi.json').expect(200);
    const cards = res.body.paths['/billing/cards'].post;
    expect(cards.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/AddCreditCardDto');
    expect(cards.responses['201'].content['application/json'].schema.$ref).toBe('#/components/schemas/AddCreditCardResultDto');
    expect(res.body.components.schemas.AddCreditCardResultDto.required).toEqual(expect.arrayContaining(['cardId', 'position']));
    expect(res.body.paths['/billing/details/change'].post.requestBody.content['application/json'].schema.$ref)
      .toBe('#/components/schemas/ChangeBillingDetailsDto');
  });
});
