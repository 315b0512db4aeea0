import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { ClientInfo, EventMetadata, Tenant } from '@app/event-store';
import { Initiator, isMachineRole } from '@app/domain';
import { Principal } from './principal';

/** Everything a command needs to know about the request that carried it. */
export interface RequestContext {
  principal: Principal;
  initiator: Initiator;
  client: ClientInfo;
  correlationId: string;
  /** Id of this command: the cause of the events it produces. */
  commandId: string;
  /** When the credential stops being valid (ms since the epoch), if it says: long-lived answers (live tails) end then. */
  expiresAt?: number;
}

export type AuthenticatedRequest = Request & { context?: RequestContext };

/** Injects the RequestContext the AuthGuard built. */
export const Ctx = createParamDecorator((_: unknown, host: ExecutionContext): RequestContext => {
  const context = host.switchToHttp().getRequest<AuthenticatedRequest>().context;
  if (!context) throw new Error('No request context: is the route @Public()?');
  return context;
});

export function eventMetadata(context: RequestContext, tenant: Tenant): EventMetadata {
  const { principal } = context;
  return {
    actor: {
      type: principal.role === 'service' ? 'service' : isMachineRole(principal.role) ? 'api-client' : 'member',
      id: principal.subject,
      ...(principal.email && { email: principal.email }),
      ...(principal.name && { name: principal.name }),
      role: principal.role,
    },
    tenant,
    client: context.client,
    correlationId: context.correlationId,
    causationId: context.commandId,
  };
}
