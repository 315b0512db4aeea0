import { NotFound } from '@app/domain';
import { RequestContext } from '@app/auth';

/** The organization of an org-side command: the token's own, never the request's. */
export function orgOf(ctx: RequestContext): string {
  if (!ctx.principal.orgId) throw new NotFound('This token belongs to no organization');
  return ctx.principal.orgId;
}
