import { backoffDelayMs, parseRetryAfter, retryDelayMs } from './backoff';

describe('backoff', () => {
  const policy = { initialMs: 100, maxMs: 1_000, maxRetryAfterMs: 5_000 };

  it('draws uniformly below an exponentially growing, capped ceiling (full jitter)', () => {
    const almostOne = () => 0.999_999;
    expect([0, 1, 2, 3, 4, 10, 2_000].map((attempt) => backoffDelayMs(attempt, policy, almostOne))).toEqual([99, 199, 399, 799, 999, 999, 999]);
    expect(backoffDelayMs(3, policy, () => 0)).toBe(0);
    expect(backoffDelayMs(3, policy, () => 0.5)).toBe(400);
  });

  it('waits at least the Retry-After, capped, and never less than the backoff', () => {
    expect(retryDelayMs(0, 3_000, policy, () => 0.5)).toBe(3_000);
    expect(retryDelayMs(0, 60_000, policy, () => 0.5)).toBe(5_000);
    expect(retryDelayMs(4, 0, policy, () => 0.5)).toBe(500);
    expect(retryDelayMs(4, undefined, policy, () => 0.5)).toBe(500);
  });

  it('reads Retry-After as seconds or as an HTTP-date', () => {
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter('1.5', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});
