import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** The lint's boundary rules, tried on code that breaks them: each must be refused. */
describe('import boundaries (eslint.config.mjs)', () => {
  const root = join(__dirname, '..');
  const eslintBin = join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');

  /** Runs the project's ESLint (a child process: its config loader needs native ESM) on `code` as if it were `file`. */
  async function problems(file: string, code: string): Promise<string[]> {
    const run = promisify(execFile)(process.execPath, [eslintBin, '--format', 'json', '--stdin', '--stdin-filename', file], { cwd: root });
    run.child.stdin!.end(code);
    const { stdout } = await run.catch((failed: { stdout: string }) => ({ stdout: failed.stdout })); // exit 1 when it reports errors
    const [result] = JSON.parse(stdout) as { messages: { ruleId: string | null; message: string }[] }[];
    return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  }

  it.each([
    ['libs/queries/src/x.ts', "import { CommandExecutor } from '@app/commands';"],
    ['libs/commands/src/x.ts', "import { ACTIVITY_LOG_STORE } from '@app/projections';"],
    ['libs/domain/src/x.ts', "import { AppConfig } from '@app/config';"],
    ['libs/projections/src/x.ts', "import { TenantDirectory } from '@app/tenancy/tenant-directory';"],
    ['libs/queries/src/a/x.ts', "import { CommandExecutor } from '../../../commands/src/shared/command-executor';"],
    ['libs/auth/src/x.ts', "import { ApiModule } from '../../../apps/api/src/api.module';"],
    ['libs/streams/src/x.ts', "import { HttpErrorFilter } from '@app/http';"],
    ['libs/metrics/src/x.ts', "import { EVENT_STORE } from '@app/event-store';"],
  ])('refuses %s: %s', async (file, code) => {
    expect(await problems(file, `${code}\nexport const used = [${code.match(/\{ (\w+) \}/)![1]}];\n`)).toHaveLength(1);
  });

  it.each([
    ['libs/queries/src/x.ts', "import { ACTIVITY_LOG_STORE } from '@app/projections';"],
    ['libs/commands/src/x.ts', "import { TenantDirectory } from '@app/tenancy';"],
    ['libs/queries/src/x.int-spec.ts', "import { mongoTestDatabases } from '@app/mongo';"],
    ['apps/api/src/x.ts', "import { CommandExecutor } from '@app/commands';"],
    ['libs/queries/src/a/x.ts', "import { Freshness } from '../shared/freshness';"],
    ['libs/event-store/src/x.ts', "import { AppendMetrics } from '@app/metrics';"],
  ])('allows %s: %s', async (file, code) => {
    expect(await problems(file, `${code}\nexport const used = [${code.match(/\{ (\w+) \}/)![1]}];\n`)).toEqual([]);
  });
});
