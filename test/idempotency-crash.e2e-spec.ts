import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@app/config';
import { RecordedEvent, SqliteEventStore } from '@app/event-store';
import { DEFAULT_MASTER_KEY_FILE, KeyRing, readMasterKeyFile } from '@app/crypto';
import { SqliteKeyStore } from '@app/privacy';
import { privacyParts } from '@app/privacy/testing/privacy.testing';
import { mintToken, Principal } from '@app/auth';
import { ApiProcess, freePort, startApiProcess } from './support/api-process';

const SECRET = 'crash-test-secret-that-is-long-enough-for-hs256';

interface Sent {
  key: string;
  path: string;
  token: string;
  /** Undefined: sent without a body (Express 5 then has no req.body at all). */
  body?: object;
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
  replayed: boolean;
}

/**
 * Issue 10 #10: a burst of keyed commands, the API killed (SIGKILL) in the middle of it, then every
 * key retried on a fresh process over the same data. Each key must answer its original result (if
 * its events were committed) or run now (if they were not): none may stay "in progress" (409), and
 * nothing may be written twice.
 */
describe('Idempotency-Key across a crash (SIGKILL of the API in a burst)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'idempotency-crash-'));
  const config = loadConfig({ DATA_DIR: dir, AUTH_JWT_SECRET: SECRET, LOG_LEVEL: 'silent' });
  let api: ApiProcess | undefined;
  let url: string;

  afterAll(async () => {
    await api?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  async function boot(): Promise<void> {
    const port = await freePort();
    api = startApiProcess({ DATA_DIR: dir, PORT: String(port), AUTH_JWT_SECRET: SECRET, LOG_LEVEL: 'info' }); // 'API listening' is an info line
    const output = await api.output(/API listening/);
    if (!/API listening/.test(output)) throw new Error(`the API did not start:\n${output}`);
    url = `http://127.0.0.1:${port}`;
  }

  async function send({ key, path, token, body }: Sent): Promise<Answer> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'idempotency-key': key };
    if (body) headers['content-type'] = 'application/json';
    const res = await fetch(url + path, { method: 'POST', headers, body: body && JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown>, replayed: res.headers.get('idempotent-replayed') === 'true' };
  }

  const token = (principal: Principal) => mintToken(config, principal);

  it('answers every key with its first result or runs it once: none stuck, nothing twice', async () => {
    await boot();
    const admin = await token({ subject: 'adam', role: 'msp_admin', mspId: 'msp-c', email: 'adam@msp-c.example' });
    let setups = 0;
    const setUp = async (path: string, t: string, body?: object) => {
      const answer = await send({ key: `setup-${++setups}`, path, token: t, body });
      if (answer.status >= 300) throw new Error(`${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      return answer.body;
    };
    const orgId = (await setUp('/organizations', admin, { name: 'Hot org' })).id as string;
    const provisioning = await token({ subject: 'provisioning', role: 'service', orgId });
    const ownerId = (await setUp('/org/invitations', provisioning, { email: 'owner@hot.example', role: 'org_owner' })).id as string;
    const toDeploy = await Promise.all(Array.from({ length: 20 }, async (_, k) => (await setUp('/organizations', admin, { name: `To deploy ${k}` })).id as string));
    const signIns = await token({ subject: 'sign-in-service', role: 'service', orgId });
    const member = await token({ subject: 'mia', role: 'org_member', orgId, email: 'mia@hot.example' });

    const burst: Sent[] = [
      ...Array.from({ length: 60 }, (_, k) => ({ key: `org-${k}`, path: '/organizations', token: admin, body: { name: `Burst org ${k}` } })),
      // One hot stream: the same member's sign-ins, queued one after the other in the process.
      ...Array.from({ length: 60 }, (_, k) => ({
        key: `sign-in-${k}`, path: `/org/members/${ownerId}/sign-ins`, token: signIns, body: { email: 'owner@hot.example', userAgent: `ua-${k}` },
      })),
      ...Array.from({ length: 40 }, (_, k) => ({ key: `item-${k}`, path: '/vault/items', token: member, body: { itemType: 'password', itemName: `Burst item ${k}` } })),
      ...toDeploy.map((id, k) => ({ key: `deploy-${k}`, path: `/organizations/${id}/deploy`, token: admin })),
    ];

    // The burst, killed once a fifth of it has been answered.
    const before = new Map<string, Answer>();
    let answered = 0;
    let crash!: () => void;
    const crashed = new Promise<void>((resolve) => (crash = resolve));
    const inFlight = burst.map((sent) =>
      send(sent).then(
        (answer) => {
          before.set(sent.key, answer);
          if (++answered === burst.length / 5) crash();
        },
        () => undefined, // the connection died with the process
      ),
    );
    await crashed;
    expect((await api!.kill('SIGKILL')).signal).toBe('SIGKILL');
    await Promise.all(inFlight);
    const unanswered = burst.filter((sent) => !before.has(sent.key));
    expect(unanswered.length).toBeGreaterThan(0);

    await boot();
    const after = new Map<string, Answer>();
    for (let i = 0; i < burst.length; i += 30) {
      await Promise.all(burst.slice(i, i + 30).map(async (sent) => after.set(sent.key, await send(sent))));
    }
    const statuses = [...after.values()].map((a) => a.status);
    expect(statuses.filter((status) => status !== 200 && status !== 201)).toEqual([]);
    for (const [key, first] of before) {
      expect([key, after.get(key)]).toEqual([key, { status: first.status, body: first.body, replayed: true }]);
    }
    // A second round answers everything from the first round's answers.
    const again = await Promise.all(burst.slice(0, 30).map(send));
    expect(again.map((a) => [a.status, a.body, a.replayed])).toEqual(burst.slice(0, 30).map((s) => [after.get(s.key)!.status, after.get(s.key)!.body, true]));

    await api!.stop();
    api = undefined;
    // Read as the API reads them: through the at-rest layer, with the API's own master key file and key store.
    const adapter = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    const keyStore = new SqliteKeyStore(join(dir, 'keys.sqlite'));
    const { personalData, wrap } = privacyParts(keyStore, new KeyRing(readMasterKeyFile(join(dir, DEFAULT_MASTER_KEY_FILE))));
    const events = await personalData.reveal(await wrap(adapter).readAll());
    await adapter.close();
    await keyStore.close();
    const named = (type: string, field: string, prefix: string) =>
      events.filter((e) => e.type === type && String(e.data[field]).startsWith(prefix)).map((e) => String(e.data[field])).sort();
    const expected = (prefix: string, n: number) => Array.from({ length: n }, (_, k) => `${prefix}${k}`).sort();
    expect(named('OrganizationCreated', 'name', 'Burst org ')).toEqual(expected('Burst org ', 60));
    expect(named('ItemCreated', 'itemName', 'Burst item ')).toEqual(expected('Burst item ', 40));
    const hot: RecordedEvent[] = events.filter((e) => e.streamId === `orgMember-${orgId}/${ownerId}`);
    expect(hot.map((e) => e.revision)).toEqual(Array.from({ length: 60 }, (_, k) => BigInt(k)));
    expect(hot.map((e) => String(e.data.userAgent)).sort()).toEqual(expected('ua-', 60));
    expect(events.filter((e) => e.type === 'OrganizationDeployed').map((e) => e.streamId).sort()).toEqual(toDeploy.map((id) => `organization-${id}`).sort());
    // Every answer names events that exist, and each event id is in the store once.
    const ids = new Set(events.map((e) => e.id));
    expect(ids.size).toBe(events.length);
    for (const answer of after.values()) for (const id of answer.body.eventIds as string[]) expect(ids.has(id)).toBe(true);
  }, 240_000);
});
