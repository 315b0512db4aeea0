import {
  mspAccessPermissions, mspDecider, mspMemberAccessDecider, MspMemberAccessCommand, MspMemberAccessRequest,
  mspMemberAccessStream, mspMemberStatusOf, mspStream,
} from '@app/domain';
import { BindingIo, bindDecider, mspTenant } from '../shared/command-binding';
import { mspOf } from '../shared/request-ids';

/** An MSP member's sign-ins and credentials, in a stream of the token's MSP. */
export const mspMemberAccessBinding = bindDecider(mspMemberAccessDecider, {
  permissions: mspAccessPermissions,
  streamId: (c, ctx) => mspMemberAccessStream(mspOf(ctx), c.memberId),
  aggregateId: (c) => c.memberId,
  tenant: mspTenant,
  resolve: (request: MspMemberAccessRequest, _ctx, io) => withListStatus(request, io),
});

/** A sign-in names the member's place on the MSP's member list (read from the MSP's stream), which the decider checks. */
async function withListStatus(request: MspMemberAccessRequest, { states }: BindingIo): Promise<MspMemberAccessCommand> {
  if (request.type !== 'RecordMspSignInSuccess' && request.type !== 'RecordMspSignInFailure') return request;
  if (!request.by.mspId) return request;
  const { state } = await states.load(mspDecider, mspStream(request.by.mspId));
  // Set even when absent, so that nothing the request carried can stand in for the list.
  return { ...request, listStatus: mspMemberStatusOf(state, request.memberId) };
}
