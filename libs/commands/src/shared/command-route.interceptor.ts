import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { concatMap, Observable } from 'rxjs';
import { CommandType } from '@app/domain';
import { AuthenticatedRequest } from '@app/auth';
import type { CommandRequest } from '../command-bindings';
import { CommandExecutor } from './command-executor';
import type { CommandRouteOptions, RequestOf } from './command-route.decorator';
import { CommandResultDto } from './command-result.dto';

/** Metadata key of a handler's @CommandRoute options. */
export const COMMAND_ROUTE = 'commands:route';

/** Sends what a @CommandRoute handler returned, as the route's command from the verified principal. */
@Injectable()
export class CommandRouteInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly executor: CommandExecutor,
  ) {}

  intercept(host: ExecutionContext, next: CallHandler<object>): Observable<CommandResultDto> {
    const route = this.reflector.get<CommandRouteOptions<CommandType>>(COMMAND_ROUTE, host.getHandler());
    const ctx = host.switchToHttp().getRequest<AuthenticatedRequest>().context;
    if (!route || !ctx) throw new Error('CommandRouteInterceptor serves authenticated @CommandRoute handlers only');
    return next.handle().pipe(
      concatMap(async (fields) => {
        const request = { ...fields, type: route.command, by: ctx.initiator } as CommandRequest;
        const result = await this.executor.execute(request, ctx);
        return route.answer ? route.answer.of(result, request as RequestOf<CommandType>) : result;
      }),
    );
  }
}
