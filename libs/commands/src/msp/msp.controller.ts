import { Body } from '@nestjs/common';
import { Ctx, RequestContext } from '@app/auth';
import { MemberId } from '@app/http';
import { CommandController, CommandRoute } from '../shared/command-route.decorator';
import { NewId } from '../shared/idempotency/derived-ids';
import { mspOf } from '../shared/request-ids';
import {
  AcceptMspInvitationDto, ChangeMspMemberRoleDto, CreateMspAccountDto, InviteMspMemberDto, SuspendMspMemberDto,
} from './msp.dto';

/** The MSP account and its roster (MSP User Management). The MSP is always the token's own. */
@CommandController('msp', 'MSP User Management')
export class MspController {
  /** Sent by the sign-up service, whose token carries the new MSP's id. */
  @CommandRoute('POST', '', { command: 'CreateMspAccount', status: 201, summary: 'Create the MSP account and its first owner' })
  create(@Body() body: CreateMspAccountDto, @Ctx() ctx: RequestContext) {
    return { mspId: mspOf(ctx), ...body };
  }

  @CommandRoute('POST', 'invitations', {
    command: 'InviteMspMember', status: 201, summary: 'Invite a member to the MSP', description: '`id` is the invitee’s member id',
  })
  invite(@Body() body: InviteMspMemberDto, @Ctx() ctx: RequestContext, @NewId() memberId: string) {
    const { email, role, name } = body;
    return { mspId: mspOf(ctx), memberId, email, role, name };
  }

  @CommandRoute('POST', 'invitations/:memberId/accept', {
    command: 'AcceptMspInvitation', status: 200, summary: 'Accept an invitation (as the invitee)',
  })
  accept(@MemberId() memberId: string, @Body() body: AcceptMspInvitationDto, @Ctx() ctx: RequestContext) {
    return { mspId: mspOf(ctx), memberId, name: body.name };
  }

  @CommandRoute('POST', 'invitations/:memberId/revoke', {
    command: 'RevokeMspInvitation', status: 200, summary: 'Revoke a pending invitation',
  })
  revoke(@MemberId() memberId: string, @Ctx() ctx: RequestContext) {
    return { mspId: mspOf(ctx), memberId };
  }

  @CommandRoute('POST', 'members/:memberId/role', { command: 'ChangeMspMemberRole', status: 200, summary: 'Change a member’s role' })
  changeRole(@MemberId() memberId: string, @Body() body: ChangeMspMemberRoleDto, @Ctx() ctx: RequestContext) {
    return { mspId: mspOf(ctx), memberId, role: body.role };
  }

  @CommandRoute('POST', 'members/:memberId/suspend', { command: 'SuspendMspMember', status: 200, summary: 'Suspend a member' })
  suspend(@MemberId() memberId: string, @Body() body: SuspendMspMemberDto, @Ctx() ctx: RequestContext) {
    return { mspId: mspOf(ctx), memberId, reason: body.reason };
  }

  @CommandRoute('POST', 'members/:memberId/reactivate', {
    command: 'ReactivateMspMember', status: 200, summary: 'Reactivate a suspended member',
  })
  reactivate(@MemberId() memberId: string, @Ctx() ctx: RequestContext) {
    return { mspId: mspOf(ctx), memberId };
  }

  @CommandRoute('POST', 'members/:memberId/remove', { command: 'RemoveMspMember', status: 200, summary: 'Remove a member from the MSP' })
  remove(@MemberId() memberId: string, @Ctx() ctx: RequestContext) {
    return { mspId: mspOf(ctx), memberId };
  }

  /** The member named in the path becomes the owner; the current owner becomes an admin. */
  @CommandRoute('POST', 'members/:memberId/transfer-ownership', {
    command: 'TransferMspOwnership', status: 200, summary: 'Transfer the ownership',
  })
  transferOwnership(@MemberId() memberId: string, @Ctx() ctx: RequestContext) {
    return { mspId: mspOf(ctx), memberId };
  }

  /**
   * GDPR Art. 17 for a former member (removed, or whose invitation was revoked): their key is
   * deleted once the event is recorded, and every view shows their pseudonym from then on.
   */
  @CommandRoute('POST', 'members/:memberId/erase', {
    command: 'EraseMspMemberPersonalData', status: 200, summary: 'Erase a former member’s personal data',
  })
  erase(@MemberId() memberId: string, @Ctx() ctx: RequestContext) {
    return { mspId: mspOf(ctx), memberId };
  }
}
