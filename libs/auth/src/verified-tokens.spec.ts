import { VerifiedTokens } from './verified-tokens';

const principal = { subject: 'olga', role: 'msp_owner' as const, mspId: 'msp-1' };

describe('VerifiedTokens', () => {
  let now = 1_000_000;
  const tokens = () => new VerifiedTokens(100, () => now);
  beforeEach(() => (now = 1_000_000));

  it('answers a verified token until its exp, and not from its exp on', () => {
    const cache = tokens();
    cache.remember('token-a', { principal, expiresAt: now + 60_000 });
    expect(cache.get('token-a')).toEqual({ principal, expiresAt: now + 60_000 });
    now += 59_999;
    expect(cache.get('token-a')?.principal).toEqual(principal);
    now += 1;
    expect(cache.get('token-a')).toBeUndefined();
  });

  it('reuses a verification at most five minutes, however late the token expires (or if it never does)', () => {
    const cache = tokens();
    cache.remember('long', { principal, expiresAt: now + 3_600_000 });
    cache.remember('forever', { principal });
    now += 5 * 60_000;
    expect(cache.get('long')).toBeUndefined();
    expect(cache.get('forever')).toBeUndefined();
  });

  it('answers only the very token it verified, and keeps no token in clear', () => {
    const cache = tokens();
    cache.remember('token-a', { principal, expiresAt: now + 60_000 });
    expect(cache.get('token-b')).toBeUndefined();
    expect(cache.get('token-a ')).toBeUndefined();
    expect(JSON.stringify([...(cache as unknown as { entries: Map<string, unknown> }).entries.keys()])).not.toContain('token-a');
  });

  it('hands out a frozen principal, so one request cannot change what the next one sees', () => {
    const cache = tokens();
    cache.remember('token-a', { principal: { ...principal }, expiresAt: now + 60_000 });
    expect(Object.isFrozen(cache.get('token-a')!.principal)).toBe(true);
  });
});
