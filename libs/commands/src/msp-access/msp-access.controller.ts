import { Body } from '@nestjs/common';
import { MemberId } from '@app/http';
import { CommandController, CommandRoute } from '../shared/command-route.decorator';
import { EnableMspTwoFactorDto, RecordMspSignInFailureDto, RecordMspSignInSuccessDto } from './msp-access.dto';

/**
 * MSP Access: sign-ins, recorded by the sign-in service, and a member's own password and
 * two-factor changes. The MSP is always the token's own.
 */
@CommandController('msp-members/:memberId', 'MSP Access')
export class MspAccessController {
  @CommandRoute('POST', 'sign-ins/succeeded', { command: 'RecordMspSignInSuccess', status: 201, summary: 'Record a successful sign-in' })
  signInSucceeded(@MemberId() memberId: string, @Body() body: RecordMspSignInSuccessDto) {
    return { memberId, ...body };
  }

  @CommandRoute('POST', 'sign-ins/failed', { command: 'RecordMspSignInFailure', status: 201, summary: 'Record a failed sign-in' })
  signInFailed(@MemberId() memberId: string, @Body() body: RecordMspSignInFailureDto) {
    return { memberId, ...body };
  }

  @CommandRoute('POST', 'password/changed', { command: 'ChangeMspPassword', status: 200, summary: 'Record a password change' })
  passwordChanged(@MemberId() memberId: string) {
    return { memberId };
  }

  @CommandRoute('POST', 'two-factor/enable', { command: 'EnableMspTwoFactor', status: 200, summary: 'Enable two-factor authentication' })
  enableTwoFactor(@MemberId() memberId: string, @Body() body: EnableMspTwoFactorDto) {
    return { memberId, method: body.method };
  }

  @CommandRoute('POST', 'two-factor/disable', { command: 'DisableMspTwoFactor', status: 200, summary: 'Disable two-factor authentication' })
  disableTwoFactor(@MemberId() memberId: string) {
    return { memberId };
  }
}
