import { orgMemberAccessDecider, orgMemberAccessStream, orgRosterDecider, orgRosterStream } from '@app/domain';
import { bindDecider, supervisedOrganizationTenant } from '../shared/command-binding';
import { orgOf } from '../shared/request-ids';

/** Invitations, roles and account status: one roster per organization. */
export const orgRosterBinding = bindDecider(orgRosterDecider, {
  commands: [
    'InviteMember', 'AcceptMemberInvitation', 'DeclineMemberInvitation', 'ChangeMemberRole', 'SuspendMember', 'ReactivateMember', 'RemoveMember',
  ],
  streamId: (_, ctx) => orgRosterStream(orgOf(ctx)),
  // The answer names the member acted on, not the roster.
  aggregateId: (c) => c.memberId,
  tenant: supervisedOrganizationTenant,
});

/** A member's access, sign-ins and MFA. */
export const orgMemberAccessBinding = bindDecider(orgMemberAccessDecider, {
  commands: [
    'RecordAdminPanelAccess', 'RecordVaultAccess', 'RecordMemberSignInSuccess', 'RecordMemberSignInFailure', 'EnableMemberMfa', 'DisableMemberMfa',
  ],
  streamId: (c) => orgMemberAccessStream(c.memberId),
  aggregateId: (c) => c.memberId,
  tenant: supervisedOrganizationTenant,
});
