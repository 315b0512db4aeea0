import { startTestApp, TestApp } from './support/test-app';

describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('sends helmet’s headers and no X-Powered-By', async () => {
    const res = await t.http().get('/health').expect(200);
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
      'strict-transport-security': expect.stringContaining('max-age='),
      'content-security-policy': expect.stringContaining("default-src 'none'"),
    });
    const refused = await t.http().post('/organizations').send({}).expect(401);
    expect(refused.headers['x-powered-by']).toBeUndefined();
  });

  it('lets the OpenAPI page load its own scripts, styles and images', async () => {
    const page = await t.http().get('/docs').redirects(1).expect(200);
    const csp = page.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("img-src 'self' data:");
    expect(page.text).not.toMatch(/<script>(?!\s*<\/script>)/); // no inline script the policy would block
    for (const asset of page.text.match(/(?:src|href)="\.\/docs\/[^"]+"/g) ?? []) {
      await t.http().get(`/docs/${asset.split('/').pop()!.replace(/"$/, '')}`).expect(200);
    }
    await t.http().get('/openapi.json').expect(200);
  });
});
