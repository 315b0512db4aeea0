import { Body } from '@nestjs/common';
import { MemberId } from '@app/http';
import { CommandController, CommandRoute } from '../shared/command-route.decorator';
import { NewId } from '../shared/idempotency/derived-ids';
import { ChangeMemberRoleDto, InviteMemberDto, SuspendMemberDto } from './org-roster.dto';

/** The roster of the token's organization: invitations, roles and account status (Members and Access). */
@CommandController('org', 'Members and Access')
export class OrgRosterController {
  @CommandRoute('POST', 'invitations', {
    command: 'InviteMember', status: 201, summary: 'Invite a member to the organization', description: '`id` is the invitee’s member id',
  })
  invite(@Body() body: InviteMemberDto, @NewId() memberId: string) {
    const { email, role, name } = body;
    return { memberId, email, role, name };
  }

  /** Sent by the invitee, whose token's email must be the invited one. */
  @CommandRoute('POST', 'invitations/:memberId/accept', { command: 'AcceptMemberInvitation', status: 200, summary: 'Accept an invitation' })
  accept(@MemberId() memberId: string) {
    return { memberId };
  }

  @CommandRoute('POST', 'invitations/:memberId/decline', {
    command: 'DeclineMemberInvitation', status: 200, summary: 'Decline an invitation',
  })
  decline(@MemberId() memberId: string) {
    return { memberId };
  }

  @CommandRoute('POST', 'members/:memberId/role', { command: 'ChangeMemberRole', status: 200, summary: 'Change a member’s role' })
  changeRole(@MemberId() memberId: string, @Body() body: ChangeMemberRoleDto) {
    return { memberId, role: body.role };
  }

  @CommandRoute('POST', 'members/:memberId/suspend', { command: 'SuspendMember', status: 200, summary: 'Suspend a member' })
  suspend(@MemberId() memberId: string, @Body() body: SuspendMemberDto) {
    return { memberId, reason: body.reason };
  }

  @CommandRoute('POST', 'members/:memberId/reactivate', {
    command: 'ReactivateMember', status: 200, summary: 'Reactivate a suspended member',
  })
  reactivate(@MemberId() memberId: string) {
    return { memberId };
  }

  /** Removes a member, or withdraws a pending invitation. */
  @CommandRoute('POST', 'members/:memberId/remove', {
    command: 'RemoveMember', status: 200, summary: 'Remove a member or withdraw an invitation',
  })
  remove(@MemberId() memberId: string) {
    return { memberId };
  }

  /**
   * GDPR Art. 17 for a former member (removed, or who declined the invitation): their key is
   * deleted once the event is recorded, and every view shows their pseudonym from then on.
   */
  @CommandRoute('POST', 'members/:memberId/erase', {
    command: 'EraseMemberPersonalData', status: 200, summary: 'Erase a former member’s personal data',
  })
  erase(@MemberId() memberId: string) {
    return { memberId };
  }
}
