import { MspEvent, OrgRosterEvent } from '@app/domain';
import { RecordedEvent } from '@app/event-store';
import { MemberEntry, MemberKey, RosterKind } from './member-directory.store';

/** What one event changes on one member: the fields it sets (email, role and status on the member's first event). */
export interface MemberChange {
  key: MemberKey;
  set: Partial<Pick<MemberEntry, 'email' | 'name' | 'role' | 'status'>>;
}

type Rule<E extends { type: string; data: unknown }> = {
  [T in E['type']]: (data: Extract<E, { type: T }>['data'], tenantId: string) => MemberChange[];
};

const one = (tenantId: string, memberId: string, set: MemberChange['set']): MemberChange[] => [{ key: { tenantId, memberId }, set }];
const person = ({ email, name }: { email: string; name?: string }) => ({ email, ...(name && { name }) });

/** The MSP roster, status for status as the MSP decider keeps it (a record for every event type, checked by the compiler). */
const MSP_RULES: Rule<MspEvent> = {
  MspAccountCreated: (d, t) => one(t, d.ownerMemberId, { email: d.ownerEmail, name: d.ownerName, role: 'msp_owner', status: 'active' }),
  MspMemberInvited: (d, t) => one(t, d.memberId, { ...person(d), role: d.role, status: 'invited' }),
  MspInvitationAccepted: (d, t) => one(t, d.memberId, { ...person(d), role: d.role, status: 'active' }),
  MspInvitationRevoked: (d, t) => one(t, d.memberId, { status: 'revoked' }),
  MspMemberRoleChanged: (d, t) => one(t, d.memberId, { role: d.newRole }),
  MspMemberSuspended: (d, t) => one(t, d.memberId, { status: 'suspended' }),
  MspMemberReactivated: (d, t) => one(t, d.memberId, { status: 'active' }),
  MspMemberRemoved: (d, t) => one(t, d.memberId, { status: 'removed' }),
  MspOwnershipTransferred: (d, t) => [
    ...one(t, d.previousOwner.memberId, { role: d.previousOwner.newRole }),
    ...one(t, d.newOwner.memberId, { role: 'msp_owner' }),
  ],
  // The entry keeps its sealed email and name: once the key is gone they reveal as the pseudonym.
  MspMemberPersonalDataErased: () => [],
};

/** The organization roster; unlike the decider, a removed member stays listed, as `removed`. */
const ORG_RULES: Rule<OrgRosterEvent> = {
  MemberInvited: (d, t) => one(t, d.memberId, { ...person(d), role: d.role, status: 'pending' }),
  MemberInvitationAccepted: (d, t) => one(t, d.memberId, { ...person(d), role: d.role, status: 'active' }),
  MemberInvitationDeclined: (d, t) => one(t, d.memberId, { status: 'declined' }),
  MemberRoleChanged: (d, t) => one(t, d.memberId, { role: d.newRole }),
  MemberSuspended: (d, t) => one(t, d.memberId, { status: 'suspended' }),
  MemberReactivated: (d, t) => one(t, d.memberId, { status: 'active' }),
  MemberRemoved: (d, t) => one(t, d.memberId, { status: 'removed' }),
  MemberPersonalDataErased: () => [],
};

/** The roster changes an event makes; none for an event of another area. The tenant is the event's own. */
export function memberChangesOf(kind: RosterKind, event: RecordedEvent): MemberChange[] {
  const rules = (kind === 'msp' ? MSP_RULES : ORG_RULES) as Record<string, (data: unknown, tenantId: string) => MemberChange[]>;
  if (!Object.hasOwn(rules, event.type)) return [];
  const tenantId = kind === 'msp' ? event.metadata.tenant.mspId : event.metadata.tenant.orgId;
  return tenantId ? rules[event.type](event.data, tenantId) : [];
}
