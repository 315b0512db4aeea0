import { mspSettingsDecider, mspSettingsStream, settingsPermissions } from '@app/domain';
import { bindDecider, mspTenant } from '../shared/command-binding';

export const mspSettingsBinding = bindDecider(mspSettingsDecider, {
  permissions: settingsPermissions,
  streamId: (c) => mspSettingsStream(c.mspId),
  aggregateId: (c) => c.mspId,
  tenant: mspTenant,
});
