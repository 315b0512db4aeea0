import { readFileSync } from 'node:fs';
import { runVerifyCli } from '@app/integrity/verify-cli';

const USAGE = 'usage: cli verify --export <export.jsonl> --public-key <keys file> [--scope <scope>] [--json]';

/**
 * `cli verify`: checks an integrity export with nothing but the file and the public keys: no
 * server, no database, no configuration (main.ts runs it before anything else boots).
 * The keys file is GET /audit/public-key's JSON, or verifier keys one per line.
 * Exit status: 0 valid, 1 not valid, 2 usage error.
 */
export function verifyOffline(argv: readonly string[]): number {
  let exportFile: string | undefined;
  let keysFile: string | undefined;
  const passOn: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--export') exportFile = argv[++i];
    else if (argv[i] === '--public-key') keysFile = argv[++i];
    else if (argv[i] === '--scope' && argv[i + 1]) passOn.push('--scope', argv[++i]);
    else if (argv[i] === '--json') passOn.push('--json');
    else return usage(`unknown argument ${argv[i]}`);
  }
  if (!exportFile || !keysFile) return usage('--export and --public-key are required');
  let keys: string[];
  try {
    keys = readKeys(readFileSync(keysFile, 'utf8'));
  } catch (error) {
    return usage(`cannot read the keys in ${keysFile}: ${(error as Error).message}`);
  }
  if (keys.length === 0) return usage(`${keysFile} holds no verifier key`);
  return runVerifyCli([...keys.flatMap((k) => ['--key', k]), ...passOn, exportFile], {
    readFile: (path) => readFileSync(path, 'utf8'),
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  });
}

function readKeys(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    const json = JSON.parse(trimmed) as { current?: unknown; previous?: unknown };
    return [json.current, ...(Array.isArray(json.previous) ? json.previous : [])].filter((k): k is string => typeof k === 'string');
  }
  return trimmed.split(/\s+/).filter(Boolean);
}

function usage(problem: string): number {
  process.stderr.write(`${problem}\n${USAGE}\n`);
  return 2;
}
