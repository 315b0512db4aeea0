import { parseRetryAfter } from '../backoff';
import { networkFailure } from '../network-errors';
import { parked, retryable, SendParked, SendRetryable } from '../siem-sink.port';

/** Entra ID error codes (OAuth `error`) that mean the integration's credentials or ids are wrong. */
const CREDENTIAL_ERRORS = /^(invalid_client|unauthorized_client|invalid_request|invalid_scope|invalid_resource|invalid_grant|unsupported_grant_type|invalid_tenant)\b/;

/** What the Logs Ingestion status codes ask of the operator. */
const INGESTION_HINTS: Record<number, string> = {
  400: 'Azure Monitor refused the data: check the stream name and the rule’s stream declaration',
  401: 'Azure Monitor refused the access token',
  403: 'the app registration may not ingest through this data collection rule: give it the Monitoring Metrics Publisher role on the rule',
  404: 'Azure Monitor does not know this data collection rule: check the rule’s immutable id and the endpoint',
  413: 'Azure Monitor refused a call as over 1 MB',
};

interface RestErrorLike {
  name: string;
  message: string;
  code?: string;
  statusCode?: number;
  response?: { headers: { get(name: string): string | undefined } };
}

/**
 * The outcome of an error from @azure/monitor-ingestion / @azure/identity. Their messages carry
 * the services' error codes and descriptions, never the client secret.
 */
export function sentinelFailure(error: unknown, where: { endpoint: string; authority: string }): SendRetryable | SendParked {
  const cause = firstCause(error) as RestErrorLike;
  if (cause?.name === 'RestError') return ingestionFailure(cause, where.endpoint);
  if (typeof cause?.name === 'string' && /^(AuthenticationRequiredError|AuthenticationError|CredentialUnavailableError)$/.test(cause.name)) {
    return tokenFailure(cause.message, where.authority);
  }
  if (cause?.name === 'AbortError') return retryable(`no answer from ${where.endpoint} in time`);
  return retryable(`unexpected error: ${cause?.message ?? String(error)}`);
}

function ingestionFailure(error: RestErrorLike, endpoint: string): SendRetryable | SendParked {
  const status = error.statusCode;
  if (status === undefined) return networkFailure(error, endpoint);
  const detail = `${status}${error.code ? ` ${error.code}` : ''}: ${error.message}`;
  if (status === 408 || status === 429 || status >= 500) {
    return retryable(`Azure Monitor is unavailable (${detail})`, parseRetryAfter(error.response?.headers.get('retry-after')));
  }
  return parked(`${INGESTION_HINTS[status] ?? 'Azure Monitor refused the call'} (${detail})`);
}

export const METADATA_UNREADABLE = "could not read Entra ID's OpenID metadata";

/** MSAL reports a failed metadata read the same way for refused, unreachable and untrusted TLS. */
function tokenFailure(message: string, authority: string): SendRetryable | SendParked {
  if (message.includes('endpoints_resolution_error')) {
    return retryable(`${METADATA_UNREADABLE} at ${authority} (unreachable, or its TLS certificate is not trusted)`);
  }
  const summary = describeEntraError(message);
  if (CREDENTIAL_ERRORS.test(message)) return parked(`Entra ID refused the credentials (${summary}): check the tenant id, client id and client secret`);
  return retryable(`could not get a token from Entra ID at ${authority} (${summary})`);
}

/** "invalid_client: Error(s): 7000215 - … - Description: AADSTS7000215: Invalid client secret provided. …" → "invalid_client, AADSTS7000215: Invalid client secret provided." */
function describeEntraError(message: string): string {
  const error = /^([a-z_]+):/.exec(message)?.[1];
  const aadsts = /AADSTS\d+: [^.]*\./.exec(message)?.[0];
  if (error && aadsts) return `${error}, ${aadsts}`;
  return (aadsts ?? error ?? message).slice(0, 200);
}

/** AggregateLogsUploadError carries one cause per failed call; the first says why. */
function firstCause(error: unknown): unknown {
  const errors = (error as { errors?: { cause?: unknown }[] })?.errors;
  return Array.isArray(errors) && errors.length > 0 ? errors[0].cause : error;
}
