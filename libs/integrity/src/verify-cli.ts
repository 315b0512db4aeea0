/**
 * Standalone offline verifier: `verify-cli --key <verifier key> [--key …] [--scope S] [--json] EXPORT`.
 * Exit status 0 when the export verifies, 1 when it does not, 2 on a usage error.
 *
 *   npx ts-node --transpile-only libs/integrity/src/verify-cli.ts --key "$(cat log.vkey)" export.jsonl
 */
import { readFileSync } from 'node:fs';
import { NoteKeyError, parseVerifierKey } from './checkpoint/note-keys';
import { VerificationReport } from './verifier/verification-report';
import { verifyExport } from './verifier/verify-export';

const USAGE = 'usage: verify-cli --key <name+id+key> [--key ...] [--scope <scope>] [--json] <export.jsonl>';

export interface CliIo {
  readFile(path: string): string;
  out(text: string): void;
  err(text: string): void;
}

export function runVerifyCli(argv: readonly string[], io: CliIo): number {
  const keys: string[] = [];
  const files: string[] = [];
  let scope: string | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--key' && argv[i + 1]) keys.push(argv[++i]);
    else if (arg === '--scope' && argv[i + 1]) scope = argv[++i];
    else if (arg === '--json') json = true;
    else if (!arg.startsWith('--')) files.push(arg);
    else return usage(io, `unknown option ${arg}`);
  }
  if (keys.length === 0 || files.length !== 1) return usage(io, 'one export file and at least one --key are needed');
  try {
    keys.forEach(parseVerifierKey);
  } catch (error) {
    if (error instanceof NoteKeyError) return usage(io, `bad --key: ${error.message}`);
    throw error;
  }
  let text: string;
  try {
    text = io.readFile(files[0]);
  } catch (error) {
    return usage(io, `cannot read ${files[0]}: ${(error as Error).message}`);
  }
  const report = verifyExport(text.split('\n'), { trustedKeys: keys, scope });
  io.out(json ? JSON.stringify(report, null, 2) : summary(report));
  return report.valid ? 0 : 1;
}

function summary(r: VerificationReport): string {
  const lines = [`${r.valid ? 'VALID' : 'NOT VALID'}: scope ${r.scope ?? '?'} of log ${r.origin ?? '?'}`];
  if (r.coverage) {
    const c = r.coverage;
    lines.push(
      `covers seqs ${c.fromSeq}..${c.toSeq - 1} (tree sizes ${c.fromTreeSize} to ${c.toTreeSize}, up to ${c.toTime ?? '?'})`,
    );
  }
  for (const range of r.ranges) {
    const seqs =
      range.fromSeq !== undefined && range.toSeq !== undefined ? ` seqs ${range.fromSeq}..${range.toSeq - 1}` : '';
    lines.push(
      `  leaves ${range.fromTreeSize}..${range.toTreeSize - 1}${seqs} (${range.time ?? '?'}): ${range.status}, ${range.events} events`,
    );
  }
  for (const f of r.findings) lines.push(`${f.kind}: ${f.message}`);
  return lines.join('\n');
}

function usage(io: CliIo, problem: string): number {
  io.err(`${problem}\n${USAGE}`);
  return 2;
}

if (require.main === module) {
  process.exitCode = runVerifyCli(process.argv.slice(2), {
    readFile: (path) => readFileSync(path, 'utf8'),
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  });
}
