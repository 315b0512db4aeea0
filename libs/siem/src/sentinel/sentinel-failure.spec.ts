import { sentinelFailure } from './sentinel-failure';

/**
 * Errors shaped as @azure/monitor-ingestion and @azure/identity throw them (names, fields and
 * message formats as observed against the Logs Ingestion test server; see sentinel-sink.int-spec).
 */
describe('sentinelFailure', () => {
  const where = { endpoint: 'https://dce.example', authority: 'https://login.example/t-1' };
  const aggregate = (cause: unknown) => Object.assign(new Error('AggregateLogsUploadError'), { name: 'AggregateLogsUploadError', errors: [{ cause, failedLogs: [] }] });
  const rest = (statusCode: number | undefined, code: string, message: string, retryAfter?: string) =>
    Object.assign(new Error(message), { name: 'RestError', statusCode, code, response: { headers: { get: (h: string) => (h === 'retry-after' ? retryAfter : undefined) } } });
  const auth = (name: string, message: string) => Object.assign(new Error(message), { name });

  it('retries 429 and 5xx with their Retry-After', () => {
    expect(sentinelFailure(aggregate(rest(429, 'TooManyRequests', 'slow down', '12')), where)).toEqual({
      kind: 'retryable',
      reason: 'Azure Monitor is unavailable (429 TooManyRequests: slow down)',
      retryAfterMs: 12_000,
    });
    expect(sentinelFailure(aggregate(rest(503, 'ServiceUnavailable', 'x')), where).kind).toBe('retryable');
  });

  it.each([
    [401, 'InvalidToken', /refused the access token/],
    [403, 'OperationFailed', /Monitoring Metrics Publisher role/],
    [404, 'NotFound', /does not know this data collection rule/],
    [400, 'InvalidStream', /check the stream name/],
    [413, 'ContentLengthLimitExceeded', /over 1 MB/],
  ])('parks on %i %s with a hint', (status, code, hint) => {
    const outcome = sentinelFailure(aggregate(rest(status, code, 'details')), where);
    expect(outcome).toEqual({ kind: 'parked', reason: expect.stringMatching(hint) });
    expect(outcome.reason).toContain(`(${status} ${code}: details)`);
  });

  it('treats a RestError without a status as a network failure', () => {
    expect(sentinelFailure(aggregate(rest(undefined, 'ECONNREFUSED', 'connect ECONNREFUSED')), where)).toEqual({ kind: 'retryable', reason: 'could not reach https://dce.example (ECONNREFUSED)' });
    expect(sentinelFailure(aggregate(rest(undefined, 'SELF_SIGNED_CERT_IN_CHAIN', 'self-signed')), where).kind).toBe('parked');
  });

  it('parks on credentials Entra ID refuses, quoting the AADSTS code', () => {
    const message = 'invalid_client: Error(s): 7000215 - Timestamp: 2024-05-01 10:00:00Z - Description: AADSTS7000215: Invalid client secret provided. Ensure the secret … - Trace ID: x';
    expect(sentinelFailure(aggregate(auth('AuthenticationRequiredError', message)), where)).toEqual({
      kind: 'parked',
      reason: 'Entra ID refused the credentials (invalid_client, AADSTS7000215: Invalid client secret provided.): check the tenant id, client id and client secret',
    });
  });

  it('retries a token endpoint that is unavailable or unreadable', () => {
    expect(sentinelFailure(aggregate(auth('AuthenticationRequiredError', 'temporarily_unavailable: Description: AADSTS50001: busy. - x')), where).kind).toBe('retryable');
    expect(sentinelFailure(aggregate(auth('CredentialUnavailableError', 'endpoints_resolution_error: See https://aka.ms/msal.js.errors')), where)).toEqual({
      kind: 'retryable',
      reason: "could not read Entra ID's OpenID metadata at https://login.example/t-1 (unreachable, or its TLS certificate is not trusted)",
    });
  });

  it('retries a timeout and anything unexpected', () => {
    expect(sentinelFailure(aggregate(Object.assign(new Error('aborted'), { name: 'AbortError' })), where)).toEqual({ kind: 'retryable', reason: 'no answer from https://dce.example in time' });
    expect(sentinelFailure(new Error('odd'), where)).toEqual({ kind: 'retryable', reason: 'unexpected error: odd' });
  });
});
