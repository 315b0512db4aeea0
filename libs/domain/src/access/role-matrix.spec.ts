import { MACHINE_ROLES, MSP_ROLES, ORG_ROLES, Role, ROLES } from './roles';
import { CommandType } from './command-types';
import { QueryType } from './query-permissions';
import { AREA_PERMISSIONS, mayExecute, mayPerform, ROLE_MATRIX } from './role-matrix';

/** The role matrix, written out by hand: a change to who may do what must change this table. */
const EXPECTED: [CommandType, string][] = [
  // msp
  ['CreateMspAccount', 'service'],
  ['InviteMspMember', 'msp_owner msp_admin'],
  ['AcceptMspInvitation', 'msp_admin msp_member'],
  ['RevokeMspInvitation', 'msp_owner msp_admin'],
  ['ChangeMspMemberRole', 'msp_owner msp_admin'],
  ['SuspendMspMember', 'msp_owner msp_admin'],
  ['ReactivateMspMember', 'msp_owner msp_admin'],
  ['RemoveMspMember', 'msp_owner msp_admin'],
  ['TransferMspOwnership', 'msp_owner'],
  ['EraseMspMemberPersonalData', 'msp_owner'],
  // mspAccess
  ['RecordMspSignInSuccess', 'service'],
  ['RecordMspSignInFailure', 'service'],
  ['ChangeMspPassword', 'msp_owner msp_admin msp_member'],
  ['EnableMspTwoFactor', 'msp_owner msp_admin msp_member'],
  ['DisableMspTwoFactor', 'msp_owner msp_admin msp_member'],
  // organizations
  ['CreateOrganization', 'msp_owner msp_admin'],
  ['DeployOrganization', 'msp_owner msp_admin'],
  ['RenameOrganization', 'msp_owner msp_admin'],
  ['SuspendOrganization', 'msp_owner msp_admin'],
  ['ReactivateOrganization', 'msp_owner msp_admin'],
  ['TerminateOrganization', 'msp_owner'],
  // integrations
  ['SetUpIntegration', 'msp_owner msp_admin'],
  ['EditIntegration', 'msp_owner msp_admin'],
  ['DisconnectIntegration', 'msp_owner msp_admin'],
  ['RecordIntegrationSyncSuccess', 'service msp_owner msp_admin'],
  ['RecordIntegrationSyncFailure', 'service msp_owner msp_admin'],
  ['GenerateMspApiKey', 'msp_owner msp_admin'],
  ['RotateMspApiKey', 'msp_owner msp_admin'],
  ['RevokeMspApiKey', 'msp_owner msp_admin'],
  // billing
  ['AddBillingDetails', 'msp_owner'],
  ['ChangeBillingDetails', 'msp_owner'],
  ['AddCreditCard', 'msp_owner'],
  ['RemoveCreditCard', 'msp_owner'],
  ['ChangeDefaultCreditCard', 'msp_owner'],
  // settings
  ['ChangeMspSetting', 'msp_owner msp_admin'],
  ['ChangeOrganizationSetting', 'org_owner'],
  // orgMembers
  ['InviteMember', 'org_owner org_admin service'],
  ['AcceptMemberInvitation', 'org_owner org_admin org_member'],
  ['DeclineMemberInvitation', 'org_owner org_admin org_member'],
  ['ChangeMemberRole', 'org_owner org_admin'],
  ['SuspendMember', 'org_owner org_admin'],
  ['ReactivateMember', 'org_owner org_admin'],
  ['RemoveMember', 'org_owner org_admin'],
  ['EraseMemberPersonalData', 'org_owner'],
  ['RecordAdminPanelAccess', 'org_owner org_admin service'],
  ['RecordVaultAccess', 'org_owner org_admin org_member service'],
  ['RecordMemberSignInSuccess', 'service'],
  ['RecordMemberSignInFailure', 'service'],
  ['EnableMemberMfa', 'org_owner org_admin org_member'],
  ['DisableMemberMfa', 'org_owner org_admin org_member'],
  // policies
  ['EnablePolicy', 'org_owner org_admin'],
  ['DisablePolicy', 'org_owner org_admin'],
  ['ConnectVantaIntegration', 'org_owner org_admin'],
  ['DisconnectVantaIntegration', 'org_owner org_admin'],
  ['CreateActivityLogToken', 'org_owner'],
  ['RevokeActivityLogToken', 'org_owner org_admin'],
  ['SetUpSiemIntegration', 'org_owner'],
  ['EditSiemIntegration', 'org_owner'],
  ['DisconnectSiemIntegration', 'org_owner'],
  ['RecordSiemIntegrationSyncSuccess', 'service'],
  ['RecordSiemIntegrationSyncFailure', 'service'],
  // vault
  ['CreateItem', 'org_owner org_admin org_member'],
  ['UseItem', 'org_owner org_admin org_member'],
  ['UpdateItem', 'org_owner org_admin org_member'],
  ['ShareItem', 'org_owner org_admin org_member'],
  ['ChangeItemSharingRights', 'org_owner org_admin org_member'],
  ['RevokeItemAccess', 'org_owner org_admin org_member'],
  ['ChangeItemOwner', 'org_owner org_admin org_member'],
  ['MoveItemToFolder', 'org_owner org_admin org_member'],
  ['DeleteItem', 'org_owner org_admin org_member'],
  ['RestoreItem', 'org_owner org_admin org_member'],
  ['CreateFolder', 'org_owner org_admin org_member'],
  ['ShareFolder', 'org_owner org_admin org_member'],
  ['RevokeFolderAccess', 'org_owner org_admin org_member'],
  ['DeleteFolder', 'org_owner org_admin org_member'],
];

const MSP_AREAS = ['msp', 'mspAccess', 'organizations', 'integrations', 'billing', 'settings'];

describe('the role matrix', () => {
  it('is exactly the table: same commands, same roles', () => {
    expect(Object.keys(ROLE_MATRIX).sort()).toEqual(EXPECTED.map(([command]) => command).sort());
  });

  it.each(EXPECTED)('%s: allowed to %s and to no other role', (command, roles) => {
    const allowed = roles.split(' ');
    for (const role of ROLES) expect([role, mayExecute(role, command)]).toEqual([role, allowed.includes(role)]);
  });

  it('keeps organization roles out of MSP commands and MSP roles out of organization commands', () => {
    for (const [area, permissions] of Object.entries(AREA_PERMISSIONS)) {
      const foreign: readonly Role[] = MSP_AREAS.includes(area) ? ORG_ROLES : MSP_ROLES;
      for (const [command, roles] of Object.entries<readonly Role[]>(permissions)) {
        expect([command, roles.filter((r) => foreign.includes(r))]).toEqual([command, []]);
      }
    }
  });

  it('gives machine credentials no command at all: they read, never write', () => {
    for (const role of MACHINE_ROLES) {
      expect([role, Object.entries(ROLE_MATRIX).filter(([, roles]) => roles.includes(role)).map(([command]) => command)]).toEqual([role, []]);
    }
  });

  it('refuses to answer for a command it does not know', () => {
    expect(() => mayExecute('msp_owner', 'LaunchRockets' as CommandType)).toThrow('LaunchRockets has no entry in the role matrix');
  });
});

describe('the query permissions', () => {
  it.each([
    ['ReadMspActivityLog', 'msp_owner msp_admin msp_api_client'],
    ['ReadBusinessActivityLog', 'org_owner org_admin org_api_token_admin org_api_token_owner'],
    ['ReadOrganizationFeed', 'org_owner org_admin msp_owner msp_admin msp_api_client'],
    ['ReadSharingHub', 'org_owner org_admin'],
    ['ListOrganizations', 'msp_owner msp_admin'],
    ['ListMspMembers', 'msp_owner msp_admin'],
    ['ListOrgMembers', 'org_owner org_admin'],
    ['ListIntegrations', 'msp_owner msp_admin org_owner'],
    ['IssueStreamTicket', 'msp_owner msp_admin org_owner org_admin'],
    ['ReadIntegrationStatus', 'msp_owner msp_admin org_owner'],
    ['ListMspApiKeys', 'msp_owner msp_admin'],
    ['ListActivityLogTokens', 'org_owner org_admin'],
    ['ReadAuditTrail', 'msp_owner org_owner msp_api_client org_api_token_owner'],
  ] as [QueryType, string][])('%s: allowed to %s and to no other role', (query, roles) => {
    const allowed = roles.split(' ');
    for (const role of ROLES) expect([role, mayPerform(role, query)]).toEqual([role, allowed.includes(role)]);
  });
});
