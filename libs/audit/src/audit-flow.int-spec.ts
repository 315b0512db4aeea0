import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditLog, EventStore, IntegrityWriter, NewEvent, SqliteAuditLog, SqliteEventStore } from '@app/event-store';
import { generateNoteKey, parseSignerKey, verifyExport } from '@app/integrity';
import { auditCheck } from './check/audit-check';
import { AuditCheckpointer } from './checkpoints/audit-checkpointer';
import { AuditCheckpointService } from './checkpoints/audit-checkpoint.service';
import { planExport, scopeExportLines } from './export/scope-export';
import { loadAuditSigner, publishedKeys } from './keys/audit-signing-key';

const ofOrg = (orgId: string, mspId?: string): NewEvent => ({
  type: 'T', data: { orgId }, metadata: { actor: { type: 'member', id: 'u' }, tenant: { orgId, mspId }, client: { ip: '192.0.2.1' } },
});

const collect = async (lines: AsyncIterable<string>) => {
  const out: string[] = [];
  for await (const l of lines) out.push(l);
  return out;
};

interface Setup {
  store: EventStore;
  log: AuditLog;
  settle(): Promise<void>;
  close(): Promise<void>;
}

const setups: Record<string, (dir: string) => Setup> = {
  inline: (dir) => {
    const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    const log = SqliteAuditLog.openEventsFile(join(dir, 'events.sqlite'));
    return { store, log, settle: async () => undefined, close: async () => void (await Promise.all([store.close(), log.close()])) };
  },
  'downstream writer': (dir) => {
    const store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), integrity: false });
    const writer = IntegrityWriter.openFile(store, join(dir, 'integrity.sqlite'));
    writer.start();
    const log = SqliteAuditLog.openFile(join(dir, 'integrity.sqlite'));
    return {
      store, log,
      settle: async () => {
        const head = await store.headPosition();
        for (let i = 0; i < 200 && writer.lastPosition !== head; i++) await new Promise((r) => setTimeout(r, 10));
      },
      close: async () => {
        await writer.stop();
        await Promise.all([store.close(), log.close()]);
      },
    };
  },
};

describe.each(Object.keys(setups))('checkpoints and exports (%s)', (kind) => {
  let dir: string;
  let s: Setup;
  const key = generateNoteKey('audit.test/log');
  const signer = parseSignerKey(key.signerKey);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'audit-flow-'));
    s = setups[kind](dir);
  });
  afterEach(async () => {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  let round = 0;
  const appendAndCheckpoint = async (cp: AuditCheckpointer, rounds: number) => {
    for (let i = 0; i < rounds; i++) {
      const r = round++;
      await s.store.append(`a-${r}`, [ofOrg('a', 'm'), ofOrg('a', 'm')], 'no_stream');
      await s.store.append(`b-${r}`, [ofOrg('b')], 'no_stream');
      await s.settle();
      expect(await cp.checkpoint()).toBeDefined();
    }
  };

  it('signs only when the log grew, and an organization’s export verifies with only its events', async () => {
    const cp = new AuditCheckpointer(s.log, signer);
    expect(await cp.checkpoint()).toBeUndefined();
    await appendAndCheckpoint(cp, 4);
    expect(await cp.checkpoint()).toBeUndefined();
    const lines = await collect(scopeExportLines(s.log, signer.name, 'org:a', await planExport(s.log, 'org:a', {})));
    const report = verifyExport(lines, { trustedKeys: [key.verifierKey], scope: 'org:a' });
    expect(report.findings).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.coverage).toMatchObject({ fromSeq: 0, toSeq: 8 });
    expect(lines.filter((l) => JSON.parse(l).kind === 'event')).toHaveLength(8);
    const msp = await collect(scopeExportLines(s.log, signer.name, 'msp:m', await planExport(s.log, 'msp:m', {})));
    expect(verifyExport(msp, { trustedKeys: [key.verifierKey] }).valid).toBe(true);
  });

  it('exports from a date on (partial, anchored at a checkpoint) and verifies', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const cp = new AuditCheckpointer(s.log, signer, () => new Date((now += 60_000)));
    await appendAndCheckpoint(cp, 4);
    const plan = await planExport(s.log, 'org:a', { from: '2026-01-01T00:02:30.000Z' });
    expect(plan.partial).toBe(true);
    const lines = await collect(scopeExportLines(s.log, signer.name, 'org:a', plan));
    expect(JSON.parse(lines[0]).fromSeq).toBe(4);
    const report = verifyExport(lines, { trustedKeys: [key.verifierKey] });
    expect(report.findings).toEqual([]);
    expect(report.coverage).toMatchObject({ fromSeq: 4, toSeq: 8 });
  });

  it('keeps old checkpoints verifiable after a key rotation', async () => {
    await appendAndCheckpoint(new AuditCheckpointer(s.log, signer), 2);
    const next = generateNoteKey('audit.test/log');
    await appendAndCheckpoint(new AuditCheckpointer(s.log, parseSignerKey(next.signerKey)), 2);
    const lines = await collect(scopeExportLines(s.log, signer.name, 'org:b', await planExport(s.log, 'org:b', {})));
    expect(verifyExport(lines, { trustedKeys: [next.verifierKey, key.verifierKey] }).valid).toBe(true);
    expect(verifyExport(lines, { trustedKeys: [next.verifierKey] }).findings.map((f) => f.kind)).toContain('bad-signature');
    expect(publishedKeys(parseSignerKey(next.signerKey), [], await s.log.signingKeys())).toEqual({ current: next.verifierKey, previous: [key.verifierKey] });
  });
});

describe('cli audit-check’s core over the inline log', () => {
  let dir: string;
  let file: string;
  const key = generateNoteKey('audit.test/log');
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'audit-check-'));
    file = join(dir, 'events.sqlite');
    const store = new SqliteEventStore({ file });
    const log = SqliteAuditLog.openEventsFile(file);
    const cp = new AuditCheckpointer(log, parseSignerKey(key.signerKey));
    for (let i = 0; i < 5; i++) {
      await store.append(`s-${i}`, [ofOrg('a'), ofOrg('b')], 'no_stream');
      await cp.checkpoint();
    }
    await Promise.all([store.close(), log.close()]);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const check = async (tamper?: (db: Database.Database) => void) => {
    if (tamper) {
      const db = new Database(file);
      tamper(db);
      db.close();
    }
    const log = SqliteAuditLog.openEventsFile(file);
    const report = await auditCheck(log, [key.verifierKey]);
    await log.close();
    return report;
  };

  it('passes an untouched store', async () => {
    expect(await check()).toEqual({ ok: true, leaves: 10, checkpoints: 5, findings: [] });
  });

  it.each<[string, string, (db: Database.Database) => void]>([
    ['an event’s data changed', 'altered', (db) => db.prepare(`UPDATE events SET data = '{"orgId":"x"}' WHERE position = 3`).run()],
    ['an event deleted', 'missing', (db) => db.prepare('DELETE FROM events WHERE position = 4').run()],
    ['an event inserted outside the log', 'unlogged', (db) => db.prepare(
      `INSERT INTO events (id, stream_id, revision, type, schema_version, occurred_at, data, metadata)
       VALUES ('0190b6a8-7c4d-7e01-9b7a-000000000001', 'forged', 0, 'T', 1, '2026-01-01T00:00:00.000Z', '{}', '{}')`).run()],
    ['a leaf node replaced', 'altered', (db) => db.prepare('UPDATE integrity_nodes SET hash = zeroblob(32) WHERE id = 3').run()],
    ['a checkpoint note edited', 'bad-signature', (db) => db.prepare(`UPDATE audit_checkpoints SET note = replace(note, 'time 20', 'time 19') WHERE tree_size = 4`).run()],
    ['an event’s chain link edited', 'altered', (db) => db.prepare(`UPDATE events SET metadata = replace(metadata, '"seq":1', '"seq":7') WHERE position = 3`).run()],
  ])('reports %s (%s)', async (_, kind, tamper) => {
    const report = await check(tamper);
    expect(report.ok).toBe(false);
    expect(report.findings.map((f) => f.kind)).toContain(kind);
  });
});

describe('the signing key', () => {
  it('is generated once under DATA_DIR with mode 600, or taken from AUDIT_SIGNING_KEY', () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-key-'));
    const settings = { auditSigningKeyFile: join(dir, 'audit-signing-key'), previousVerifierKeys: [] };
    const first = loadAuditSigner(settings);
    expect(statSync(settings.auditSigningKeyFile).mode & 0o777).toBe(0o600);
    expect(loadAuditSigner(settings).verifierKey).toBe(first.verifierKey);
    const given = generateNoteKey('elsewhere/log');
    expect(loadAuditSigner({ ...settings, AUDIT_SIGNING_KEY: given.signerKey }).verifierKey).toBe(given.verifierKey);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('the checkpoint service', () => {
  it('signs a last checkpoint at shutdown', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-svc-'));
    const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    const log = SqliteAuditLog.openEventsFile(join(dir, 'events.sqlite'));
    const service = new AuditCheckpointService(log, parseSignerKey(generateNoteKey('a/b').signerKey), 60_000);
    service.onApplicationBootstrap();
    await store.append('s', [ofOrg('a')], 'no_stream');
    expect(await log.latestCheckpoint()).toBeUndefined();
    await service.onApplicationShutdown();
    expect((await log.latestCheckpoint())?.treeSize).toBe(1);
    await Promise.all([store.close(), log.close()]);
    rmSync(dir, { recursive: true, force: true });
  });
});
