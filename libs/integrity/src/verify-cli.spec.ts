import { buildSampleLog } from './testing/sample-log';
import { runVerifyCli } from './verify-cli';

describe('verify-cli', () => {
  let exportText: string;
  let keys: string[];

  beforeAll(async () => {
    const sample = await buildSampleLog(120);
    exportText = (await sample.log.exportScope('org:o3')).join('\n') + '\n';
    keys = sample.trustedKeys;
  });

  const run = (argv: string[], files: Record<string, string> = { 'export.jsonl': exportText }) => {
    const out: string[] = [];
    const err: string[] = [];
    const status = runVerifyCli(argv, {
      readFile: (p) => {
        if (!(p in files)) throw new Error('no such file');
        return files[p];
      },
      out: (t) => out.push(t),
      err: (t) => err.push(t),
    });
    return { status, out: out.join('\n'), err: err.join('\n') };
  };

  it('prints VALID, the coverage and each range, and exits 0', () => {
    const { status, out } = run(['--key', keys[0], '--key', keys[1], '--scope', 'org:o3', 'export.jsonl']);
    expect(status).toBe(0);
    expect(out).toMatch(/^VALID: scope org:o3 of log audit\.example\/activity-log\ncovers seqs 0\.\./);
    expect(out).toMatch(/leaves 0\.\.36 seqs 0\.\.\d+ \(2024-01-01T00:00:00\.000Z\): valid, \d+ events/);
  });

  it('exits 1 and names the problem when the export does not verify', () => {
    const lines = exportText.split('\n');
    const cut = lines.slice(0, lines.length - 4).join('\n');
    const { status, out } = run(['--key', keys[0], '--key', keys[1], 'cut.jsonl'], { 'cut.jsonl': cut });
    expect(status).toBe(1);
    expect(out).toContain('NOT VALID');
    expect(out).toContain('missing: org:o3: the last events');
  });

  it('prints the whole report as JSON with --json', () => {
    const { out } = run(['--json', '--key', keys[0], '--key', keys[1], 'export.jsonl']);
    expect(JSON.parse(out).valid).toBe(true);
  });

  it.each([
    [['export.jsonl'], 'at least one --key'],
    [['--key', 'nope', 'export.jsonl'], 'bad --key'],
    [['--key', 'k', '--frob', 'export.jsonl'], 'unknown option --frob'],
    [['--key', 'x+00000000+AQ==', 'missing.jsonl'], 'bad --key'],
  ])('refuses %j with a usage message and exit 2', (argv, message) => {
    const { status, err } = run(argv as string[]);
    expect(status).toBe(2);
    expect(err).toContain(message);
  });

  it('says when the file cannot be read', () => {
    const { status, err } = run(['--key', keys[0], 'missing.jsonl']);
    expect(status).toBe(2);
    expect(err).toContain('cannot read missing.jsonl');
  });
});
