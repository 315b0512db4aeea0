import { applyDecorators, DynamicModule, UseGuards } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ThrottlerModule } from '@nestjs/throttler';
import { ErrorBodyDto } from '../error-body.dto';
import { RateLimitGuard } from './rate-limit.guard';

export interface RateLimitSettings {
  /** Requests per window per credential; 0: no limit. */
  limit: number;
  windowSeconds: number;
}

/**
 * The rate limit of the routes marked @RateLimited(): a fixed window per credential, counted in
 * this process's memory (@nestjs/throttler's storage), so N API processes behind a balancer allow
 * up to N times the limit; a shared storage (Redis) would make it exact.
 */
export function rateLimitModule({ limit, windowSeconds }: RateLimitSettings): DynamicModule {
  return ThrottlerModule.forRoot({
    throttlers: [{ limit, ttl: windowSeconds * 1000 }],
    skipIf: () => limit === 0,
    errorMessage: (_context, detail) =>
      `Too many requests for this credential: at most ${limit} every ${windowSeconds} s; retry in ${detail.timeToBlockExpire} s (Retry-After)`,
  });
}

const RATE_LIMIT_HEADERS = {
  'RateLimit-Limit': { description: 'Requests allowed per window for this credential', schema: { type: 'integer' } },
  'RateLimit-Remaining': { description: 'Requests left in the current window', schema: { type: 'integer' } },
  'RateLimit-Reset': { description: 'Seconds until the window resets', schema: { type: 'integer' } },
};

/** Counts the route against the caller's credential (see RateLimitGuard); 429 beyond the limit. */
export function RateLimited() {
  return applyDecorators(
    UseGuards(RateLimitGuard),
    ApiResponse({
      status: 429,
      description: 'Over the rate limit of this credential: wait Retry-After seconds',
      type: ErrorBodyDto,
      headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } }, ...RATE_LIMIT_HEADERS },
    }),
  );
}
