import { loadConfig } from './app-config';
import { logFormatOf, pinoHttpOptions, withoutTicket } from './logging.module';

describe('the log format', () => {
  it.each([
    ['auto', true, true, 'pretty'],
    ['auto', false, true, 'json'],
    ['json', true, true, 'json'],
    ['pretty', false, true, 'pretty'],
    ['auto', true, false, 'json'],
    ['pretty', true, false, 'json'],
  ] as const)('LOG_FORMAT=%s, stdout a terminal: %s, pino-pretty installed: %s → %s', (setting, tty, installed, format) => {
    expect(logFormatOf(setting, tty, installed)).toBe(format);
  });

  it('is auto unless set, and refuses an unknown one', () => {
    expect(loadConfig({}).LOG_FORMAT).toBe('auto');
    expect(() => loadConfig({ LOG_FORMAT: 'fancy' })).toThrow(/LOG_FORMAT must be one of auto, json, pretty \(got "fancy"\)/);
  });

  it('redacts credentials in both formats and writes one line per request only for people', () => {
    const config = loadConfig({});
    const [json, pretty] = [pinoHttpOptions(config, false), pinoHttpOptions(config, true)];
    expect(json.redact).toEqual(pretty.redact);
    expect(json.redact).toMatchObject({ paths: expect.arrayContaining(['req.headers.authorization', 'req.headers.cookie']) });
    expect(json.redact).toMatchObject({ paths: expect.arrayContaining(['req.remoteAddress', 'req.headers["x-forwarded-for"]', 'req.headers["user-agent"]']) });
    expect(json.customSuccessMessage).toBeUndefined();
    const req = { method: 'GET', url: '/activity-log/msp?limit=5' } as never;
    expect(pretty.customSuccessMessage!(req, { statusCode: 200 } as never, 12.4)).toBe('GET /activity-log/msp?limit=5 200 12 ms');
  });

  it('keeps stream tickets out of logged URLs', () => {
    expect(withoutTicket('/activity-log/msp/live?ticket=stk_abc&category=Billing')).toBe('/activity-log/msp/live?ticket=[redacted]&category=Billing');
    expect(withoutTicket('/activity-log/msp/export?format=csv&ticket=stk_abc')).toBe('/activity-log/msp/export?format=csv&ticket=[redacted]');
    expect(withoutTicket('/activity-log/msp?limit=5')).toBe('/activity-log/msp?limit=5');
    const options = pinoHttpOptions(loadConfig({}), true);
    const req = { method: 'GET', url: '/activity-log/msp/live?ticket=stk_abc' } as never;
    expect(options.customSuccessMessage!(req, { statusCode: 200 } as never, 3)).toBe('GET /activity-log/msp/live?ticket=[redacted] 200 3 ms');
    const serialized = (options.serializers!.req as (r: object) => { url: string })({ url: '/x?ticket=stk_abc' });
    expect(serialized.url).toBe('/x?ticket=[redacted]');
  });
});
