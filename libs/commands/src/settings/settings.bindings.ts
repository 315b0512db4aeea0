import { mspSettingsDecider, mspSettingsStream } from '@app/domain';
import { bindDecider, mspTenant } from '../shared/command-binding';

export const mspSettingsBinding = bindDecider(mspSettingsDecider, {
  commands: ['ChangeMspSetting'],
  streamId: (c) => mspSettingsStream(c.mspId),
  aggregateId: (c) => c.mspId,
  tenant: mspTenant,
});
