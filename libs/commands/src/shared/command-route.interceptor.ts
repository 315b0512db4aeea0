import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { concatMap, Observable } from 'rxjs';
import { CommandType } from '@app/domain';
import { AuthenticatedRequest } from '@app/auth';
import type { CommandRequest } from '../command-bindings';
import { CommandExecutor } from './command-executor';
import type { CommandRouteOptions, RequestOf } from './command-route.decorator';
import { CommandResultDto } from './command-result.dto';
import { commandEventIds, idempotencySeed } from './idempotency/derived-ids';

/** Metadata key of a handler's @CommandRoute options. */
export const COMMAND_ROUTE = 'commands:route';

/**
 * Sends what a @CommandRoute handler returned, as the route's command from the verified principal.
 * A keyed request (Idempotency-Key) gets event ids derived from its key; when a first attempt had
 * committed them, the answer is theirs, marked Idempotent-Replayed.
 */
@Injectable()
export class CommandRouteInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly executor: CommandExecutor,
  ) {}

  intercept(host: ExecutionContext, next: CallHandler<object>): Observable<CommandResultDto> {
    const route = this.reflector.get<CommandRouteOptions<CommandType>>(COMMAND_ROUTE, host.getHandler());
    const http = host.switchToHttp().getRequest<AuthenticatedRequest>();
    const ctx = http.context;
    if (!route || !ctx) throw new Error('CommandRouteInterceptor serves authenticated @CommandRoute handlers only');
    const seed = idempotencySeed(http);
    return next.handle().pipe(
      concatMap(async (fields) => {
        const request = { ...fields, type: route.command, by: ctx.initiator } as CommandRequest;
        const { result, alreadyCommitted } = seed
          ? await this.executor.executeKeyed(request, ctx, commandEventIds(seed))
          : { result: await this.executor.execute(request, ctx), alreadyCommitted: false };
        if (alreadyCommitted) host.switchToHttp().getResponse<Response>().setHeader('Idempotent-Replayed', 'true');
        return route.answer ? route.answer.of(result, request as RequestOf<CommandType>) : result;
      }),
    );
  }
}
