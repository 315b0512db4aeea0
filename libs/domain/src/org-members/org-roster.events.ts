import { OrgRole } from '../access/roles';
import { DomainEvent } from '../shared/decider';

/** Who the entry is about, as the Activity Log shows it; `orgId` lets the first event found the roster. */
type Member = { orgId: string; memberId: string; email: string; name?: string; role: OrgRole };

export type MemberInvited = DomainEvent<'MemberInvited', Member>;
export type MemberInvitationAccepted = DomainEvent<'MemberInvitationAccepted', Member>;
export type MemberInvitationDeclined = DomainEvent<'MemberInvitationDeclined', Member>;
export type MemberRoleChanged = DomainEvent<
  'MemberRoleChanged',
  Omit<Member, 'role'> & { previousRole: OrgRole; newRole: OrgRole }
>;
export type MemberSuspended = DomainEvent<'MemberSuspended', Member & { reason?: string }>;
export type MemberReactivated = DomainEvent<'MemberReactivated', Member>;
export type MemberRemoved = DomainEvent<'MemberRemoved', Member>;
/** A former member's personal data was erased (their key is deleted). No personal data inside. */
export type MemberPersonalDataErased = DomainEvent<'MemberPersonalDataErased', { orgId: string; memberId: string }>;

export type OrgRosterEvent =
  | MemberInvited
  | MemberInvitationAccepted
  | MemberInvitationDeclined
  | MemberRoleChanged
  | MemberSuspended
  | MemberReactivated
  | MemberRemoved
  | MemberPersonalDataErased;
