import { Decider } from '../shared/decider';
import { Forbidden, InvalidInput, NotFound, Refused } from '../shared/domain-errors';
import { OrgMemberAccessCommand } from './org-member-access.commands';
import { OrgMemberAccessEvent } from './org-member-access.events';
import { isSignInFailureReason } from './sign-in-failure-reasons';
import { ON_ROSTER } from './org-roster.decider';

/** Created by its first recorded event, which fixes the organization; email and name are the latest known. */
export interface OrgMemberAccessState {
  orgId?: string;
  email?: string;
  name?: string;
  mfaEnabled: boolean;
}

export const orgMemberAccessDecider: Decider<OrgMemberAccessCommand, OrgMemberAccessEvent, OrgMemberAccessState> = {
  initialState: { mfaEnabled: false },
  evolve,
  decide,
};

function evolve(state: OrgMemberAccessState, event: OrgMemberAccessEvent): OrgMemberAccessState {
  const { orgId, email, name } = event.data;
  const next = { ...state, orgId: state.orgId ?? orgId, email, name: name ?? state.name };
  if (event.type === 'MemberMfaEnabled') return { ...next, mfaEnabled: true };
  if (event.type === 'MemberMfaDisabled') return { ...next, mfaEnabled: false };
  return next;
}

function decide(command: OrgMemberAccessCommand, state: OrgMemberAccessState): OrgMemberAccessEvent[] {
  const orgId = tenantOf(state, command);
  switch (command.type) {
    case 'RecordAdminPanelAccess':
      requireSelf(command, true);
      return [{ type: 'AdminPanelAccessed', data: member(command, state, orgId) }];
    case 'RecordVaultAccess': {
      requireSelf(command, true);
      const { vaultId, vaultName } = command;
      const vault = { ...(vaultId && { vaultId }), ...(vaultName && { vaultName }) };
      return [{ type: 'VaultAccessed', data: { ...member(command, state, orgId), ...vault } }];
    }
    case 'RecordMemberSignInSuccess':
      requireService(command);
      return [{ type: 'MemberSignInSucceeded', data: member(command, state, orgId) }];
    case 'RecordMemberSignInFailure': {
      requireService(command);
      const { reason } = command;
      if (!isSignInFailureReason(reason)) throw new InvalidInput(`Unknown sign-in failure reason '${reason}'`, 'reason');
      return [{ type: 'MemberSignInFailed', data: { ...member(command, state, orgId), reason } }];
    }
    case 'EnableMemberMfa':
      requireSelf(command, false);
      if (state.mfaEnabled) throw new Refused(`MFA is already enabled for member ${command.memberId}`);
      return [{ type: 'MemberMfaEnabled', data: member(command, state, orgId) }];
    case 'DisableMemberMfa':
      requireSelf(command, false);
      if (!state.mfaEnabled) throw new Refused(`MFA is not enabled for member ${command.memberId}`);
      return [{ type: 'MemberMfaDisabled', data: member(command, state, orgId) }];
  }
}

/** A member of another organization looks like a missing one. */
function tenantOf(state: OrgMemberAccessState, { by, memberId }: OrgMemberAccessCommand): string {
  if (!by.orgId || (state.orgId !== undefined && state.orgId !== by.orgId)) throw new NotFound(`Member ${memberId} not found`);
  return by.orgId;
}

/** A member recording their own access: their verified token vouches for them, so no roster is read. */
export function isSelfRecorded({ by, memberId }: Pick<OrgMemberAccessCommand, 'by' | 'memberId'>): boolean {
  return by.role !== 'service' && by.memberId === memberId;
}

function requireSelf(command: OrgMemberAccessCommand, orService: boolean): void {
  if (isSelfRecorded(command) || (orService && command.by.role === 'service')) return;
  throw new Forbidden(`Only the member ${orService ? 'or the service ' : ''}may record this for member ${command.memberId}`);
}

function requireService(command: OrgMemberAccessCommand): void {
  if (command.by.role !== 'service') throw new Forbidden('Only the sign-in service records sign-ins');
}

/** Recorded for someone else: only for a member the organization's roster lists (another tenant's looks missing). */
function requireOnRoster(command: OrgMemberAccessCommand): void {
  if (isSelfRecorded(command) || (command.rosterStatus && ON_ROSTER.includes(command.rosterStatus))) return;
  throw new NotFound(`Member ${command.memberId} not found in this organization`);
}

function member(command: OrgMemberAccessCommand, state: OrgMemberAccessState, orgId: string) {
  requireOnRoster(command);
  const self = isSelfRecorded(command);
  const email = (self ? command.by.email : command.email) ?? state.email;
  const name = (self ? command.by.name : command.name) ?? state.name;
  if (!email) throw new InvalidInput(`The email of member ${command.memberId} is required`, 'email');
  return { orgId, memberId: command.memberId, email, ...(name && { name }), ...(!self && clientOf(command)) };
}

/** The member's client as a recording service saw it. */
function clientOf({ ip, userAgent }: OrgMemberAccessCommand) {
  return { ...(ip && { ip }), ...(userAgent && { userAgent }) };
}
