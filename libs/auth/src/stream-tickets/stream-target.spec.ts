import { streamTarget } from './stream-target';

describe('streamTarget', () => {
  it('binds the path and the query, whatever the order of the pairs and without the ticket', () => {
    const target = streamTarget('/activity-log/msp/live?category=Billing&memberEmail=a%40b.example');
    expect(target).toBe('GET /activity-log/msp/live?category=Billing&memberEmail=a%40b.example');
    expect(streamTarget('/activity-log/msp/live?memberEmail=a@b.example&ticket=stk_x&category=Billing')).toBe(target);
    expect(streamTarget('/activity-log/msp/live')).toBe('GET /activity-log/msp/live?');
  });

  it('tells apart another path, another value and an extra parameter', () => {
    const target = streamTarget('/activity-log/msp/export?format=csv');
    expect(streamTarget('/activity-log/business/export?format=csv')).not.toBe(target);
    expect(streamTarget('/activity-log/msp/export?format=jsonl')).not.toBe(target);
    expect(streamTarget('/activity-log/msp/export?format=csv&category=Billing')).not.toBe(target);
    expect(streamTarget('/activity-log/msp/export?format=csv&format=csv')).not.toBe(target);
  });

  it.each(['activity-log/msp/live', '//evil.example/activity-log/msp/live', 'https://evil.example/x', '/x#frag', ''])(
    'is not a target: %j',
    (bad) => expect(streamTarget(bad)).toBeUndefined(),
  );
});
