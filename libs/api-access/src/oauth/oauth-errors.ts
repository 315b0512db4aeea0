/** RFC 6749 §5.2 error codes this endpoint answers with. */
export type OAuthErrorCode = 'invalid_request' | 'invalid_grant' | 'unsupported_grant_type';

/**
 * A refused token request, answered as RFC 6749 §5.2 says: `{ error, error_description }`.
 * `invalid_grant` (a bad assertion) is answered 401, as an unusable credential is everywhere in
 * this API (RFC 6749 would allow 400); the other two are 400.
 */
export class OAuthError extends Error {
  constructor(readonly code: OAuthErrorCode, readonly description: string) {
    super(description);
    this.name = 'OAuthError';
  }

  get status(): number {
    return this.code === 'invalid_grant' ? 401 : 400;
  }
}

export const invalidGrant = (description: string) => new OAuthError('invalid_grant', description);
export const invalidRequest = (description: string) => new OAuthError('invalid_request', description);
