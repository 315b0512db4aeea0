import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectThrottlerOptions, InjectThrottlerStorage, ThrottlerGuard, ThrottlerModuleOptions, ThrottlerStorage } from '@nestjs/throttler';
import { AuthenticatedRequest, ClientIpResolver } from '@app/auth';

/**
 * @nestjs/throttler's guard, counting per credential rather than per address: the principal (its
 * subject within its tenant, so an API key, an Activity Log token and a panel member each have a
 * budget of their own, shared by every route the guard is on), or the client's address on a
 * route that takes no credential (the token endpoint). Headers carry the IETF draft names
 * (RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset), and a 429 Retry-After.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override headerPrefix = 'RateLimit';

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly clientIp: ClientIpResolver,
  ) {
    super(options, storage, reflector);
  }

  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const request = req as unknown as AuthenticatedRequest;
    const principal = request.context?.principal;
    if (principal) return `principal:${JSON.stringify([principal.subject, principal.role, principal.mspId ?? null, principal.orgId ?? null])}`;
    return `ip:${this.clientIp.resolve(request.socket.remoteAddress, request.headers['x-forwarded-for'])}`;
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `${throttlerName}:${tracker}`;
  }
}
