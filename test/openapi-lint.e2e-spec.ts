import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from './support/test-app';

const root = join(__dirname, '..');
/** Where the linted document is written: .redocly.lint-ignore.yaml names this path; CI keeps reports/. */
const DOCUMENT = join(root, 'reports', 'openapi.json');
const REDOCLY = join(root, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');

type Operation = { operationId: string; summary?: string; parameters?: any[]; responses: Record<string, any>; security?: any[] };

/** The OpenAPI document of the whole API, as a client generator reads it, and `redocly lint` on it. */
describe('The OpenAPI document', () => {
  let t: TestApp;
  let doc: any;
  let operations: { method: string; path: string; op: Operation }[];

  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.http().get('/openapi.json').expect(200)).body;
    mkdirSync(join(root, 'reports'), { recursive: true });
    writeFileSync(DOCUMENT, JSON.stringify(doc, null, 2));
    operations = Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ method, path, op })),
    );
  });
  afterAll(() => t.close());

  // Stream tickets and the OAuth token endpoint record nothing: no Idempotency-Key (an assertion's jti is single-use anyway).
  const commandRoutes = () => operations.filter((o) => o.method === 'post' && !['/stream-tickets', '/oauth/token'].includes(o.path));
  const ticketRoutes = () => operations.filter((o) => /^\/(activity-log|organizations).*\/(live|export)$/.test(o.path));
  const jsonOnly = (response: any) => Object.keys(response.content ?? { 'application/json': {} });

  it('passes redocly lint with the recommended rules, no error and no warning', () => {
    const run = spawnSync(process.execPath, [REDOCLY, 'lint', DOCUMENT, '--config', join(root, 'redocly.yaml'), '--format', 'json'], {
      cwd: root, encoding: 'utf8', timeout: 60_000,
    });
    const report = JSON.parse(run.stdout);
    expect(report.problems.map((p: any) => `${p.ruleId}: ${p.message} at ${p.location?.[0]?.pointer}`)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    expect(run.status).toBe(0);
  }, 90_000);

  it('gives every operation a summary', () => {
    expect(operations.length).toBeGreaterThan(90);
    expect(operations.filter((o) => !o.op.summary?.trim()).map((o) => `${o.method} ${o.path}`)).toEqual([]);
  });

  it('documents Idempotency-Key on every command route, and Idempotent-Replayed on its answer', () => {
    expect(commandRoutes().length).toBeGreaterThan(60);
    for (const { path, op } of commandRoutes()) {
      const header = op.parameters?.find((p) => p.in === 'header' && p.name === 'Idempotency-Key');
      expect([path, header?.required, header?.schema]).toEqual([path, false, expect.objectContaining({ type: 'string', maxLength: 255 })]);
      const success = Object.entries(op.responses).find(([status]) => status.startsWith('2'))![1];
      expect([path, Object.keys(success.headers ?? {})]).toEqual([path, expect.arrayContaining(['Idempotent-Replayed', 'X-Request-Id'])]);
    }
  });

  it('documents X-Request-Id on every answer of every operation', () => {
    expect(doc.components.headers['X-Request-Id'].schema).toEqual({ type: 'string' });
    const missing = operations.flatMap(({ method, path, op }) =>
      Object.entries(op.responses).filter(([, r]) => !r.headers?.['X-Request-Id']).map(([status]) => `${method} ${path} ${status}`),
    );
    expect(missing).toEqual([]);
  });

  it('declares what exports and live tails send: the file with Content-Disposition, events, and errors as JSON', () => {
    expect(ticketRoutes()).toHaveLength(6);
    for (const { path, op } of ticketRoutes()) {
      const ok = op.responses['200'];
      if (path.endsWith('/export')) {
        expect(Object.keys(ok.content)).toEqual(['text/csv; charset=utf-8', 'application/x-ndjson']);
        expect(ok.headers['Content-Disposition'].schema).toEqual({ type: 'string' });
      } else {
        expect(Object.keys(ok.content)).toEqual(['text/event-stream']);
      }
      for (const [status, response] of Object.entries(op.responses).filter(([s]) => s !== '200')) {
        expect([path, status, jsonOnly(response)]).toEqual([path, status, ['application/json']]);
      }
      expect(op.security).toEqual(expect.arrayContaining([{ bearer: [] }, { streamTicket: [] }]));
    }
    expect(doc.components.securitySchemes.streamTicket).toMatchObject({ type: 'apiKey', in: 'query', name: 'ticket' });
  });

  it('types the window as date-times and limits as integers, wherever they are taken', () => {
    const parameters = operations.flatMap((o) => (o.op.parameters ?? []).map((p) => ({ ...p, at: `${o.method} ${o.path}` })));
    const windows = parameters.filter((p) => p.in === 'query' && ['from', 'to'].includes(p.name));
    const limits = parameters.filter((p) => p.in === 'query' && p.name === 'limit');
    expect(windows.length).toBeGreaterThanOrEqual(14);
    expect(windows.filter((p) => p.schema.format !== 'date-time').map((p) => p.at)).toEqual([]);
    expect(limits.length).toBeGreaterThanOrEqual(8);
    expect(limits.filter((p) => p.schema.type !== 'integer').map((p) => p.at)).toEqual([]);
  });

  it('says which routes need no token, and that everything else needs the bearer token', () => {
    expect(doc.security).toEqual([{ bearer: [] }]);
    const open = operations.filter((o) => o.op.security?.some((s: object) => Object.keys(s).length === 0)).map((o) => o.path).sort();
    // The audit log's keys, checkpoints and consistency proofs hold no tenant data: auditors fetch them without one.
    expect(open).toEqual(['/audit/checkpoints', '/audit/proofs/consistency', '/audit/public-key', '/health', '/health/live', '/health/ready', '/metrics', '/oauth/token']);
    expect(operations.find((o) => o.path === '/metrics')!.op.security).toEqual([{}, { metricsToken: [] }]);
  });
});
