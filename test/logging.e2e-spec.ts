import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startApiProcess } from './support/api-process';

const SECRET = 'not-a-real-token-but-a-secret-all-the-same';
const REQUEST_ID = 'panel-7f3a/request:42';

/** Starts the API, sends one request with a bearer token and a request id, and returns what the process printed. */
async function logsOf(env: Record<string, string>): Promise<{ stdout: string; echoed: string | null }> {
  const dir = mkdtempSync(join(tmpdir(), 'api-logs-'));
  const port = await freePort();
  const api = startApiProcess({ DATA_DIR: dir, PORT: String(port), LOG_LEVEL: 'info', ...env });
  let stdout = '';
  let echoed: string | null = null;
  try {
    await api.output(/API listening/);
    const res = await fetch(`http://127.0.0.1:${port}/activity-log/msp`, { headers: { Authorization: `Bearer ${SECRET}`, 'X-Request-Id': REQUEST_ID } });
    expect(res.status).toBe(401);
    echoed = res.headers.get('x-request-id');
    await api.output(/request completed|GET \/activity-log\/msp 401/);
  } finally {
    stdout = (await api.stop()).stdout;
    rmSync(dir, { recursive: true, force: true });
  }
  return { stdout, echoed };
}

describe('the API logs', () => {
  it('are JSON lines when stdout is not a terminal, with credentials redacted and the request id', async () => {
    const { stdout, echoed } = await logsOf({});
    const lines = stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line));
    expect(lines.find((l) => /API listening/.test(l.msg))).toMatchObject({ level: 30 });
    const request = lines.find((l) => l.msg === 'request completed');
    expect(request).toMatchObject({
      requestId: REQUEST_ID,
      req: { id: REQUEST_ID, method: 'GET', url: '/activity-log/msp', headers: { authorization: '[redacted]' } },
      res: { statusCode: 401, headers: { 'x-request-id': REQUEST_ID } },
    });
    expect(echoed).toBe(REQUEST_ID);
    expect(JSON.stringify(lines)).not.toContain(SECRET);
  }, 60_000);

  it('are readable lines when asked for (as at a terminal), one per request with its id, still without credentials', async () => {
    const { stdout: output } = await logsOf({ LOG_FORMAT: 'pretty' });
    const lines = output.split('\n').filter(Boolean);
    expect(lines.some((l) => l.startsWith('{'))).toBe(false);
    expect(output).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: API listening on http:\/\/127\.0\.0\.1:\d+/m);
    expect(output).toContain(`INFO: GET /activity-log/msp 401`);
    expect(output).toMatch(new RegExp(`INFO: GET /activity-log/msp 401 \\d+ ms \\(request ${REQUEST_ID.replace(/[/]/g, '\\/')}\\)$`, 'm'));
    expect(output).not.toContain(SECRET);
  }, 60_000);
});
