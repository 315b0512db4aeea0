import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromBase64, leafHash, openCheckpoint, parseVerifierKey, verifyConsistency, verifyInclusion } from '@app/integrity';
import { mspPrincipal, orgPrincipal } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';

const root = join(__dirname, '..');
const hasPython = spawnSync('python3', ['--version']).status === 0;
const NO_PYTHON = 'python3 is not installed: the e2e cross-check against scripts/verify_rfc9162.py is skipped';
if (!hasPython) console.warn(NO_PYTHON);

function cli(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/cli/src/main.ts', ...args],
    { cwd: root, env: { PATH: process.env.PATH, ...env }, encoding: 'utf8', timeout: 60_000 },
  );
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const python = (file: string) => {
  const run = spawnSync('python3', [join(root, 'scripts', 'verify_rfc9162.py'), file], { encoding: 'utf8' });
  return { code: run.status, verdict: JSON.parse(run.stdout) as { valid: boolean; complete: boolean } };
};

const jsonLines = (text: string) => text.trim().split('\n').map((l) => JSON.parse(l));
const decoded = (line: { bytes: string }) => JSON.parse(Buffer.from(line.bytes, 'base64').toString('utf8'));

/** Waits until a signed checkpoint covers the store's head (the API signs every 100 ms here). */
async function checkpointed(t: TestApp): Promise<{ treeSize: number; note: string }> {
  const head = Number(t.lastPosition);
  for (let i = 0; i < 200; i++) {
    const { body } = await t.http().get('/audit/checkpoints').query({ limit: 1000 }).expect(200);
    const last = body.items[body.items.length - 1];
    if (last && last.treeSize >= head) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('no checkpoint covered the head');
}

describe('auditor trust over HTTP', () => {
  let t: TestApp;
  let dir: string;
  let dataDir: string;
  let orgA: string;
  let orgB: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'audit-e2e-'));
    dataDir = join(dir, 'data');
    t = await startTestApp({ DATA_DIR: dataDir, AUDIT_CHECKPOINT_INTERVAL_MS: '100' });
    tokens.msp = await t.token(mspPrincipal('msp_owner', 'msp-1'));
    orgA = (await t.command('/organizations', tokens.msp, { name: 'Tamper-Target-Org' })).id;
    orgB = (await t.command('/organizations', tokens.msp, { name: 'Other Org' })).id;
    tokens.a = await t.token(orgPrincipal('org_owner', orgA));
    tokens.aAdmin = await t.token(orgPrincipal('org_admin', orgA));
    tokens.b = await t.token(orgPrincipal('org_owner', orgB));
    for (let i = 0; i < 6; i++) {
      await t.command('/vault/items', tokens.a, { itemType: 'password', itemName: `A item ${i}` });
      await t.command('/vault/items', tokens.b, { itemType: 'password', itemName: `B item ${i}` });
    }
    await checkpointed(t);
  }, 120_000);

  afterAll(async () => {
    await t?.app.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (path: string, token: string, query: Record<string, string | number> = {}) =>
    t.http().get(path).set('Authorization', `Bearer ${token}`).query(query);

  describe('keys, checkpoints and proofs', () => {
    it('publishes the verifier key, and every checkpoint verifies with it', async () => {
      const { body: keys } = await t.http().get('/audit/public-key').expect(200);
      expect(keys.current).toMatch(/^activity-log\.local\/audit\+[0-9a-f]{8}\+/);
      const { body } = await t.http().get('/audit/checkpoints').expect(200);
      expect(body.items.length).toBeGreaterThan(0);
      for (const c of body.items) expect(openCheckpoint(c.note, [parseVerifierKey(keys.current)]).status).toBe('verified');
      expect((readFileSync(join(dataDir, 'audit-signing-key')).toString()).startsWith('PRIVATE+KEY+')).toBe(true);
    });

    it('proves one of the tenant’s events into a checkpoint, and hides another tenant’s (404)', async () => {
      const history = jsonLines((await get('/audit/history', tokens.a).expect(200)).text);
      const event = history[0];
      const { body } = await get('/audit/proofs/inclusion', tokens.a, { position: event.event.position }).expect(200);
      const cp = openCheckpoint(body.checkpoint, []).checkpoint!;
      const proof = body.proof.map(fromBase64);
      expect(verifyInclusion(body.leafIndex, body.treeSize, leafHash(fromBase64(body.bytes)), proof, cp.rootHash)).toBe(true);
      const res = await get('/audit/proofs/inclusion', tokens.b, { position: event.event.position }).expect(404);
      expect(res.body.message).toMatch(/No event at position/);
    });

    it('proves two checkpoints are one append-only history; refuses sizes without a checkpoint', async () => {
      await t.command('/vault/items', tokens.a, { itemType: 'password', itemName: 'later' });
      await checkpointed(t);
      const { body } = await t.http().get('/audit/checkpoints').expect(200);
      const [first, last] = [body.items[0], body.items[body.items.length - 1]];
      const proof = await t.http().get('/audit/proofs/consistency').query({ size1: first.treeSize, size2: last.treeSize }).expect(200);
      const [c1, c2] = [first, last].map((c) => openCheckpoint(c.note, []).checkpoint!);
      expect(verifyConsistency(c1.size, c2.size, c1.rootHash, c2.rootHash, proof.body.proof.map(fromBase64))).toBe(true);
      await t.http().get('/audit/proofs/consistency').query({ size1: last.treeSize, size2: first.treeSize }).expect(400);
      await t.http().get('/audit/proofs/consistency').query({ size1: 1, size2: 999999 }).expect(404);
      await t.http().get('/audit/proofs/consistency').query({ size1: 'x', size2: 2 }).expect(400);
    });
  });

  describe('GET /audit/history', () => {
    it('streams the organization’s raw events in position order, and nothing of another tenant', async () => {
      const res = await get('/audit/history', tokens.a).expect(200);
      expect(res.headers['content-type']).toMatch(/application\/x-ndjson/);
      const lines = jsonLines(res.text);
      const events = lines.filter((l) => l.kind === 'event');
      expect(lines[lines.length - 1]).toEqual({ kind: 'end', nextCursor: null });
      expect(events.every((l) => l.event.metadata.tenant.orgId === orgA)).toBe(true);
      expect(events.map((l) => l.seq)).toEqual(events.map((_, i) => i));
      const positions = events.map((l) => BigInt(l.event.position));
      expect([...positions].sort((x, y) => (x < y ? -1 : 1))).toEqual(positions);
      expect(events.map((l) => l.event.type)).toEqual(['OrganizationCreated', ...Array(7).fill('ItemCreated')]);
    });

    it('pages with the cursor of the end line', async () => {
      const first = jsonLines((await get('/audit/history', tokens.a, { limit: 3 }).expect(200)).text);
      const end = first[first.length - 1];
      expect(end.nextCursor).toEqual(expect.any(String));
      const pages = [first];
      while (pages[pages.length - 1].at(-1).nextCursor) {
        pages.push(jsonLines((await get('/audit/history', tokens.a, { cursor: pages[pages.length - 1].at(-1).nextCursor }).expect(200)).text));
      }
      expect(pages.map((p) => p.filter((l) => l.kind === 'event').map((l) => l.seq))).toEqual([[0, 1, 2], [3, 4, 5], [6, 7]]);
      const foreign = await get('/audit/history', tokens.b, { cursor: end.nextCursor }).expect(400);
      expect(foreign.body.message).toMatch(/cursor/);
    });

    it('gives an MSP owner its chain (both organizations) or one organization’s; others get 404 or 403', async () => {
      const all = jsonLines((await get('/audit/history', tokens.msp).expect(200)).text).filter((l) => l.kind === 'event');
      expect(new Set(all.map((l) => l.event.metadata.tenant.orgId))).toEqual(new Set([orgA, orgB]));
      const onlyB = jsonLines((await get('/audit/history', tokens.msp, { organizationId: orgB }).expect(200)).text).filter((l) => l.kind === 'event');
      expect(onlyB.every((l) => l.event.metadata.tenant.orgId === orgB)).toBe(true);
      await get('/audit/history', tokens.a, { organizationId: orgB }).expect(404);
      await get('/audit/history', await t.token(mspPrincipal('msp_owner', 'msp-2')), { organizationId: orgA }).expect(404);
      await get('/audit/history', tokens.aAdmin).expect(403);
      await t.http().get('/audit/history').expect(401);
      await get('/audit/history', tokens.a, { from: 'yesterday' }).expect(400);
      await get('/audit/history', tokens.a, { cursor: 'garbage' }).expect(400);
    });

    it('reads for an owner-view Activity Log token as for the organization’s owner; an admin-view token gets 403', async () => {
      const owner = (await t.command('/org/activity-log-tokens', tokens.a, { name: 'auditor', scope: 'owner' })).token;
      const admin = (await t.command('/org/activity-log-tokens', tokens.a, { name: 'siem', scope: 'admin' })).token;
      const viaToken = jsonLines((await get('/audit/history', owner).expect(200)).text).filter((l) => l.kind === 'event');
      expect(viaToken.length).toBeGreaterThan(0);
      expect(viaToken.every((l) => l.event.metadata.tenant.orgId === orgA)).toBe(true);
      await get('/audit/history', admin).expect(403);
      const cursorOfOwner = jsonLines((await get('/audit/history', tokens.a, { limit: 1 }).expect(200)).text).at(-1).nextCursor;
      await get('/audit/history', owner, { cursor: cursorOfOwner }).expect(400); // a cursor is for the reader it was given to
    });

    it('asOf a position hides what came later', async () => {
      const all = jsonLines((await get('/audit/history', tokens.a).expect(200)).text).filter((l) => l.kind === 'event');
      const cut = all[3].event.position;
      const asOf = jsonLines((await get('/audit/history', tokens.a, { asOf: cut }).expect(200)).text).filter((l) => l.kind === 'event');
      expect(asOf.map((l) => l.event.position)).toEqual(all.slice(0, 4).map((l) => l.event.position));
    });
  });

  describe('the export, verified offline', () => {
    let exportFile: string;
    let keysFile: string;
    let lines: string[];

    beforeAll(async () => {
      await checkpointed(t);
      const res = await get('/audit/export', tokens.a).expect(200);
      lines = res.text.trim().split('\n');
      exportFile = join(dir, 'export.jsonl');
      keysFile = join(dir, 'keys.json');
      writeFileSync(exportFile, res.text);
      writeFileSync(keysFile, JSON.stringify((await t.http().get('/audit/public-key').expect(200)).body));
    });

    const verify = (file: string) => cli(['verify', '--export', file, '--public-key', keysFile]);
    const tamperedFile = (name: string, tampered: string[]) => {
      const file = join(dir, `${name}.jsonl`);
      writeFileSync(file, `${tampered.join('\n')}\n`);
      return file;
    };
    const eventIndexes = () => lines.flatMap((l, i) => (JSON.parse(l).kind === 'event' ? [i] : []));

    it('holds only the organization’s events, each with its proof', () => {
      const events = lines.map((l) => JSON.parse(l)).filter((r) => r.kind === 'event');
      expect(events.length).toBe(10); // 8, and the two Activity Log tokens created above
      expect(events.every((e) => decoded(e).metadata.tenant.orgId === orgA)).toBe(true);
      expect(JSON.parse(lines[0])).toMatchObject({ kind: 'header', scope: `org:${orgA}`, fromSeq: 0 });
    });

    it('verifies untouched with cli verify (no server, no database), and python agrees', () => {
      const run = verify(exportFile);
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/^VALID: scope org:/);
      expect(run.code).toBe(0);
      if (!hasPython) return console.warn(NO_PYTHON);
      const py = python(exportFile);
      expect(py.verdict).toMatchObject({ valid: true, complete: true });
      expect(py.code).toBe(0);
    });

    const tampers: Array<[string, string, (l: string[], events: number[]) => string[]]> = [
      ['a byte of an event changed', 'invalid', (l, e) => l.map((x, i) => (i === e[2] ? flipByte(x) : x))],
      ['an event dropped', 'gap', (l, e) => l.filter((_, i) => i !== e[3])],
      ['an event inserted', 'inserted', (l, e) => [...l.slice(0, e[4]), flipByte(l[e[4]]), ...l.slice(e[4])]],
      ['two events swapped', 'reordered', (l, e) => swap(l, e[1], e[2])],
      ['the end truncated', 'missing', (l, e) => l.slice(0, e[e.length - 2])],
      ['a checkpoint signature replaced', 'bad-signature', (l) => l.map((x) => (JSON.parse(x).kind === 'checkpoint' ? breakSignature(x) : x))],
    ];

    it.each(tampers)('names %s (%s), and python agrees where it can see it', (name, kind, tamper) => {
      const file = tamperedFile(name.replace(/\W+/g, '-'), tamper(lines, eventIndexes()));
      const run = verify(file);
      expect(run.stdout).toMatch(/^NOT VALID/);
      expect(run.stdout).toContain(`\n${kind}: `);
      expect(run.code).toBe(1);
      if (!hasPython) return console.warn(NO_PYTHON);
      if (kind !== 'bad-signature') expect(python(file).verdict.valid).toBe(false);
    });

    it('refuses bad usage with exit 2', () => {
      expect(cli(['verify', '--export', exportFile]).code).toBe(2);
      expect(cli(['verify', '--export', join(dir, 'nope.jsonl'), '--public-key', keysFile]).code).toBe(2);
    });
  });

  describe('a byte flipped in the stored file of a stopped API', () => {
    it('is found by cli audit-check, and by cli verify on a fresh export', async () => {
      await checkpointed(t);
      await t.app.close();
      const env = { DATA_DIR: dataDir, AUTH_JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256', LOG_LEVEL: 'silent' };
      const history = jsonLines(cli(['history', '--org', orgA, '--limit', '4'], env).stdout);
      expect(history.slice(0, 4).map((l) => l.seq)).toEqual([0, 1, 2, 3]);
      expect(history[4]).toEqual({ kind: 'end', nextCursor: '4' });
      expect(history.slice(0, 4).every((l) => l.event.metadata.tenant.orgId === orgA)).toBe(true);

      const clean = cli(['audit-check'], env);
      expect(clean.stdout).toMatch(/^OK: \d+ leaves/);
      expect(clean.code).toBe(0);

      const file = join(dataDir, 'events.sqlite');
      const db = new Database(file);
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      const raw = readFileSync(file);
      const needle = Buffer.from('Tamper-Target-Org');
      let flipped = 0;
      for (let at = raw.indexOf(needle); at >= 0; at = raw.indexOf(needle, at + 1)) {
        raw[at] ^= 0x01; // 'T' → 'U': same length, the page stays readable
        flipped++;
      }
      expect(flipped).toBeGreaterThan(0);
      writeFileSync(file, raw);

      const check = cli(['audit-check'], env);
      expect(check.stdout).toMatch(/^ALTERED/);
      expect(check.stdout).toMatch(/altered: leaf \d+ \(position \d+\)/);
      expect(check.code).toBe(1);

      const exported = cli(['audit-export', '--org', orgA], env);
      expect(exported.code).toBe(0);
      const keys = cli(['audit-public-key'], env);
      writeFileSync(join(dir, 'flipped.jsonl'), exported.stdout);
      writeFileSync(join(dir, 'flipped-keys.json'), keys.stdout);
      const verdict = cli(['verify', '--export', join(dir, 'flipped.jsonl'), '--public-key', join(dir, 'flipped-keys.json')]);
      expect(verdict.stdout).toContain('\ninvalid: ');
      expect(verdict.code).toBe(1);
    }, 120_000);
  });
});

function flipByte(line: string): string {
  const r = JSON.parse(line);
  const bytes = Buffer.from(r.bytes, 'base64');
  bytes[bytes.length - 3] ^= 0x01;
  r.bytes = bytes.toString('base64');
  return JSON.stringify(r);
}

function swap(lines: string[], a: number, b: number): string[] {
  const copy = [...lines];
  [copy[a], copy[b]] = [copy[b], copy[a]];
  return copy;
}

function breakSignature(line: string): string {
  const r = JSON.parse(line);
  const sig = (r.note as string).trimEnd().split(' ').pop() as string;
  const raw = Buffer.from(sig, 'base64');
  raw.fill(7, 4); // keep the key id, replace the signature
  r.note = r.note.replace(sig, raw.toString('base64'));
  return JSON.stringify(r);
}
