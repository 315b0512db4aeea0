import { CallHandler, ConflictException, createParamDecorator, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { map, Observable } from 'rxjs';

const HELD = Symbol('one-time-secret');

type HoldingRequest = Request & { [HELD]?: object };

/** Where a route puts the secret it made (a private key, a token) to be answered once, beside the command's result. */
export interface SecretSlot {
  hold(secret: object): void;
}

/** Injects the request's SecretSlot (routes whose @CommandRoute has `secretOnce`). */
export const SecretOnce = createParamDecorator((_: unknown, host: ExecutionContext): SecretSlot => {
  const request = host.switchToHttp().getRequest<HoldingRequest>();
  return { hold: (secret) => void (request[HELD] = secret) };
});

/**
 * Adds the route's secret to the answer of the request that made it, and to nothing else. It sits
 * outside the IdempotencyInterceptor, so the stored answer that an Idempotency-Key replays never
 * holds the secret; a replay (or a retry whose first attempt had committed: its secret was another
 * one, now lost) is refused with 409 instead of an answer without the secret it promises.
 */
@Injectable()
export class OneTimeSecretInterceptor implements NestInterceptor {
  intercept(host: ExecutionContext, next: CallHandler<Record<string, unknown>>): Observable<Record<string, unknown>> {
    const request = host.switchToHttp().getRequest<HoldingRequest>();
    const response = host.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((body) => {
        const secret = request[HELD];
        delete request[HELD];
        if (response.getHeader('Idempotent-Replayed') !== undefined || !secret) {
          throw new ConflictException(
            `This request was answered before (id ${String(body.id)}), and its secret is shown only once: ` +
              'revoke that credential and create another if the first answer was lost',
          );
        }
        return { ...body, ...secret };
      }),
    );
  }
}
