import { INestApplicationContext } from '@nestjs/common';
import { request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import { ProjectorRegistry, presentForIntegration, rebuildView } from '@app/projections';
import { pseudonymOf, subjectKeyId } from '@app/privacy';
import { topicMessagesOf } from '@app/streams';
import { mspPrincipal, orgPrincipal, servicePrincipal } from './principals';
import { TestApp } from './test-app';

/** The person erased, and every spelling of her the issue names (email, name, IP; her user agent too). */
export const EVE = { email: 'Eve.Erasable@Acme.example', name: 'Eve Erasable', ip: '203.0.113.99', userAgent: 'EveBrowser/7.1 (erasure-e2e)' };
export const EVE_SPELLINGS = [EVE.email, EVE.email.toLowerCase(), EVE.email.toUpperCase(), EVE.name, EVE.name.toLowerCase(), EVE.ip, EVE.userAgent];

const OTHERS_IP = '198.51.100.7';
const SERVICE_IP = '192.0.2.10';

export interface Scenario {
  orgId: string;
  eveId: string;
  bobId: string;
  tokens: { mspOwner: string; mspAdmin: string; owner: string; eve: string; ownerAdmin: string };
  pseudonym: string;
}

/** Sends a command from `ip` (the client address the API records), failing on anything but 2xx. */
export async function send(t: TestApp, path: string, token: string, body: object | undefined, ip = OTHERS_IP, userAgent = 'e2e-panel') {
  const res = await t.http().post(path).set('Authorization', `Bearer ${token}`).set('X-Forwarded-For', ip).set('User-Agent', userAgent).send(body ?? {});
  if (res.status >= 300) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
  t.lastPosition = res.body.position;
  return res.body;
}

/**
 * A member who signed in, invited people, created and shared items, was shared with, and was then
 * removed: everything an erasure must reach. Eve's own requests come from her address and browser.
 */
export async function eveWorkedHere(t: TestApp): Promise<Scenario> {
  const mspOwner = await t.token(mspPrincipal('msp_owner', 'msp-e', { subject: 'oscar', email: 'oscar@msp-e.example', name: 'Oscar' }));
  const mspAdmin = await t.token(mspPrincipal('msp_admin', 'msp-e', { subject: 'adele', email: 'adele@msp-e.example', name: 'Adele' }));
  const orgId = (await send(t, '/organizations', mspAdmin, { name: 'Acme' })).id as string;
  const provisioning = await t.token(servicePrincipal({ orgId }, 'provisioning'));
  const ownerId = (await send(t, '/org/invitations', provisioning, { email: 'olivia@acme.example', role: 'org_owner', name: 'Olivia' })).id;
  const owner = await t.token(orgPrincipal('org_owner', orgId, { subject: ownerId, email: 'olivia@acme.example', name: 'Olivia' }));
  await send(t, `/org/invitations/${ownerId}/accept`, owner, undefined);

  const eveId = (await send(t, '/org/invitations', owner, { email: EVE.email, role: 'org_admin', name: EVE.name })).id as string;
  const eve = await t.token(orgPrincipal('org_admin', orgId, { subject: eveId, email: EVE.email, name: EVE.name }));
  const asEve = (path: string, body?: object) => send(t, path, eve, body, EVE.ip, EVE.userAgent);
  await asEve(`/org/invitations/${eveId}/accept`);
  const signIn = await t.token(servicePrincipal({ orgId }, 'sign-in-service'));
  await send(t, `/org/members/${eveId}/sign-ins`, signIn, { email: EVE.email, ip: EVE.ip, userAgent: EVE.userAgent }, SERVICE_IP, 'sign-in-service');
  await asEve(`/org/members/${eveId}/vault-access`, {});

  const bobId = (await asEve('/org/invitations', { email: 'bob@acme.example', role: 'org_member', name: 'Bob' })).id as string;
  const bob = await t.token(orgPrincipal('org_member', orgId, { subject: bobId, email: 'bob@acme.example', name: 'Bob' }));
  await send(t, `/org/invitations/${bobId}/accept`, bob, undefined);

  const folderId = (await asEve('/vault/folders', { folderName: 'Finance' })).id;
  const payroll = (await asEve('/vault/items', { itemType: 'password', itemName: 'Payroll', folderId })).id;
  await asEve(`/vault/items/${payroll}/share`, { principal: { type: 'member', id: bobId, displayName: 'Bob' }, rights: 'view' });
  await asEve(`/vault/items/${payroll}/use`, { usage: 'copied' });
  const router = (await send(t, '/vault/items', owner, { itemType: 'password', itemName: 'Router' })).id;
  await send(t, `/vault/items/${router}/share`, owner, { principal: { type: 'member', id: eveId, displayName: EVE.name }, rights: 'edit' });
  await send(t, `/vault/items/${payroll}/use`, bob, { usage: "viewed" });
  await send(t, `/org/members/${eveId}/remove`, owner, undefined);

  const ownerAdmin = await t.token(orgPrincipal('org_admin', orgId, { subject: 'ada', name: 'Ada' }));
  return { orgId, eveId, bobId, tokens: { mspOwner, mspAdmin, owner, eve, ownerAdmin }, pseudonym: pseudonymOf(subjectKeyId({ scope: `org:${orgId}`, memberId: eveId })) };
}

/** Every answer a reader can get about the organization: logs, feed, hub, exports, rosters, the Kafka MSP topic and a SIEM push. */
export async function everyView(t: TestApp, s: Scenario): Promise<Record<string, unknown>> {
  const get = async (path: string, token: string, query: Record<string, string> = {}) => {
    const res = await t.query(path, token, query).buffer(true);
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${res.text}`);
    return res.headers['content-type']?.includes('json') && !path.endsWith('/export') ? res.body : res.text;
  };
  const business = await get('/activity-log/business', s.tokens.owner, { limit: '500' });
  const hub = await get('/sharing-hub', s.tokens.owner);
  const hubDetails = [];
  for (const record of hub.items as { id: string; kind: string }[]) hubDetails.push(await get(`/sharing-hub/items/${record.id}`, s.tokens.owner, { kind: record.kind }));
  const events = await t.store.readAll();
  const reveal = await t.personalData.revealerFor(events);
  const kafka = topicMessagesOf(events, 'p', reveal).map((topic) => ({ topic: topic.topic, values: topic.messages.map((m) => String(m.value)) }));
  const siem = events.map((e) => presentForIntegration({ type: 'msp', mspId: 'msp-e' }, e, reveal)).filter(Boolean);
  return {
    business: business.items,
    feed: (await get(`/organizations/${s.orgId}/feed`, s.tokens.mspAdmin, { limit: '500' })).items,
    mspLog: (await get('/activity-log/msp', s.tokens.mspOwner, { limit: '500' })).items,
    hub: hub.items,
    hubDetails,
    csv: await get('/activity-log/business/export', s.tokens.owner, { format: 'csv' }),
    jsonl: await get(`/organizations/${s.orgId}/feed/export`, s.tokens.mspAdmin, { format: 'jsonl' }),
    live: await liveReplay(t, '/activity-log/business/live?after=0', s.tokens.owner, business.items.length),
    roster: (await get('/org/members', s.tokens.owner)).items,
    pullBusiness: await pulled(t, '/pull/business', s.tokens.owner),
    pullFeed: await pulled(t, `/pull/organizations/${s.orgId}`, s.tokens.mspAdmin),
    kafkaMspTopic: kafka.filter((topic) => topic.topic.includes('msp-e')),
    siem,
  };
}

/** Everything the pull API hands a poller (read after the views caught up, since it serves what they applied). */
async function pulled(t: TestApp, path: string, token: string): Promise<unknown[]> {
  const res = await t.http().get(path).set('Authorization', `Bearer ${token}`).query({ limit: 1000 });
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${res.text}`);
  return res.body.items;
}

/** The business log's live tail from the start: the first `count` entries it sends. */
async function liveReplay(t: TestApp, path: string, token: string, count: number): Promise<unknown[]> {
  const server = t.app.getHttpServer();
  if (!server.listening) await t.app.listen(0, '127.0.0.1');
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: { Accept: 'text/event-stream', Authorization: `Bearer ${token}` } });
    const timer = setTimeout(() => (req.destroy(), reject(new Error(`live tail: fewer than ${count} entries`))), 10_000);
    req.on('error', reject);
    req.on('response', (res) => {
      let buffer = '';
      const entries: unknown[] = [];
      res.setEncoding('utf8').on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const data = buffer.slice(0, end).split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('');
          buffer = buffer.slice(end + 2);
          if (data) entries.push(JSON.parse(data));
        }
        if (entries.length >= count) {
          clearTimeout(timer);
          res.destroy();
          resolve(entries.slice(0, count));
        }
      });
    });
    req.end();
  });
}

/** What every view must become: each of Eve's values replaced by her pseudonym, and nothing else changed. */
export function withPseudonym(views: unknown, pseudonym: string): unknown {
  let text = JSON.stringify(views);
  for (const value of [EVE.email, EVE.name, EVE.ip, EVE.userAgent]) text = text.split(JSON.stringify(value).slice(1, -1)).join(pseudonym);
  return JSON.parse(text);
}

/** The views without the erasure's own line (the one thing an erasure adds to them). */
export function withoutErasureLine(views: Record<string, unknown>): Record<string, unknown> {
  const drop = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.filter((item) => !(isLine(item) && JSON.stringify(item).includes('PersonalDataErased'))).map(drop);
    if (typeof value === 'string') return value.split('\n').filter((line) => !line.includes('PersonalDataErased')).join('\n');
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, drop(v)]));
    return value;
  };
  return drop(views) as Record<string, unknown>;
}

/** A line of a log, a message or a pushed record: a string or an entry, not a list of them. */
const isLine = (item: unknown) => typeof item === 'string' || (typeof item === 'object' && item !== null && 'eventType' in item);

/** Rebuilds every view from the event store, as `cli rebuild` does. */
export async function rebuildEveryView(t: TestApp, projectingApp: INestApplicationContext = t.app): Promise<void> {
  for (const projector of projectingApp.get(ProjectorRegistry).all) await rebuildView(t.store, projector);
}

/** The spellings of Eve found in `bytes` (a store file, or a collection's documents). */
export function spellingsIn(bytes: Buffer): string[] {
  return EVE_SPELLINGS.filter((spelling) => bytes.includes(Buffer.from(spelling, 'utf8')) || bytes.includes(Buffer.from(spelling, 'utf16le')));
}
