import { openCheckpoint, verifyExport } from '@app/integrity';
import { EVE, eveWorkedHere, Scenario, send } from './support/erasure-scenario';
import { startTestApp, TestApp } from './support/test-app';

/** Erasure deletes a member's key; the leaves hash the sealed bytes, so every proof still holds. */
describe('the integrity log across an erasure', () => {
  let t: TestApp;
  let s: Scenario;
  let keys: string[];

  const checkpointed = async () => {
    for (let i = 0; i < 200; i++) {
      const { body } = await t.http().get('/audit/checkpoints').query({ limit: 1000 }).expect(200);
      const last = body.items.at(-1);
      if (last && last.treeSize >= Number(t.lastPosition)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('no checkpoint covered the head');
  };
  const exportLines = async () => {
    await checkpointed();
    return (await t.http().get('/audit/export').set('Authorization', `Bearer ${s.tokens.owner}`).expect(200)).text.trim().split('\n');
  };
  const eventBytes = (lines: string[]) => lines.map((l) => JSON.parse(l)).filter((r) => r.kind === 'event').map((r) => r.bytes as string);

  beforeAll(async () => {
    t = await startTestApp({ AUDIT_CHECKPOINT_INTERVAL_MS: '100' });
    s = await eveWorkedHere(t);
    const { body } = await t.http().get('/audit/public-key').expect(200);
    keys = [body.current, ...body.previous];
  }, 120_000);
  afterAll(() => t.close());

  it('hashes sealed bytes (no clear personal value in an export), and proves the same bytes after the erasure', async () => {
    const before = await exportLines();
    const decoded = eventBytes(before).map((b) => Buffer.from(b, 'base64').toString('utf8')).join('\n');
    expect(decoded).not.toContain(EVE.email);
    expect(decoded).not.toContain(EVE.name);
    expect(decoded).not.toContain(EVE.ip);
    expect(verifyExport(before, { trustedKeys: keys }).valid).toBe(true);

    await send(t, `/org/members/${s.eveId}/erase`, s.tokens.owner, undefined);
    const after = await exportLines();
    const report = verifyExport(after, { trustedKeys: keys });
    expect(report.findings).toEqual([]);
    expect(report.valid).toBe(true);
    const [old, now] = [eventBytes(before), eventBytes(after)];
    expect(now.slice(0, old.length)).toEqual(old); // not one stored byte changed
    expect(now.length).toBeGreaterThan(old.length); // the erasure is itself an event of the chain
    const last = JSON.parse(after.filter((l) => JSON.parse(l).kind === 'checkpoint').at(-1)!).note;
    expect(openCheckpoint(last, []).checkpoint!.size).toBeGreaterThanOrEqual(Number(t.lastPosition));
  });
});
