import { CanActivate, ExecutionContext, ForbiddenException, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CommandType, mayPerform, QueryType } from '@app/domain';
import { AuthenticatedRequest } from './request-context';

export type AuthorizedAction = CommandType | QueryType;

const ACTION = 'auth:action';
/** Names the command or query a route performs, so the role matrix decides who may call it. */
export const Authorize = (action: AuthorizedAction) => SetMetadata(ACTION, action);

/** What a route handler's @Authorize names, if anything. */
export function authorizedActionOf(handler: object): AuthorizedAction | undefined {
  return Reflect.getMetadata(ACTION, handler);
}

/**
 * 403 when the principal's role may not perform the route's action, before its input is read.
 * For commands this is the early answer; the command executor checks the command it actually runs.
 */
@Injectable()
export class AuthorizeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(host: ExecutionContext): boolean {
    const action = this.reflector.get<AuthorizedAction | undefined>(ACTION, host.getHandler());
    if (!action) return true;
    const role = host.switchToHttp().getRequest<AuthenticatedRequest>().context?.principal.role;
    if (!role || !mayPerform(role, action)) {
      throw new ForbiddenException(`role ${role ?? 'none'} may not ${action}`);
    }
    return true;
  }
}
