import { billingBinding } from './billing/billing.bindings';
import { integrationBinding, mspApiKeyBinding } from './integrations/integrations.bindings';
import { mspMemberAccessBinding } from './msp-access/msp-access.bindings';
import { mspBinding } from './msp/msp.bindings';
import { orgMemberAccessBinding, orgRosterBinding } from './org-members/org-members.bindings';
import { organizationBinding } from './organizations/organizations.bindings';
import { activityLogTokenBinding, orgPoliciesBinding, siemIntegrationBinding, vantaIntegrationBinding } from './policies/policies.bindings';
import { CommandBinding } from './shared/command-binding';
import { mspSettingsBinding } from './settings/settings.bindings';
import { orgSettingsBinding } from './settings/org-settings.bindings';
import { folderBinding, vaultItemBinding } from './vault/vault.bindings';

/** One binding per decider: the executor refuses to start if a command of the role matrix has none. */
export const ALL_COMMAND_BINDINGS = [
  mspBinding,
  mspMemberAccessBinding,
  organizationBinding,
  integrationBinding,
  mspApiKeyBinding,
  billingBinding,
  mspSettingsBinding,
  orgSettingsBinding,
  orgRosterBinding,
  orgMemberAccessBinding,
  orgPoliciesBinding,
  vantaIntegrationBinding,
  activityLogTokenBinding,
  siemIntegrationBinding,
  vaultItemBinding,
  folderBinding,
] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- only the request type is read
type RequestOf<B> = B extends CommandBinding<any, any, any, infer R> ? R : never;

/** What may be handed to the executor: a command, or what a binding's `resolve` turns into one. */
export type CommandRequest = RequestOf<(typeof ALL_COMMAND_BINDINGS)[number]>;
