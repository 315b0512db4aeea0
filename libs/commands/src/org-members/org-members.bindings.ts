import {
  isSelfRecorded, OrgMemberAccessCommand, orgMemberAccessDecider, orgMemberAccessPermissions, OrgMemberAccessRequest,
  orgMemberAccessStream, orgRosterDecider, orgRosterPermissions, orgRosterStream, rosterStatusOf,
} from '@app/domain';
import { BindingIo, bindDecider, supervisedOrganizationTenant } from '../shared/command-binding';
import { orgOf } from '../shared/request-ids';

/** Invitations, roles and account status: one roster per organization. */
export const orgRosterBinding = bindDecider(orgRosterDecider, {
  permissions: orgRosterPermissions,
  streamId: (_, ctx) => orgRosterStream(orgOf(ctx)),
  // The answer names the member acted on, not the roster.
  aggregateId: (c) => c.memberId,
  tenant: supervisedOrganizationTenant,
});

/** A member's access, sign-ins and MFA, in a stream of the token's organization. */
export const orgMemberAccessBinding = bindDecider(orgMemberAccessDecider, {
  permissions: orgMemberAccessPermissions,
  streamId: (c, ctx) => orgMemberAccessStream(orgOf(ctx), c.memberId),
  aggregateId: (c) => c.memberId,
  tenant: supervisedOrganizationTenant,
  resolve: (request: OrgMemberAccessRequest, _ctx, io) => withRosterStatus(request, io),
});

/** Recorded for someone else, the command names the member's place on the organization's roster, which the decider checks. */
async function withRosterStatus(request: OrgMemberAccessRequest, { states }: BindingIo): Promise<OrgMemberAccessCommand> {
  if (isSelfRecorded(request) || !request.by.orgId) return request;
  const { state } = await states.load(orgRosterDecider, orgRosterStream(request.by.orgId));
  // Set even when absent, so that nothing the request carried can stand in for the roster.
  return { ...request, rosterStatus: rosterStatusOf(state, request.memberId) };
}
