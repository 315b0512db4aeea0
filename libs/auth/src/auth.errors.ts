/** Missing or bad credentials (401). The message says what is wrong, never the token itself. */
export class AuthenticationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthenticationError';
  }
}
