import { mspPrincipal } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';

/**
 * What the HTTP platform (NestJS 11 on Express 5) does to a request before any route sees it.
 * Express 5 parses query strings with the 'simple' parser (node:querystring): a value is a string
 * or a list of strings, never an object, so `?memberEmail[$ne]=x` can never become an operator
 * object on its way to a store; it is an unknown field and refused like one.
 */
describe('the HTTP platform', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp();
    token = await t.token(mspPrincipal('msp_owner', 'msp-q', { email: 'owner+q@msp-q.example' }));
    await t.command('/organizations', token, { name: 'Acme' });
  });
  afterAll(() => t.close());

  it('refuses a bracketed query key as an unknown field instead of nesting it into an object', async () => {
    const res = await t.http().get('/activity-log/msp?memberEmail[$ne]=x').set('Authorization', `Bearer ${token}`).expect(400);
    expect(res.body.fields).toEqual({ 'memberEmail[$ne]': ['property memberEmail[$ne] should not exist'] });
  });

  it('refuses a filter given twice rather than picking one of the values', async () => {
    const res = await t.http().get('/activity-log/msp?category=Billing&category=Settings').set('Authorization', `Bearer ${token}`).expect(400);
    expect(Object.keys(res.body.fields)).toEqual(['category']);
  });

  it('decodes percent-escapes in query values', async () => {
    const query = `memberEmail=${encodeURIComponent('owner+q@msp-q.example')}&minPosition=${t.lastPosition}`;
    const res = await t.http().get(`/activity-log/msp?${query}`).set('Authorization', `Bearer ${token}`).expect(200);
    expect(res.body.items.map((e: { eventType: string }) => e.eventType)).toEqual(['OrganizationCreated']);
  });
});
