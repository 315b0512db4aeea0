/**
 * Missing or bad credentials (401). The message says what is wrong, never the token itself.
 * `credentials` says whether the request carried any: RFC 6750 names an error
 * (`invalid_token`) only for a token that was presented and refused.
 */
export class AuthenticationError extends Error {
  constructor(
    message: string,
    readonly credentials: 'missing' | 'invalid' = 'invalid',
  ) {
    super(message);
    this.name = 'AuthenticationError';
  }
}

/** The realm every challenge names. */
export const AUTH_REALM = 'activity-log';

/**
 * The `WWW-Authenticate` value of a 401 (RFC 6750 §3): `Bearer realm="…"`, plus
 * `error="invalid_token"` and its description when a token was presented and refused.
 */
export function bearerChallenge(error: unknown): string {
  const challenge = `Bearer realm="${AUTH_REALM}"`;
  if (!(error instanceof AuthenticationError) || error.credentials === 'missing') return challenge;
  return `${challenge}, error="invalid_token", error_description="${quotable(error.message)}"`;
}

/** error_description allows %x20-21 / %x23-5B / %x5D-7E only: no quote, no backslash, nothing outside printable ASCII. */
function quotable(text: string): string {
  return text.replace(/["\\]/g, "'").replace(/[^\x20-\x7e]/g, '?').slice(0, 200);
}
