import { mspDecider, mspStream } from '@app/domain';
import { bindDecider, mspTenant } from '../shared/command-binding';

export const mspBinding = bindDecider(mspDecider, {
  commands: [
    'CreateMspAccount', 'InviteMspMember', 'AcceptMspInvitation', 'RevokeMspInvitation', 'ChangeMspMemberRole',
    'SuspendMspMember', 'ReactivateMspMember', 'RemoveMspMember', 'TransferMspOwnership',
  ],
  streamId: (c) => mspStream(c.mspId),
  // The answer names what was acted on: the new account, or the member of the roster.
  aggregateId: (c) => ('memberId' in c ? c.memberId : c.mspId),
  tenant: mspTenant,
});
