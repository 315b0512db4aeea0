import { readHecAnswer } from './hec-answer';

describe('readHecAnswer', () => {
  const answer = (status: number, body: string, headers: Record<string, string> = {}) => readHecAnswer({ status, headers, body }, 'https://s:8088', 'audit');

  it('accepts 200 with code 0, with or without an ackId, and an ack query answer', () => {
    expect(answer(200, '{"text":"Success","code":0}')).toEqual({ kind: 'accepted', ackId: undefined, acks: undefined });
    expect(answer(200, '{"text":"Success","code":0,"ackId":42}')).toMatchObject({ kind: 'accepted', ackId: 42 });
    expect(answer(200, '{"acks":{"0":true,"1":false}}')).toMatchObject({ kind: 'accepted', acks: { 0: true, 1: false } });
  });

  it.each([
    [403, 1, 'Token disabled', 'Splunk refused the token (HEC code 1: Token disabled)'],
    [401, 2, 'Token is required', 'Splunk wants a token (HEC code 2: Token is required)'],
    [401, 3, 'Invalid authorization', 'Splunk refused the authorization header (HEC code 3: Invalid authorization)'],
    [403, 4, 'Invalid token', 'Splunk refused the token (HEC code 4: Invalid token)'],
    [400, 7, 'Incorrect index', 'Splunk refused the index (HEC code 7: Incorrect index): the token may not write to index "audit"'],
    [400, 10, 'Data channel is missing', expect.stringContaining('(HEC code 10: Data channel is missing)')],
    [400, 11, 'Invalid data channel', 'Splunk refused the acknowledgement channel (HEC code 11: Invalid data channel)'],
    [400, 14, 'ACK is disabled', expect.stringContaining('(HEC code 14: ACK is disabled)')],
  ])('parks on %i code %i (%s)', (status, code, text, reason) => {
    expect(answer(status, JSON.stringify({ text, code }))).toEqual({ kind: 'parked', reason });
  });

  it('parks on refused data, naming the event', () => {
    expect(answer(400, '{"text":"Invalid data format","code":6,"invalid-event-number":3}')).toEqual({
      kind: 'parked',
      reason: 'Splunk refused the data (HEC code 6: Invalid data format, event 3 of the batch)',
    });
    expect(answer(400, '{"text":"Event field is required","code":12,"invalid-event-number":0}').kind).toBe('parked');
  });

  it('retries busy and internal errors, 429 and 5xx, with the Retry-After', () => {
    expect(answer(503, '{"text":"Server is busy","code":9}', { 'retry-after': '30' })).toEqual({
      kind: 'retryable',
      reason: 'Splunk at https://s:8088 is unavailable (HEC code 9: Server is busy)',
      retryAfterMs: 30_000,
    });
    expect(answer(500, '{"text":"Internal server error","code":8}').kind).toBe('retryable');
    expect(answer(429, '')).toEqual({ kind: 'retryable', reason: 'Splunk at https://s:8088 is unavailable (HTTP 429)' });
    expect(answer(502, '<html>bad gateway</html>').kind).toBe('retryable');
  });

  it('parks on 404, 413 and other answers that are not HEC’s', () => {
    expect(answer(404, 'not found')).toEqual({ kind: 'parked', reason: expect.stringMatching(/no HTTP Event Collector at https:\/\/s:8088 \(404\)/) });
    expect(answer(413, '')).toEqual({ kind: 'parked', reason: expect.stringMatching(/too large \(413\)/) });
    expect(answer(200, '<html>login</html>')).toEqual({ kind: 'parked', reason: 'Splunk at https://s:8088 answered 200 (<html>login</html>)' });
    expect(answer(401, '')).toEqual({ kind: 'parked', reason: 'Splunk at https://s:8088 answered 401 (empty body)' });
  });
});
