import {
  BadRequestException, CallHandler, ExecutionContext, HttpException, Inject, Injectable, Logger,
  NestInterceptor, ServiceUnavailableException, UnprocessableEntityException,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { createHash } from 'node:crypto';
import { catchError, concatMap, from, Observable, of, throwError } from 'rxjs';
import { AuthenticatedRequest } from '@app/auth';
import { toErrorBody } from '@app/http';
import { IDEMPOTENCY_KEY_PATTERN, idempotencyScope } from './derived-ids';
import { BeginOutcome, IDEMPOTENCY_STORE, IdempotencyStore } from './idempotency.store';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * With an Idempotency-Key header, a retried command is a no-op that answers the first result
 * (marked Idempotent-Replayed: true). The same key with a different request is refused (422).
 * Keys are scoped to the principal.
 *
 * The key's outcome follows the events, not this store: a key still marked in progress (its first
 * attempt is running, or its process died) runs again, with the same event ids (derived from the
 * key), so it either finds the events the first attempt committed and answers their result, or
 * writes them once, whichever attempt gets there first. No key is ever stuck.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');

  constructor(@Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore, private readonly reflector: Reflector) {}

  async intercept(host: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = host.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = request.header('idempotency-key');
    if (!WRITES.has(request.method) || key === undefined || !request.context) return next.handle();
    if (!IDEMPOTENCY_KEY_PATTERN.test(key)) throw new BadRequestException('Idempotency-Key must be 1 to 255 visible ASCII characters');
    const scope = idempotencyScope(request.context.principal);
    // Express 5 leaves req.body undefined on a POST without a body: the same request as an empty one.
    const fingerprint = createHash('sha256').update(`${request.method} ${request.originalUrl} ${JSON.stringify(request.body ?? {})}`).digest('hex');
    const outcome = await this.begin(scope, key, fingerprint);
    if (outcome.kind === 'mismatch') throw new UnprocessableEntityException('This Idempotency-Key was already used with a different request');
    const response = host.switchToHttp().getResponse<Response>();
    // 'in_progress' runs like 'started': the executor answers from the events if they were committed.
    if (outcome.kind === 'replay') {
      response.setHeader('Idempotent-Replayed', 'true');
      if (outcome.status >= 400) throw new HttpException(outcome.body as object, outcome.status);
      response.status(outcome.status);
      return of(outcome.body);
    }
    const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, host.getHandler()) ?? (request.method === 'POST' ? 201 : 200);
    return next.handle().pipe(
      concatMap(async (body) => {
        await this.settle(() => this.store.complete(scope, key, status, body));
        return body;
      }),
      catchError((error: unknown) => {
        const body = toErrorBody(error);
        const settled = this.settle(() =>
          body.statusCode < 500 ? this.store.complete(scope, key, body.statusCode, body) : this.store.abandon(scope, key),
        );
        return from(settled).pipe(concatMap(() => throwError(() => error)));
      }),
    );
  }

  private async begin(scope: string, key: string, fingerprint: string): Promise<BeginOutcome> {
    try {
      return await this.store.begin(scope, key, fingerprint);
    } catch (error) {
      this.logger.error(`idempotency store unavailable: ${error instanceof Error ? error.message : String(error)}`);
      throw new ServiceUnavailableException('The idempotency store is unavailable; try again shortly');
    }
  }

  /** The command has run: failing to record its answer must not turn it into an error (a retry runs again and finds its events). */
  private async settle(write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      this.logger.error(`could not record an idempotent answer: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
