import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SealedSecrets } from '@app/secrets';
import { mspPrincipal, orgPrincipal } from './support/principals';
import { startTestApp } from './support/test-app';

const root = join(__dirname, '..');

function cli(args: string[], env: Record<string, string>) {
  const run = spawnSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/cli/src/main.ts', ...args],
    { cwd: root, env: { PATH: process.env.PATH, ...env }, encoding: 'utf8', timeout: 60_000 },
  );
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the CLI', () => {
  let dataDir: string;
  beforeAll(() => (dataDir = mkdtempSync(join(tmpdir(), 'cli-e2e-'))));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('rebuilds the views from the event store into the same rows the live projector wrote', async () => {
    const t = await startTestApp({ DATA_DIR: dataDir });
    const token = await t.token(mspPrincipal('msp_admin', 'msp-a'));
    let position = '0';
    for (let i = 0; i < 12; i++) {
      const res = await t.http().post('/organizations').set('Authorization', `Bearer ${token}`).send({ name: `Org ${i}` }).expect(201);
      position = res.body.position;
    }
    await t.http().get('/activity-log/msp').set('Authorization', `Bearer ${token}`).query({ minPosition: position }).expect(200);
    await t.close();

    const dump = () => {
      const db = new Database(join(dataDir, 'read-models.sqlite'), { readonly: true });
      const rows = db.prepare('SELECT * FROM activity_entries ORDER BY event_id').all();
      db.close();
      return rows;
    };
    const live = dump();
    expect(live).toHaveLength(12);
    const run = cli(['rebuild', 'activity-log'], { DATA_DIR: dataDir });
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`activity-log: 12 events applied, checkpoint ${position}`);
    expect(dump()).toEqual(live);
  }, 120_000);

  it.each([[['--help']], [['help']]])('prints its commands for %j on stdout and exits 0', (args) => {
    const run = cli(args, { DATA_DIR: dataDir });
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^Usage: /);
    for (const command of ['read-stream', 'read-all', 'mint-token', 'rebuild']) expect(run.stdout).toContain(command);
  }, 60_000);

  it('prints one command’s options for `help <command>` and exits 0', () => {
    const run = cli(['help', 'mint-token'], { DATA_DIR: dataDir });
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout).toContain('--role <role>');
  }, 60_000);

  it('exits 1 on a usage error, saying what is wrong once', () => {
    const run = cli(['nope'], { DATA_DIR: dataDir });
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({ code: 1, stdout: '', stderr: "error: unknown command 'nope'\n" });
  }, 60_000);

  it('refuses an unknown view with a clear message', () => {
    const run = cli(['rebuild', 'nope'], { DATA_DIR: dataDir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("unknown view 'nope'");
  }, 60_000);

  it('mints a token the API accepts, in embedded mode only', async () => {
    const minted = cli(['mint-token', '--role', 'msp_owner', '--sub', 'm-1', '--msp', 'msp-z'], { DATA_DIR: dataDir });
    expect(minted.code).toBe(0);
    const link = cli(['mint-token', '--role', 'org_admin', '--sub', 'a-1', '--org', 'org-z', '--viewer'], { DATA_DIR: dataDir, PORT: '3456' });
    expect(link.stdout).toMatch(/^http:\/\/127\.0\.0\.1:3456\/#token=[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const t = await startTestApp({ DATA_DIR: dataDir, AUTH_JWT_SECRET: '' });
    await t.http().get('/activity-log/msp').set('Authorization', `Bearer ${minted.stdout.trim()}`).expect(200);
    await t.http().get('/activity-log/business').set('Authorization', `Bearer ${link.stdout.trim().split('#token=')[1]}`).expect(200);
    await t.close();
    const refused = cli(['mint-token', '--role', 'msp_owner', '--sub', 'm', '--msp', 'x'], {
      DATA_DIR: dataDir, EVENTSTORE_URL: 'esdb://localhost:2113?tls=false', AUTH_JWT_SECRET: 'x'.repeat(40),
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('embedded mode only');
  }, 120_000);

  it('rewraps the stored secrets under a new master key, so that the old one can be dropped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-rewrap-'));
    const [oldKey, newKey, strangerKey] = [1, 2, 3].map((n) => Buffer.alloc(32, n).toString('base64'));
    const hecToken = '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d';
    try {
      const before = await startTestApp({ DATA_DIR: dir, SECRETS_MASTER_KEY: oldKey });
      const token = await before.token(mspPrincipal('msp_admin', 'msp-r'));
      const res = await before.http().post('/integrations').set('Authorization', `Bearer ${token}`)
        .send({ kind: 'splunk', name: 'S', secret: hecToken, settings: { url: 'https://splunk.example:8088', index: 'main' } }).expect(201);
      const [setUp] = await before.events(res.body.streamId);
      await before.close();

      const stranger = cli(['rewrap-secrets'], { DATA_DIR: dir, SECRETS_MASTER_KEY: strangerKey });
      expect(stranger.code).toBe(1);
      expect(stranger.stderr).toMatch(/\d+ stored secret\(s\) or key\(s\) could not be opened with any configured master key/);
      const rotated = cli(['rewrap-secrets'], { DATA_DIR: dir, SECRETS_MASTER_KEY: newKey, SECRETS_MASTER_KEY_PREVIOUS: oldKey });
      expect([rotated.code, rotated.stdout]).toEqual([
        0, expect.stringMatching(/^1 of 1 stored secrets rewrapped under the master key from SECRETS_MASTER_KEY \(key [0-9a-f]{16}\)\n(\d+) of \1 personal-data keys rewrapped\n$/),
      ]);

      const after = await startTestApp({ DATA_DIR: dir, SECRETS_MASTER_KEY: newKey });
      expect(await after.app.get(SealedSecrets).open(res.body.id, setUp.data.secretVersion as string)).toBe(hecToken);
      // The personal data sealed before the rotation still reveals under the new key alone.
      expect((await after.events(res.body.streamId))[0].metadata.actor.name).toBe(setUp.metadata.actor.name);
      await after.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('erases a former member for the operator: the event first (actor operator-cli), then the key; refuses a current member', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-erase-'));
    const key = Buffer.alloc(32, 7).toString('base64');
    try {
      const t = await startTestApp({ DATA_DIR: dir, SECRETS_MASTER_KEY: key });
      const admin = await t.token(mspPrincipal('msp_admin', 'msp-c'));
      const orgId = (await t.command('/organizations', admin, { name: 'C' })).id;
      const owner = await t.token(orgPrincipal('org_owner', orgId, { subject: 'owen' }));
      const gone = (await t.command('/org/invitations', owner, { email: 'gone@c.example', role: 'org_member', name: 'Gone Person' })).id;
      const stays = (await t.command('/org/invitations', owner, { email: 'stays@c.example', role: 'org_member' })).id;
      await t.command(`/org/invitations/${gone}/accept`, await t.token(orgPrincipal('org_member', orgId, { subject: gone, email: 'gone@c.example', name: 'Gone Person' })));
      await t.command(`/org/members/${gone}/remove`, owner);
      await t.close();

      const env = { DATA_DIR: dir, SECRETS_MASTER_KEY: key };
      const current = cli(['erase-member', '--org', orgId, '--member', stays], env);
      expect([current.code, current.stderr]).toEqual([1, expect.stringMatching(/remove the member before erasing/)]);
      const usage = cli(['erase-member', '--member', gone], env);
      expect([usage.code, usage.stderr]).toEqual([1, expect.stringContaining('exactly one of --msp or --org')]);
      const erased = cli(['erase-member', '--org', orgId, '--member', gone], env);
      expect([erased.code, erased.stdout]).toEqual([0, `erased the personal data of member ${gone} of org:${orgId}\n`]);
      const again = cli(['erase-member', '--org', orgId, '--member', gone], env);
      expect(again.code).toBe(1);

      const after = await startTestApp(env);
      const roster = await after.events(`orgRoster-${orgId}`);
      expect(roster.at(-1)).toMatchObject({ type: 'MemberPersonalDataErased', data: { memberId: gone }, metadata: { actor: { type: 'service', id: 'operator-cli' } } });
      const text = JSON.stringify(roster.map((e) => [e.data, e.metadata]));
      expect(text).not.toContain('Gone Person');
      expect(text).not.toContain('gone@c.example');
      expect(text).toContain('stays@c.example');
      await after.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
