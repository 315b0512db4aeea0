import { parked, retryable, SendParked, SendRetryable } from './siem-sink.port';

/** Node's codes for a certificate the client does not trust: a configuration error. */
const UNTRUSTED_CERTIFICATE = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * The outcome of a request that got no HTTP answer. An untrusted certificate parks (someone must
 * fix the URL or the CA); anything else (refused, reset, timed out, DNS) is retried.
 */
export function networkFailure(error: unknown, where: string): SendRetryable | SendParked {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code && UNTRUSTED_CERTIFICATE.has(code)) return parked(`the TLS certificate of ${where} is not trusted (${code}: ${message})`);
  return retryable(`could not reach ${where} (${code ?? message})`);
}

export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, name, cause } = error as { code?: unknown; name?: unknown; cause?: unknown };
  if (typeof code === 'string') return code;
  if (name === 'AbortError' || name === 'TimeoutError') return 'timed out';
  return cause === undefined ? undefined : errorCode(cause);
}
