import { DescriberMap, EventDescriber } from './event-describer';
import { billingDescribers } from './billing.describers';
import { integrationsDescribers } from './integrations.describers';
import { mspAccessDescribers } from './msp-access.describers';
import { mspDescribers } from './msp.describers';
import { orgMembersDescribers } from './org-members.describers';
import { organizationsDescribers } from './organizations.describers';
import { policiesDescribers } from './policies.describers';
import { settingsDescribers } from './settings.describers';
import { vaultDescribers } from './vault.describers';

export * from './event-describer';

export const DESCRIBERS: Readonly<DescriberMap> = Object.freeze({
  ...mspDescribers,
  ...mspAccessDescribers,
  ...organizationsDescribers,
  ...integrationsDescribers,
  ...billingDescribers,
  ...settingsDescribers,
  ...orgMembersDescribers,
  ...policiesDescribers,
  ...vaultDescribers,
});

export function describerFor(eventType: string): EventDescriber | undefined {
  return DESCRIBERS[eventType];
}
