import { OrgRole, Role } from '../access/roles';
import { Initiator } from '../shared/initiator';

interface OrgRosterCommandBase {
  memberId: string;
  by: Initiator;
}

export type InviteMember = OrgRosterCommandBase & { type: 'InviteMember'; email: string; name?: string; role: OrgRole };
export type AcceptMemberInvitation = OrgRosterCommandBase & { type: 'AcceptMemberInvitation' };
export type DeclineMemberInvitation = OrgRosterCommandBase & { type: 'DeclineMemberInvitation' };
export type ChangeMemberRole = OrgRosterCommandBase & { type: 'ChangeMemberRole'; role: OrgRole };
export type SuspendMember = OrgRosterCommandBase & { type: 'SuspendMember'; reason?: string };
export type ReactivateMember = OrgRosterCommandBase & { type: 'ReactivateMember' };
export type RemoveMember = OrgRosterCommandBase & { type: 'RemoveMember' };
/** GDPR Art. 17 for a former member (removed, or who declined): their personal data becomes unreadable everywhere. */
export type EraseMemberPersonalData = OrgRosterCommandBase & { type: 'EraseMemberPersonalData' };

export type OrgRosterCommand =
  | InviteMember
  | AcceptMemberInvitation
  | DeclineMemberInvitation
  | ChangeMemberRole
  | SuspendMember
  | ReactivateMember
  | RemoveMember
  | EraseMemberPersonalData;

const managers: Role[] = ['org_owner', 'org_admin'];
const members: Role[] = ['org_owner', 'org_admin', 'org_member'];

export const orgRosterPermissions: Record<OrgRosterCommand['type'], readonly Role[]> = {
  InviteMember: [...managers, 'service'],
  AcceptMemberInvitation: members,
  DeclineMemberInvitation: members,
  ChangeMemberRole: managers,
  SuspendMember: managers,
  ReactivateMember: managers,
  RemoveMember: managers,
  EraseMemberPersonalData: ['org_owner'],
};

export const orgRosterStream = (orgId: string) => `orgRoster-${orgId}`;
