import { CanActivate, ExecutionContext, ForbiddenException, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { mayPerform } from '@app/domain';
import { AuthenticatedRequest } from './request-context';

const COMMAND = 'auth:command';
/** Names the command a route sends, so the role matrix decides who may call it. */
export const Authorize = (commandType: string) => SetMetadata(COMMAND, commandType);

/** 403 when the principal's role may not send the route's command (the matrix is in the domain). */
@Injectable()
export class AuthorizeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(host: ExecutionContext): boolean {
    const commandType = this.reflector.get<string | undefined>(COMMAND, host.getHandler());
    if (!commandType) return true;
    const role = host.switchToHttp().getRequest<AuthenticatedRequest>().context?.principal.role;
    if (!role || !mayPerform(role, commandType)) {
      throw new ForbiddenException(`role ${role ?? 'none'} may not ${commandType}`);
    }
    return true;
  }
}
