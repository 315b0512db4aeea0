import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startApiProcess } from './support/api-process';

const SECRET = 'not-a-real-token-but-a-secret-all-the-same';

/** Starts the API, sends one request with a bearer token, and returns what the process printed. */
async function logsOf(env: Record<string, string>): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'api-logs-'));
  const port = await freePort();
  const api = startApiProcess({ DATA_DIR: dir, PORT: String(port), LOG_LEVEL: 'info', ...env });
  let stdout = '';
  try {
    await api.output(/API listening/);
    const res = await fetch(`http://127.0.0.1:${port}/activity-log/msp`, { headers: { Authorization: `Bearer ${SECRET}` } });
    expect(res.status).toBe(401);
    await api.output(/request completed|GET \/activity-log\/msp 401/);
  } finally {
    stdout = (await api.stop()).stdout;
    rmSync(dir, { recursive: true, force: true });
  }
  return stdout;
}

describe('the API logs', () => {
  it('are JSON lines when stdout is not a terminal, with credentials redacted', async () => {
    const lines = (await logsOf({})).split('\n').filter(Boolean).map((line) => JSON.parse(line));
    expect(lines.find((l) => /API listening/.test(l.msg))).toMatchObject({ level: 30 });
    const request = lines.find((l) => l.msg === 'request completed');
    expect(request).toMatchObject({ req: { method: 'GET', url: '/activity-log/msp', headers: { authorization: '[redacted]' } }, res: { statusCode: 401 } });
    expect(JSON.stringify(lines)).not.toContain(SECRET);
  }, 60_000);

  it('are readable lines when asked for (as at a terminal), one per request, still without credentials', async () => {
    const output = await logsOf({ LOG_FORMAT: 'pretty' });
    const lines = output.split('\n').filter(Boolean);
    expect(lines.some((l) => l.startsWith('{'))).toBe(false);
    expect(output).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: API listening on http:\/\/127\.0\.0\.1:\d+/m);
    expect(output).toMatch(/INFO: GET \/activity-log\/msp 401 \d+ ms$/m);
    expect(output).not.toContain(SECRET);
  }, 60_000);
});
