import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSampleLog } from '../testing/sample-log';
import { VerificationReport } from './verification-report';
import { verifyExport } from './verify-export';

/**
 * The verdicts of verifyExport must match scripts/verify_rfc9162.py, a second RFC 9162
 * implementation in Python's standard library, on the same exports, untouched and tampered.
 * The Python script does not check Ed25519 signatures (no Ed25519 in the standard
 * library), so signature findings are left out of the comparison.
 */
const ROOT = join(__dirname, '..', '..', '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'verify_rfc9162.py');
const VECTORS = join(ROOT, 'libs', 'integrity', 'test-vectors', 'rfc9162');
const hasPython = spawnSync('python3', ['--version']).status === 0;

interface PythonVerdict {
  valid: boolean;
  complete: boolean;
  events: Array<{ line: number; included: boolean }>;
  consistency: Array<{ size1: number; size2: number; ok: boolean }>;
  heads: Array<{ line: number; ok: boolean }>;
}

function python(args: string[]): {
  status: number | null;
  out: PythonVerdict & { vectors?: number; failures?: string[] };
} {
  const run = spawnSync('python3', [SCRIPT, ...args], { encoding: 'utf8' });
  if (run.error || !run.stdout) throw new Error(`python3 failed: ${run.error ?? run.stderr}`);
  return { status: run.status, out: JSON.parse(run.stdout) };
}

const NO_PYTHON = 'python3 is not installed: the cross-check against scripts/verify_rfc9162.py cannot run';

if (!hasPython && process.env.CI !== 'true') {
  // As the real-server suites do outside CI: say so loudly, register a todo, run nothing.
  console.warn(NO_PYTHON);
  describe('the independent Python verifier', () => it.todo(NO_PYTHON));
} else
  describe('the independent Python verifier', () => {
    let dir: string;
    let exported: string[];
    let trustedKeys: string[];
    let events: number[];
    const file = (name: string, lines: string[]) => {
      const path = join(dir, `${name}.jsonl`);
      writeFileSync(path, lines.join('\n') + '\n');
      return path;
    };

    beforeAll(async () => {
      if (!hasPython) throw new Error(`${NO_PYTHON} (CI must have it)`);
      dir = mkdtempSync(join(tmpdir(), 'integrity-py-'));
      const sample = await buildSampleLog(240);
      exported = await sample.log.exportScope('org:o1');
      trustedKeys = sample.trustedKeys;
      events = exported.flatMap((l, i) => (JSON.parse(l).kind === 'event' ? [i] : []));
    });
    afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

    it('passes every RFC 9162 inclusion and consistency vector itself', () => {
      const { status, out } = python(['--vectors', VECTORS]);
      expect(out.failures).toEqual([]);
      expect(out.vectors).toBe(196);
      expect(status).toBe(0);
    });

    const tampered: Array<[string, (lines: string[]) => string[]]> = [
      ['untouched', (l) => l],
      ['a byte changed', (l) => l.map((x, i) => (i === events[12] ? flipByte(x) : x))],
      ['an event dropped', (l) => l.filter((_, i) => i !== events[7])],
      ['an event inserted', (l) => [...l.slice(0, events[3]), flipByte(l[events[3]]), ...l.slice(events[3])]],
      ['two events swapped', (l) => swap(l, events[20], events[21])],
      ['the end truncated', (l) => l.slice(0, events[events.length - 3])],
      [
        'a consistency proof altered',
        (l) => l.map((x) => (JSON.parse(x).kind === 'consistency' && JSON.parse(x).size1 > 100 ? zeroProof(x) : x)),
      ],
      [
        'a checkpoint signature replaced (not seen by Python)',
        (l) => l.map((x, i) => (i === 3 ? breakSignature(x) : x)),
      ],
    ];

    it.each(tampered)('agrees on an export with %s', (name, tamper) => {
      const lines = tamper(exported);
      const report = verifyExport(lines, { trustedKeys });
      const { status, out } = python([file(name.replace(/\W+/g, '-'), lines)]);
      expect(out.events).toEqual(report.events.map((e) => ({ line: e.line, included: e.included })));
      expect(out.consistency).toEqual(report.consistency.map(({ size1, size2, ok }) => ({ size1, size2, ok })));
      expect(out.heads).toEqual(report.heads.map(({ line, ok }) => ({ line, ok })));
      expect(out.valid).toBe(validApartFromSignatures(report));
      expect(status).toBe(out.valid ? 0 : 1);
      if (name === 'untouched') expect(report.valid && out.valid && out.complete).toBe(true);
      else if (!name.includes('signature')) expect(out.valid).toBe(false);
    });

    it('agrees on a log written before links named the previous leaf by index (they named it by hash)', async () => {
      const legacy = await buildSampleLog(90, 'metadata', 'hash');
      const lines = await legacy.log.exportScope('org:o1');
      const at = lines.flatMap((l, i) => (JSON.parse(l).kind === 'event' ? [i] : []));
      expect(lines.some((l) => /"prev":"[A-Za-z0-9+/]{43}="/.test(Buffer.from(JSON.parse(l).bytes ?? '', 'base64').toString()))).toBe(true);
      for (const [name, variant] of [
        ['legacy', lines],
        ['legacy-swapped', swap(lines, at[4], at[5])],
      ] as const) {
        const report = verifyExport(variant, { trustedKeys: legacy.trustedKeys });
        const { out } = python([file(name, [...variant])]);
        expect(out.valid).toBe(report.valid);
        expect(out.valid).toBe(name === 'legacy');
      }
    });

    it('agrees on a log whose leaves wrap the stored event in an envelope', async () => {
      const wrapped = await buildSampleLog(90, 'envelope');
      const lines = await wrapped.log.exportScope('msp:m1');
      const dropped = lines.filter((_, i) => i !== 30);
      for (const [name, variant] of [
        ['envelope', lines],
        ['envelope-dropped', dropped],
      ] as const) {
        const report = verifyExport(variant, { trustedKeys: wrapped.trustedKeys });
        const { out } = python([file(name, [...variant])]);
        expect(out.valid).toBe(report.valid);
        expect(out.valid).toBe(name === 'envelope');
      }
    });
  });

function validApartFromSignatures(report: VerificationReport): boolean {
  return report.findings.every((f) => f.kind === 'bad-signature');
}

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

function zeroProof(line: string): string {
  const r = JSON.parse(line);
  r.proof[0] = Buffer.alloc(32).toString('base64');
  return JSON.stringify(r);
}

function breakSignature(line: string): string {
  const r = JSON.parse(line);
  if (r.kind !== 'checkpoint') throw new Error('line 3 should be a checkpoint');
  const sig = (r.note as string).trimEnd().split(' ').pop() as string;
  const raw = Buffer.from(sig, 'base64');
  raw.fill(7, 4); // keep the key id, replace the signature
  r.note = r.note.replace(sig, raw.toString('base64'));
  return JSON.stringify(r);
}
