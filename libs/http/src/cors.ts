import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';

/** What a panel on another origin may send: the bearer token, JSON, and the headers the API reads. */
export const CORS_ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id', 'X-Correlation-Id', 'Last-Event-ID'];

/** What its scripts may read back, beyond the CORS-safelisted response headers. */
export const CORS_EXPOSED_HEADERS = [
  'Idempotent-Replayed', 'Content-Disposition', 'X-Request-Id', 'WWW-Authenticate', 'Retry-After',
  'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'RateLimit-Policy', 'RateLimit',
];

/**
 * CORS for exactly the configured origins (CORS_ORIGINS); with none, no cross-origin answer at all
 * (same origin only). Bearer tokens are never ambient, so credentials (cookies) stay off. A refused
 * origin's preflight gets no Access-Control-* header and goes on as an ordinary request (404).
 */
export function corsOptions(origins: readonly string[]): CorsOptions {
  const allowed = new Set(origins);
  return {
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    exposedHeaders: CORS_EXPOSED_HEADERS,
    credentials: false,
    maxAge: 600,
  };
}
