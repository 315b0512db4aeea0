import {
  orgMemberAccessDecider, orgMemberAccessPermissions, orgMemberAccessStream, orgRosterDecider, orgRosterPermissions, orgRosterStream,
} from '@app/domain';
import { bindDecider, supervisedOrganizationTenant } from '../shared/command-binding';
import { orgOf } from '../shared/request-ids';

/** Invitations, roles and account status: one roster per organization. */
export const orgRosterBinding = bindDecider(orgRosterDecider, {
  permissions: orgRosterPermissions,
  streamId: (_, ctx) => orgRosterStream(orgOf(ctx)),
  // The answer names the member acted on, not the roster.
  aggregateId: (c) => c.memberId,
  tenant: supervisedOrganizationTenant,
});

/** A member's access, sign-ins and MFA. */
export const orgMemberAccessBinding = bindDecider(orgMemberAccessDecider, {
  permissions: orgMemberAccessPermissions,
  streamId: (c) => orgMemberAccessStream(c.memberId),
  aggregateId: (c) => c.memberId,
  tenant: supervisedOrganizationTenant,
});
