import { MspRole } from '../access/roles';
import { Decider } from '../shared/decider';
import { Forbidden, InvalidInput, NotFound, Refused } from '../shared/domain-errors';
import {
  AcceptMspInvitation,
  ChangeMspMemberRole,
  CreateMspAccount,
  InviteMspMember,
  MspCommand,
  TransferMspOwnership,
} from './msp.commands';
import { MspEvent, MspMemberRef } from './msp.events';

/** invited -> active <-> suspended -> removed; invited -> revoked. Removed members are gone. */
export type MspMemberStatus = 'invited' | 'revoked' | 'active' | 'suspended' | 'removed';

/** `erased`: the member's personal data was erased; their email and name now read as a pseudonym. */
export type MspRosterEntry = MspMemberRef & { role: MspRole; status: MspMemberStatus; erased?: true };

export type MspState =
  | { exists: false }
  | { exists: true; mspId: string; name: string; ownerId: string; members: Record<string, MspRosterEntry> };

type Existing = Extract<MspState, { exists: true }>;

/** Statuses that hold an email: removal and revocation free it for a new invitation. */
const HOLDS_EMAIL: MspMemberStatus[] = ['invited', 'active', 'suspended'];

/** Statuses that keep a member on the MSP's list: the sign-in service records only for them. */
export const ON_MSP_LIST: readonly MspMemberStatus[] = ['invited', 'active', 'suspended'];

/** The member's status on the MSP's list (the account's creator is its active owner), if it holds them at all. */
export function mspMemberStatusOf(state: MspState, memberId: string): MspMemberStatus | undefined {
  return state.exists ? state.members[memberId]?.status : undefined;
}

export const mspDecider: Decider<MspCommand, MspEvent, MspState> = {
  initialState: { exists: false },
  evolve,
  decide,
};

function evolve(state: MspState, event: MspEvent): MspState {
  if (event.type === 'MspAccountCreated') {
    const { mspId, name, ownerMemberId: memberId, ownerEmail: email, ownerName } = event.data;
    const owner: MspRosterEntry = { memberId, email, name: ownerName, role: 'msp_owner', status: 'active' };
    return { exists: true, mspId, name, ownerId: memberId, members: { [memberId]: owner } };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'MspMemberInvited':
      return put(state, { ...event.data, status: 'invited' });
    case 'MspInvitationAccepted':
      return put(state, { ...event.data, status: 'active' });
    case 'MspInvitationRevoked':
      return patch(state, event.data.memberId, { status: 'revoked' });
    case 'MspMemberRoleChanged':
      return patch(state, event.data.memberId, { role: event.data.newRole });
    case 'MspMemberSuspended':
      return patch(state, event.data.memberId, { status: 'suspended' });
    case 'MspMemberReactivated':
      return patch(state, event.data.memberId, { status: 'active' });
    case 'MspMemberRemoved':
      return patch(state, event.data.memberId, { status: 'removed' });
    case 'MspOwnershipTransferred': {
      const { previousOwner, newOwner } = event.data;
      const demoted = patch(state, previousOwner.memberId, { role: 'msp_admin' });
      return { ...patch(demoted, newOwner.memberId, { role: 'msp_owner' }), ownerId: newOwner.memberId };
    }
    case 'MspMemberPersonalDataErased':
      return patch(state, event.data.memberId, { erased: true });
  }
}

function put(state: Existing, entry: MspRosterEntry): Existing {
  return { ...state, members: { ...state.members, [entry.memberId]: entry } };
}

function patch(state: Existing, memberId: string, change: Partial<MspRosterEntry>): Existing {
  return put(state, { ...state.members[memberId], ...change });
}

function decide(command: MspCommand, state: MspState): MspEvent[] {
  if (command.type === 'CreateMspAccount') return create(command, state);
  const msp = own(state, command);
  switch (command.type) {
    case 'InviteMspMember':
      return invite(msp, command);
    case 'AcceptMspInvitation':
      return accept(msp, command);
    case 'RevokeMspInvitation': {
      const invitee = requireStatus(member(msp, command.memberId), ['invited'], 'revoked');
      return [{ type: 'MspInvitationRevoked', data: { ...ref(invitee), role: invitee.role } }];
    }
    case 'ChangeMspMemberRole':
      return changeRole(msp, command);
    case 'SuspendMspMember': {
      const target = requireStatus(notOwner(msp, command.memberId, 'suspended'), ['active'], 'suspended');
      return [{ type: 'MspMemberSuspended', data: { ...ref(target), ...(command.reason && { reason: command.reason }) } }];
    }
    case 'ReactivateMspMember':
      return [{ type: 'MspMemberReactivated', data: ref(requireStatus(member(msp, command.memberId), ['suspended'], 'reactivated')) }];
    case 'RemoveMspMember': {
      const target = requireStatus(notOwner(msp, command.memberId, 'removed'), ['active', 'suspended'], 'removed');
      return [{ type: 'MspMemberRemoved', data: { ...ref(target), role: target.role } }];
    }
    case 'TransferMspOwnership':
      return transfer(msp, command);
    case 'EraseMspMemberPersonalData':
      return [{ type: 'MspMemberPersonalDataErased', data: { memberId: erasable(msp, command.memberId).memberId } }];
  }
}

/**
 * Only a former member's data is erased (removed, or an invitation revoked): a member still on
 * the list would go on appearing under their pseudonym. Once is enough. Removed members are found
 * here, unlike for every other command.
 */
function erasable(msp: Existing, memberId: string): MspRosterEntry {
  const entry = msp.members[memberId];
  if (!entry) throw new NotFound(`Member ${memberId} not found`);
  if (entry.erased) throw new Refused(`The personal data of member ${memberId} was already erased`);
  if (ON_MSP_LIST.includes(entry.status)) {
    throw new Refused(`Member ${memberId} is ${entry.status}: remove the member (or revoke the invitation) before erasing their personal data`);
  }
  return entry;
}

function create(command: CreateMspAccount, state: MspState): MspEvent[] {
  const mspId = command.by.mspId;
  if (!mspId || mspId !== command.mspId) throw new NotFound(`MSP ${command.mspId} not found`);
  if (state.exists) throw new Refused(`MSP ${mspId} already exists`);
  const { name, ownerMemberId, ownerEmail, ownerName } = command;
  return [{ type: 'MspAccountCreated', data: { mspId, name, ownerMemberId, ownerEmail, ownerName } }];
}

function invite(msp: Existing, command: InviteMspMember): MspEvent[] {
  if (command.role === 'msp_owner') throw new InvalidInput('Invite as msp_admin or msp_member', 'role');
  if (msp.members[command.memberId]) throw new Refused(`Member ${command.memberId} already exists`);
  const email = command.email.toLowerCase();
  const taken = Object.values(msp.members).some((m) => HOLDS_EMAIL.includes(m.status) && m.email.toLowerCase() === email);
  if (taken) throw new Refused('This email is already a member or invited');
  const { memberId, role, name } = command;
  return [{ type: 'MspMemberInvited', data: { memberId, email: command.email, ...(name && { name }), role } }];
}

function accept(msp: Existing, command: AcceptMspInvitation): MspEvent[] {
  const invitee = member(msp, command.memberId);
  if (command.by.email?.toLowerCase() !== invitee.email.toLowerCase()) {
    throw new Forbidden('Only the invitee can accept this invitation');
  }
  requireStatus(invitee, ['invited'], 'accepted');
  const name = command.name ?? command.by.name ?? invitee.name;
  return [{ type: 'MspInvitationAccepted', data: { ...ref(invitee), ...(name && { name }), role: invitee.role } }];
}

function changeRole(msp: Existing, command: ChangeMspMemberRole): MspEvent[] {
  const target = requireStatus(notOwner(msp, command.memberId, 'given another role'), ['active', 'suspended'], 'given another role');
  if (command.role === 'msp_owner') throw new Refused('Only an ownership transfer makes a member the owner');
  if (command.role === target.role) throw new Refused(`Member ${target.memberId} is already ${target.role}`);
  return [{ type: 'MspMemberRoleChanged', data: { ...ref(target), previousRole: target.role, newRole: command.role } }];
}

function transfer(msp: Existing, command: TransferMspOwnership): MspEvent[] {
  if (command.by.memberId !== msp.ownerId) throw new Forbidden('Only the current owner can transfer ownership');
  const target = member(msp, command.memberId);
  if (target.memberId === msp.ownerId) throw new Refused(`Member ${target.memberId} is already the owner`);
  requireStatus(target, ['active'], 'made owner');
  const previousOwner = { ...ref(msp.members[msp.ownerId]), newRole: 'msp_admin' as const };
  return [{ type: 'MspOwnershipTransferred', data: { previousOwner, newOwner: { ...ref(target), previousRole: target.role } } }];
}

/** A member acts only inside its own MSP; any other MSP looks missing. */
function own(state: MspState, command: MspCommand): Existing {
  if (!state.exists || state.mspId !== command.by.mspId) throw new NotFound(`MSP ${command.mspId} not found`);
  return state;
}

function member(msp: Existing, memberId: string): MspRosterEntry {
  const entry = msp.members[memberId];
  if (!entry || entry.status === 'removed') throw new NotFound(`Member ${memberId} not found`);
  return entry;
}

/** Exactly one owner at all times: the owner is never suspended, removed or demoted directly. */
function notOwner(msp: Existing, memberId: string, action: string): MspRosterEntry {
  const entry = member(msp, memberId);
  if (entry.memberId === msp.ownerId) throw new Refused(`The owner cannot be ${action}; transfer ownership first`);
  return entry;
}

function requireStatus(entry: MspRosterEntry, allowed: MspMemberStatus[], action: string): MspRosterEntry {
  if (!allowed.includes(entry.status)) {
    throw new Refused(`Member ${entry.memberId} is ${entry.status} and cannot be ${action}`);
  }
  return entry;
}

function ref({ memberId, email, name }: MspRosterEntry): MspMemberRef {
  return { memberId, email, ...(name && { name }) };
}
