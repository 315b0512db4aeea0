import { NotFound } from '@app/domain';
import { RequestContext } from '@app/auth';

/** The organization of an org-side command: the token's own, never the request's. */
export function orgOf(ctx: RequestContext): string {
  if (!ctx.principal.orgId) throw new NotFound('This token belongs to no organization');
  return ctx.principal.orgId;
}

/** The MSP of an MSP-side command: the token's own, never one named in the request. */
export function mspOf(ctx: RequestContext, missing = 'This token belongs to no MSP'): string {
  if (!ctx.principal.mspId) throw new NotFound(missing);
  return ctx.principal.mspId;
}
