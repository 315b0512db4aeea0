import { mspMemberAccessDecider, mspMemberAccessStream } from '@app/domain';
import { bindDecider, mspTenant } from '../shared/command-binding';

export const mspMemberAccessBinding = bindDecider(mspMemberAccessDecider, {
  commands: ['RecordMspSignInSuccess', 'RecordMspSignInFailure', 'ChangeMspPassword', 'EnableMspTwoFactor', 'DisableMspTwoFactor'],
  streamId: (c) => mspMemberAccessStream(c.memberId),
  aggregateId: (c) => c.memberId,
  tenant: mspTenant,
});
