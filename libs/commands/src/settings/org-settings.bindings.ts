import {
  ChangeOrganizationSetting, fold, mspSettingsDecider, MspSettingsEvent, mspSettingsStream, orgSettingsDecider, orgSettingsPermissions,
  orgSettingsStream, retentionDaysOf,
} from '@app/domain';
import { RequestContext } from '@app/auth';
import { BindingIo, bindDecider, supervisedOrganizationTenant } from '../shared/command-binding';

/** What the route sends: the command without the MSP's bound, which the binding reads. */
export type OrgSettingRequest = Omit<ChangeOrganizationSetting, 'mspBound'>;

/** An organization's own settings; an organization's retention stays within its MSP's. */
export const orgSettingsBinding = bindDecider(orgSettingsDecider, {
  permissions: orgSettingsPermissions,
  streamId: (c) => orgSettingsStream(c.orgId),
  aggregateId: (c) => c.orgId,
  tenant: supervisedOrganizationTenant,
  resolve: withMspBound,
});

/** The supervising MSP's retention (its setting, or the default), read from its settings stream. */
async function withMspBound(request: OrgSettingRequest, ctx: RequestContext, io: BindingIo): Promise<ChangeOrganizationSetting> {
  const { mspId } = await io.tenants.organizationTenant(ctx.principal);
  if (!mspId) return request;
  const past = await io.store.readStream(mspSettingsStream(mspId));
  const state = fold(mspSettingsDecider, past.map((e) => ({ type: e.type, data: e.data }) as MspSettingsEvent));
  return { ...request, mspBound: retentionDaysOf(state.values.activityLogRetentionDays) };
}
