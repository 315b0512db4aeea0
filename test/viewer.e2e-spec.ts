import { readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Browser, describeWithChromium, launchChromium, SCREENSHOTS } from './support/chromium';
import { mspPrincipal, orgPrincipal, servicePrincipal } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

/**
 * The viewer page in a real headless Chromium: signing in, the logs with their filters, paging,
 * the CSV export and live updates, as an MSP owner and as an organization admin.
 */
describeWithChromium('The viewer page in Chromium', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  const tokens: Record<string, string> = {};
  let orgX: string;
  let orgY: string;
  let itemId: string;
  const problems: string[] = [];

  const post = <T = any>(path: string, token: string, body?: object) => t.command<T>(path, token, body);

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;

    const signUp = await t.token(servicePrincipal({ mspId: 'msp-a' }, 'sign-up-service'));
    await post('/msp', signUp, { name: 'MSP A', ownerMemberId: 'olive', ownerEmail: 'olive@msp-a.example', ownerName: 'Olive Owner' });
    tokens.mspOwner = await t.token(mspPrincipal('msp_owner', 'msp-a', { subject: 'olive', email: 'olive@msp-a.example', name: 'Olive Owner' }));
    const adam = await post('/msp/invitations', tokens.mspOwner, { email: 'adam@msp-a.example', role: 'msp_admin', name: 'Adam Admin' });
    tokens.mspAdmin = await t.token(mspPrincipal('msp_admin', 'msp-a', { subject: adam.id, email: 'adam@msp-a.example', name: 'Adam Admin' }));
    await post(`/msp/invitations/${adam.id}/accept`, tokens.mspAdmin);
    orgX = (await post('/organizations', tokens.mspAdmin, { name: 'Org X' })).id;
    orgY = (await post('/organizations', tokens.mspOwner, { name: 'Org Y' })).id;
    for (let i = 1; i <= 12; i++) await post(`/organizations/${orgX}/rename`, tokens.mspAdmin, { name: `Org X ${i}` });
    await post('/settings', tokens.mspOwner, { key: 'sessionTimeoutMinutes', value: 45 });

    const provisioning = await t.token(servicePrincipal({ orgId: orgY }, 'provisioning'));
    const owen = await post('/org/invitations', provisioning, { email: 'owen@org-y.example', role: 'org_owner' });
    tokens.orgOwner = await t.token(orgPrincipal('org_owner', orgY, { subject: owen.id, email: 'owen@org-y.example', name: 'Owen Owner' }));
    await post(`/org/invitations/${owen.id}/accept`, tokens.orgOwner);
    const ada = await post('/org/invitations', tokens.orgOwner, { email: 'ada@org-y.example', role: 'org_admin' });
    tokens.orgAdmin = await t.token(orgPrincipal('org_admin', orgY, { subject: ada.id, email: 'ada@org-y.example', name: 'Ada Admin' }));
    await post(`/org/invitations/${ada.id}/accept`, tokens.orgAdmin);
    const ann = await post('/org/invitations', tokens.orgOwner, { email: 'ann@org-y.example', role: 'org_member' });
    tokens.ann = await t.token(orgPrincipal('org_member', orgY, { subject: ann.id, email: 'ann@org-y.example', name: 'Ann Member' }));
    await post(`/org/invitations/${ann.id}/accept`, tokens.ann);
    itemId = (await post('/vault/items', tokens.ann, { itemType: 'password', itemName: 'Bank login' })).id;
    await post(`/vault/items/${itemId}/share`, tokens.ann, { principal: { type: 'member', id: ada.id, displayName: 'Ada Admin' }, rights: 'view' });
    await post(`/vault/items/${itemId}/use`, tokens.ann, { usage: 'copied' });
    await post('/vault/items', tokens.ann, { itemType: 'secure_note', itemName: 'Alarm code' });
    await t.query('/activity-log/business', tokens.orgOwner).expect(200);

    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A fresh tab (its own session storage) that records script errors and refused resources. */
  async function newTab(): Promise<Page> {
    const page = await browser.context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !/status of 401/.test(message.text())) problems.push(`console: ${message.text()}`);
    });
    page.on('response', (res) => {
      if (res.status() >= 400 && res.status() !== 401) problems.push(`${res.status()} for ${res.url()}`);
    });
    return page;
  }

  const rows = (page: Page) => page.locator('table.entries tbody tr');
  const column = (page: Page, name: string) => page.locator(`table.entries tbody td[data-column="${name}"]`).allTextContents();
  const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

  async function exported(page: Page): Promise<{ name: string; csv: string }> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    return { name: download.suggestedFilename(), csv: readFileSync((await download.path())!, 'utf8') };
  }

  it('signs an MSP owner in with a pasted token, filters, pages, exports and shows a live entry', async () => {
    const page = await newTab();
    await page.goto(`${base}/`);
    await page.getByLabel('Bearer token').fill(tokens.mspOwner);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('heading', { level: 2, name: 'MSP Activity Log' }).waitFor();
    await page.getByText('Signed in as Olive Owner · msp owner').waitFor();
    await page.getByRole('combobox', { name: 'Rows per page' }).selectOption('10');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('MSP Activity Log, page 1: 10 entries').waitFor();
    expect((await column(page, 'Activity'))[0]).toMatch(/changed setting|sessionTimeoutMinutes|45/i);
    expect((await column(page, 'Action')).slice(1, 4)).toEqual(['Renamed organization', 'Renamed organization', 'Renamed organization']);
    expect(await page.locator('thead th').allTextContents()).toEqual(['Time', 'Member', 'Action', 'Activity', 'Organization', 'Category', 'IP address']);
    await shot(page, 'msp-owner-activity-log');

    await page.getByRole('button', { name: 'Older entries →' }).click();
    await page.getByText(/MSP Activity Log, page 2: \d+ entries/).waitFor();
    const second = await column(page, 'Activity');
    expect(second.at(-1)).toMatch(/Olive Owner created the MSP account|MSP A/);
    await page.getByRole('button', { name: '← Newer entries' }).click();
    await page.getByText('MSP Activity Log, page 1: 10 entries').waitFor();

    await page.getByRole('combobox', { name: 'Category' }).selectOption('Settings');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('MSP Activity Log, page 1: 1 entries').waitFor();
    expect(await column(page, 'Category')).toEqual(['Settings']);
    await page.getByRole('combobox', { name: 'Category' }).selectOption('');
    await page.getByLabel('Member email').fill('adam@msp-a.example');
    await page.getByRole('combobox', { name: 'Organization' }).selectOption({ label: 'Org X 12 (created)' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('MSP Activity Log, page 1: 10 entries').waitFor();
    expect(new Set(await column(page, 'Member'))).toEqual(new Set(['Adam Adminadam@msp-a.example']));
    expect(new Set(await column(page, 'Organization'))).toEqual(new Set(['Org X 12']));
    await shot(page, 'msp-owner-filtered');

    const { name, csv } = await exported(page);
    expect(name).toMatch(/^msp-activity-.*\.csv$/);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toMatch(/^occurredAt,category,action,summary/);
    expect(lines).toHaveLength(1 + 13);
    expect(csv).not.toContain('sessionTimeoutMinutes');

    await page.getByLabel('Member email').fill('');
    await page.getByRole('combobox', { name: 'Organization' }).selectOption('');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('Live: new entries appear at the top').waitFor();
    await post(`/organizations/${orgX}/rename`, tokens.mspAdmin, { name: 'Renamed live' });
    const fresh = page.locator('table.entries tbody tr.fresh');
    await fresh.first().waitFor();
    expect(await fresh.first().locator('td[data-column="Activity"]').textContent()).toMatch(/Renamed live/);
    expect(await rows(page).first().getAttribute('class')).toBe('fresh');
    await shot(page, 'msp-owner-live-entry');

    await page.getByRole('button', { name: 'Organization feed' }).click();
    await page.getByRole('heading', { level: 2, name: 'Organization feed' }).waitFor();
    await page.getByRole('combobox', { name: 'Organization' }).selectOption({ label: 'Org Y (created)' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    // The count line of the first organization's feed is already shown: wait for Org Y's entries.
    await page.locator('td[data-column="Activity"]').getByText(/an item/).first().waitFor();
    const feed = (await column(page, 'Activity')).join('\n');
    expect(feed).toMatch(/an item/);
    expect(feed).not.toContain('Bank login');
    await page.close();
  });

  it('signs an organization admin in from a link, shows redacted entries and the Sharing Hub, exports and goes live', async () => {
    const page = await newTab();
    await page.goto(`${base}/#token=${tokens.orgAdmin}`);
    await page.getByRole('heading', { level: 2, name: 'Business Activity Log' }).waitFor();
    expect(page.url()).toBe(`${base}/`);
    await page.getByText(/Business Activity Log, page 1: \d+ entries/).waitFor();
    const page1 = await page.locator('table.entries').textContent();
    expect(page1).toContain(itemId);
    expect(page1).not.toMatch(/Bank login|Alarm code/);
    expect(await page.locator('thead th').allTextContents()).toEqual(['Time', 'Member', 'Action', 'Activity', 'Item', 'IP address']);
    await shot(page, 'org-admin-business-log');

    await page.getByRole('combobox', { name: 'Member' }).selectOption({ label: 'Ann Member — ann@org-y.example (active)' });
    await page.getByLabel('Item ID').fill(itemId);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('Business Activity Log, page 1: 3 entries').waitFor();
    expect(await column(page, 'Action')).toEqual(['Used item', 'Shared item', 'Created item']);

    const { csv } = await exported(page);
    expect(csv.trim().split('\r\n')).toHaveLength(1 + 3);
    expect(csv).toContain(itemId);
    expect(csv).not.toContain('Bank login');

    await page.getByText('Live: new entries appear at the top').waitFor();
    await post(`/vault/items/${itemId}/use`, tokens.ann, { usage: 'autofilled' });
    await page.locator('table.entries tbody tr.fresh').first().waitFor();
    expect(await rows(page).count()).toBe(4);
    expect(await page.locator('table.entries').textContent()).not.toContain('Bank login');
    await shot(page, 'org-admin-live-entry');

    await page.getByRole('button', { name: 'Sharing Hub' }).click();
    await page.getByRole('heading', { level: 2, name: 'Sharing Hub' }).waitFor();
    await page.getByText('Sharing Hub, page 1: 2 items and folders').waitFor();
    const hub = await page.locator('table.hub').textContent();
    expect(hub).toContain('an item (details hidden)');
    expect(hub).toContain('Ada Admin');
    expect(hub).not.toMatch(/Bank login|Alarm code|password|secure note/);
    await page.locator(`tr[data-record-id="${itemId}"]`).getByRole('button', { name: 'Show history' }).click();
    await page.locator('tr.history-row').getByText(/shared by/).waitFor();
    await shot(page, 'org-admin-sharing-hub');
    await page.close();
  });

  it('shows an owner what the API shows owners: item names, in the log and the Sharing Hub', async () => {
    const page = await newTab();
    await page.goto(`${base}/`);
    await page.getByLabel('Bearer token').fill(tokens.orgOwner);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(/Business Activity Log, page 1: \d+ entries/).waitFor();
    expect(await page.locator('table.entries').textContent()).toContain('Bank login');
    await page.getByRole('button', { name: 'Sharing Hub' }).click();
    await page.getByText('Sharing Hub, page 1: 2 items and folders').waitFor();
    const hub = await page.locator('table.hub').textContent();
    expect(hub).toContain('Bank login');
    expect(hub).toContain('Alarm code');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.close();
  });

  it('refuses a bad token with the API’s reason and keeps the user on the sign-in form', async () => {
    const page = await newTab();
    await page.goto(`${base}/`);
    await page.getByLabel('Bearer token').fill('not-a-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'not a bearer token' }).waitFor();
    const [header, , signature] = tokens.mspOwner.split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ sub: 'x', role: 'msp_owner', mspId: 'msp-a' })).toString('base64url')}.${signature}`;
    await page.getByLabel('Bearer token').fill(forged);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: /token signature is invalid/ }).waitFor();
    await shot(page, 'sign-in-refused');
    await page.close();
  });

  it('ran without script errors or refused resources', () => {
    expect(problems).toEqual([]);
  });
});
