import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './support/api-process';
import { mspPrincipal } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';

const EXAMPLE = join(__dirname, 'fixtures', 'readme-pull.mjs');

/** The README's `pull.mjs` block, exactly as a reader would copy it. */
function readmeExample(): string {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  const block = /```js\n(\/\/ pull\.mjs[\s\S]*?)```/.exec(readme);
  if (!block) throw new Error('README.md has no ```js block starting with // pull.mjs');
  return block[1];
}

/** Runs the example as the README says (`node pull.mjs credentials.json [cursor]`): the entries it printed and the cursor it names. */
async function runExample(...args: string[]): Promise<{ entries: any[]; resumeCursor: string }> {
  const { stdout, stderr } = await promisify(execFile)(process.execPath, [EXAMPLE, ...args]);
  const resume = /^caught up; resume with: node pull\.mjs \S+ (\S+)$/m.exec(stderr);
  if (!resume) throw new Error(`the example did not say where to resume: ${stderr}`);
  return { entries: stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line)), resumeCursor: resume[1] };
}

/** The README's copy-paste client, run as a separate node process against a listening API. */
describe('README API access example (pull.mjs)', () => {
  let t: TestApp;
  let admin: string;
  let credentialsFile: string;

  beforeAll(async () => {
    const port = await freePort();
    t = await startTestApp({ API_BASE_URL: `http://127.0.0.1:${port}` });
    await new Promise<void>((resolve) => t.app.getHttpServer().listen(port, '127.0.0.1', resolve));
    admin = await t.token(mspPrincipal('msp_admin', 'msp-readme'));
    await t.command('/organizations', admin, { name: 'Readme Inc' });
    const { credentials } = await t.command('/api-keys', admin, { name: 'Readme SIEM' });
    credentialsFile = join(t.config.DATA_DIR, 'credentials.json');
    writeFileSync(credentialsFile, JSON.stringify(credentials));
  });

  afterAll(async () => t?.close());

  it('is the code the README shows, byte for byte', () => {
    expect(readmeExample()).toBe(readFileSync(EXAMPLE, 'utf8'));
  });

  it('pulls the MSP log with the downloaded credentials, then resumes from the cursor it printed with only what came after', async () => {
    await t.query('/activity-log/msp', admin).expect(200); // the view has applied both commands
    const first = await runExample(credentialsFile);
    expect(first.entries.map((e) => [e.eventType, e.summary])).toEqual([
      ['OrganizationCreated', expect.stringMatching(/created organization 'Readme Inc'$/)],
      ['MspApiKeyGenerated', expect.stringMatching(/generated API key 'Readme SIEM'$/)],
    ]);

    await t.command('/organizations', admin, { name: 'Later Inc' });
    await t.query('/activity-log/msp', admin).expect(200);
    const resumed = await runExample(credentialsFile, first.resumeCursor);
    expect(resumed.entries.map((e) => [e.eventType, e.summary])).toEqual([
      ['OrganizationCreated', expect.stringMatching(/created organization 'Later Inc'$/)],
    ]);
    expect(resumed.resumeCursor).not.toBe(first.resumeCursor);
  });
});
