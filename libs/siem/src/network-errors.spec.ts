import { networkFailure } from './network-errors';

describe('networkFailure', () => {
  const error = (code: string, message = 'x') => Object.assign(new Error(message), { code });

  it.each(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID'])('parks on %s', (code) => {
    expect(networkFailure(error(code), 'https://splunk.example:8088')).toEqual({
      kind: 'parked',
      reason: `the TLS certificate of https://splunk.example:8088 is not trusted (${code}: x)`,
    });
  });

  it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN'])('retries on %s', (code) => {
    expect(networkFailure(error(code), 'https://splunk.example:8088')).toEqual({ kind: 'retryable', reason: `could not reach https://splunk.example:8088 (${code})` });
  });

  it('finds the code on a wrapped cause, and names an abort as a timeout', () => {
    expect(networkFailure(new Error('fetch failed', { cause: error('ECONNREFUSED') }), 'h').reason).toBe('could not reach h (ECONNREFUSED)');
    expect(networkFailure(Object.assign(new Error('aborted'), { name: 'AbortError' }), 'h').reason).toBe('could not reach h (timed out)');
    expect(networkFailure(new Error('odd'), 'h').reason).toBe('could not reach h (odd)');
  });
});
