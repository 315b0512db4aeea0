import { OrgRole } from '../access/roles';
import { Decider } from '../shared/decider';
import { Forbidden, NotFound, Refused } from '../shared/domain-errors';
import { Initiator } from '../shared/initiator';
import { ChangeMemberRole, InviteMember, OrgRosterCommand } from './org-roster.commands';
import { MemberInvited, MemberPersonalDataErased, MemberRoleChanged, OrgRosterEvent } from './org-roster.events';

/** pending -> active <-> suspended; pending -> declined. A removed member leaves the roster. */
export type RosterStatus = 'pending' | 'active' | 'suspended' | 'declined';

export interface RosterMember {
  memberId: string;
  email: string;
  name?: string;
  role: OrgRole;
  status: RosterStatus;
}

/**
 * Statuses that hold a place on the roster: an access may be recorded for such a member by someone
 * else (the sign-in service). The first owner is seeded by invitation, so an organization's owner is
 * on its roster from the start; declined and removed members are not.
 */
export const ON_ROSTER: readonly RosterStatus[] = ['pending', 'active', 'suspended'];

/** The member's status on the roster, or undefined when they hold no place on it. */
export function rosterStatusOf(state: OrgRosterState, memberId: string): RosterStatus | undefined {
  return state.members[memberId]?.status;
}

/**
 * The roster has no creation command: its first invitation records the organization it belongs to.
 * `former`: members who were removed (no longer on the roster), kept so that their personal data
 * can still be erased, and whether it was.
 */
export interface OrgRosterState {
  orgId?: string;
  members: Readonly<Record<string, RosterMember>>;
  former?: Readonly<Record<string, { erased: boolean }>>;
}

const statusAfter = {
  MemberInvited: 'pending',
  MemberInvitationAccepted: 'active',
  MemberInvitationDeclined: 'declined',
  MemberSuspended: 'suspended',
  MemberReactivated: 'active',
} as const;

export const orgRosterDecider: Decider<OrgRosterCommand, OrgRosterEvent, OrgRosterState> = {
  initialState: { members: {} },
  evolve,
  decide,
};

function evolve(state: OrgRosterState, event: OrgRosterEvent): OrgRosterState {
  const orgId = state.orgId ?? event.data.orgId;
  if (event.type === 'MemberPersonalDataErased') return erased(state, orgId, event.data.memberId);
  const { memberId, email, name } = event.data;
  const members = { ...state.members };
  const former = { ...state.former };
  if (event.type === 'MemberRemoved') {
    delete members[memberId];
    former[memberId] = { erased: false };
  } else if (event.type === 'MemberRoleChanged') members[memberId] = { ...members[memberId], role: event.data.newRole };
  else {
    members[memberId] = { memberId, email, name, role: event.data.role, status: statusAfter[event.type] };
    delete former[memberId];
  }
  return { orgId, members, former };
}

/** A declined invitation stays on the list as declined; a removed member is a former one. */
function erased(state: OrgRosterState, orgId: string | undefined, memberId: string): OrgRosterState {
  const { [memberId]: _declined, ...members } = state.members;
  return { orgId, members, former: { ...state.former, [memberId]: { erased: true } } };
}

function decide(command: OrgRosterCommand, state: OrgRosterState): OrgRosterEvent[] {
  const orgId = tenantOf(state, command.by);
  if (command.type === 'InviteMember') return [invite(command, state, orgId)];
  if (command.type === 'EraseMemberPersonalData') return [erase(state, orgId, command.memberId)];
  const member = memberOf(state, command.memberId);
  const data = { orgId, ...describe(member) };
  switch (command.type) {
    case 'AcceptMemberInvitation':
      requireInvitee(member, command.by);
      return [{ type: 'MemberInvitationAccepted', data: { ...data, ...(command.by.name && { name: command.by.name }) } }];
    case 'DeclineMemberInvitation':
      requireInvitee(member, command.by);
      return [{ type: 'MemberInvitationDeclined', data }];
    case 'ChangeMemberRole':
      return [changeRole(command, state, member, orgId)];
    case 'SuspendMember':
      requireStatus(member, ['active'], 'suspended');
      requireOwnerFor(member.role, command.by);
      keepAnActiveOwner(state, member, 'suspended');
      return [{ type: 'MemberSuspended', data: { ...data, ...(command.reason && { reason: command.reason }) } }];
    case 'ReactivateMember':
      requireStatus(member, ['suspended'], 'reactivated');
      requireOwnerFor(member.role, command.by);
      return [{ type: 'MemberReactivated', data }];
    case 'RemoveMember':
      requireStatus(member, ['pending', 'active', 'suspended'], 'removed');
      requireOwnerFor(member.role, command.by);
      keepAnActiveOwner(state, member, 'removed');
      return [{ type: 'MemberRemoved', data }];
  }
}

function invite(command: InviteMember, state: OrgRosterState, orgId: string): MemberInvited {
  const { memberId, email, name, role, by } = command;
  mayInvite(role, by, state);
  if (state.members[memberId]) throw new Refused(`Member ${memberId} already exists`);
  if (holderOf(state, email)) throw new Refused('This email is already a member or invited');
  return { type: 'MemberInvited', data: { orgId, memberId, email, ...(name && { name }), role } };
}

/**
 * Only a former member's data is erased (removed, or who declined the invitation): a member still
 * on the roster would go on appearing under their pseudonym. Once is enough.
 */
function erase(state: OrgRosterState, orgId: string, memberId: string): MemberPersonalDataErased {
  const former = state.former?.[memberId];
  const member = state.members[memberId];
  if (!former && !member) throw new NotFound(`Member ${memberId} not found`);
  if (former?.erased) throw new Refused(`The personal data of member ${memberId} was already erased`);
  if (member && member.status !== 'declined') {
    throw new Refused(`Member ${memberId} is ${member.status}: remove the member before erasing their personal data`);
  }
  return { type: 'MemberPersonalDataErased', data: { orgId, memberId } };
}

/** The provisioning service only seeds the first owner; afterwards only an owner makes owners. */
function mayInvite(role: OrgRole, by: Initiator, state: OrgRosterState): void {
  if (by.role !== 'service') return requireOwnerFor(role, by);
  if (role !== 'org_owner') throw new Forbidden('The provisioning service may only invite the first owner');
  if (activeOwners(state) > 0) throw new Refused('The organization already has an owner');
}

function changeRole(command: ChangeMemberRole, state: OrgRosterState, member: RosterMember, orgId: string): MemberRoleChanged {
  requireStatus(member, ['active', 'suspended'], 'given another role');
  if (member.role === command.role) throw new Refused(`Member ${member.memberId} is already ${command.role}`);
  requireOwnerFor(member.role === 'org_owner' ? member.role : command.role, command.by);
  keepAnActiveOwner(state, member, 'demoted');
  const { role, ...ref } = describe(member);
  return { type: 'MemberRoleChanged', data: { orgId, ...ref, previousRole: role, newRole: command.role } };
}

/** A roster of another organization looks like a missing one. */
function tenantOf(state: OrgRosterState, by: Initiator): string {
  if (!by.orgId || (state.orgId !== undefined && state.orgId !== by.orgId)) throw new NotFound('Organization not found');
  return by.orgId;
}

function memberOf(state: OrgRosterState, memberId: string): RosterMember {
  const member = state.members[memberId];
  if (!member) throw new NotFound(`Member ${memberId} not found`);
  return member;
}

function describe({ memberId, email, name, role }: RosterMember) {
  return { memberId, email, ...(name && { name }), role };
}

function holderOf(state: OrgRosterState, email: string): RosterMember | undefined {
  const wanted = email.toLowerCase();
  return Object.values(state.members).find((m) => m.status !== 'declined' && m.email.toLowerCase() === wanted);
}

function requireInvitee(member: RosterMember, by: Initiator): void {
  if (by.email?.toLowerCase() !== member.email.toLowerCase()) throw new Forbidden('Only the invitee may answer an invitation');
  if (member.status !== 'pending') throw new Refused(`The invitation of member ${member.memberId} is not pending (${member.status})`);
}

function requireOwnerFor(role: OrgRole, by: Initiator): void {
  if (role === 'org_owner' && by.role !== 'org_owner') throw new Forbidden('Only an owner may make an owner or act on one');
}

function requireStatus(member: RosterMember, allowed: RosterStatus[], action: string): void {
  if (!allowed.includes(member.status)) throw new Refused(`Member ${member.memberId} is ${member.status} and cannot be ${action}`);
}

function keepAnActiveOwner(state: OrgRosterState, member: RosterMember, action: string): void {
  if (member.role === 'org_owner' && member.status === 'active' && activeOwners(state) === 1) {
    throw new Refused(`Member ${member.memberId} is the last active owner and cannot be ${action}`);
  }
}

function activeOwners(state: OrgRosterState): number {
  return Object.values(state.members).filter((m) => m.role === 'org_owner' && m.status === 'active').length;
}
