import { epochSeconds, hecEventJson } from './hec-event';
import { hecBaseUrl } from './splunk-hec-sink';

describe('HEC event format', () => {
  const record = { eventId: 'e-1', occurredAt: '2024-05-01T10:00:00.123Z', entry: { eventId: 'e-1', summary: 'Renamed' } };

  it('writes time as epoch seconds with milliseconds, metadata, the entry with its event id, and the id as a field', () => {
    const json = hecEventJson(record, { host: 'w1', source: 'activity-log', sourcetype: '_json', index: 'audit' });
    expect(json).toBe('{"time":1714557600.123,"host":"w1","source":"activity-log","sourcetype":"_json","index":"audit","event":{"eventId":"e-1","summary":"Renamed"},"fields":{"eventId":"e-1"}}');
  });

  it('leaves index out when none is set (the token’s default), and time out when unreadable', () => {
    const parsed = JSON.parse(hecEventJson({ ...record, occurredAt: 'yesterday' }, { host: 'w1', source: 's', sourcetype: 't' }));
    expect(parsed).not.toHaveProperty('index');
    expect(parsed).not.toHaveProperty('time');
  });

  it('keeps milliseconds exact', () => {
    expect(epochSeconds('2024-05-01T10:00:00.001Z')).toBe(1714557600.001);
    expect(epochSeconds('2024-05-01T10:00:00.999Z')).toBe(1714557600.999);
    expect(String(epochSeconds('2024-05-01T10:00:00.100Z'))).toBe('1714557600.1');
  });

  it.each([
    ['https://splunk.example:8088', 'https://splunk.example:8088'],
    ['https://splunk.example:8088/', 'https://splunk.example:8088'],
    ['https://splunk.example:8088/services/collector/event', 'https://splunk.example:8088'],
    ['https://splunk.example:8088/services/collector', 'https://splunk.example:8088'],
    ['https://gw.example/splunk/services/collector/event/1.0', 'https://gw.example/splunk'],
  ])('takes %s as the HEC base %s', (url, base) => {
    expect(hecBaseUrl(url)).toBe(base);
  });
});
