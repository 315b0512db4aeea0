import { Body } from '@nestjs/common';
import { MemberId } from '@app/http';
import { CommandController, CommandRoute } from '../shared/command-route.decorator';
import { MemberAccessDto, SignInFailureDto, VaultAccessDto } from './org-member-access.dto';

/**
 * A member's access, sign-ins and MFA (Members and Access). Access is recorded by the member or by a
 * service, sign-ins by the sign-in service, MFA changes by the member only.
 */
@CommandController('org/members/:memberId', 'Members and Access')
export class OrgMemberAccessController {
  @CommandRoute('POST', 'admin-panel-access', { command: 'RecordAdminPanelAccess', status: 200, summary: 'Record an admin panel access' })
  adminPanel(@MemberId() memberId: string, @Body() body: MemberAccessDto) {
    return { memberId, ...body };
  }

  @CommandRoute('POST', 'vault-access', { command: 'RecordVaultAccess', status: 200, summary: 'Record a vault access' })
  vault(@MemberId() memberId: string, @Body() body: VaultAccessDto) {
    return { memberId, ...body };
  }

  @CommandRoute('POST', 'sign-ins', { command: 'RecordMemberSignInSuccess', status: 200, summary: 'Record a successful sign-in' })
  signIn(@MemberId() memberId: string, @Body() body: MemberAccessDto) {
    return { memberId, ...body };
  }

  @CommandRoute('POST', 'sign-in-failures', { command: 'RecordMemberSignInFailure', status: 200, summary: 'Record a failed sign-in' })
  signInFailure(@MemberId() memberId: string, @Body() body: SignInFailureDto) {
    return { memberId, ...body };
  }

  @CommandRoute('POST', 'mfa/enable', { command: 'EnableMemberMfa', status: 200, summary: 'Enable multi-factor authentication' })
  enableMfa(@MemberId() memberId: string) {
    return { memberId };
  }

  @CommandRoute('POST', 'mfa/disable', { command: 'DisableMemberMfa', status: 200, summary: 'Disable multi-factor authentication' })
  disableMfa(@MemberId() memberId: string) {
    return { memberId };
  }
}
