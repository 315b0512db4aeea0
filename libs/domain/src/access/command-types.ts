import { BillingCommand } from '../billing/billing.commands';
import { IntegrationCommand } from '../integrations/integration.commands';
import { MspApiKeyCommand } from '../integrations/msp-api-key.commands';
import { MspMemberAccessCommand } from '../msp-access/msp-member-access.commands';
import { MspCommand } from '../msp/msp.commands';
import { OrgMemberAccessCommand } from '../org-members/org-member-access.commands';
import { OrgRosterCommand } from '../org-members/org-roster.commands';
import { OrganizationCommand } from '../organizations/organization.commands';
import { ActivityLogTokenCommand } from '../policies/activity-log-token.commands';
import { OrgPoliciesCommand } from '../policies/org-policies.commands';
import { SiemIntegrationCommand } from '../policies/siem-integration.commands';
import { VantaIntegrationCommand } from '../policies/vanta-integration.commands';
import { MspSettingsCommand } from '../settings/msp-settings.commands';
import { OrgSettingsCommand } from '../settings/org-settings.commands';
import { FolderCommand } from '../vault/folder.commands';
import { VaultItemCommand } from '../vault/vault-item.commands';

/** Every command any decider takes: the role matrix is keyed by their types. */
export type Command =
  | MspCommand
  | MspMemberAccessCommand
  | OrganizationCommand
  | IntegrationCommand
  | MspApiKeyCommand
  | BillingCommand
  | MspSettingsCommand
  | OrgSettingsCommand
  | OrgRosterCommand
  | OrgMemberAccessCommand
  | OrgPoliciesCommand
  | VantaIntegrationCommand
  | ActivityLogTokenCommand
  | SiemIntegrationCommand
  | VaultItemCommand
  | FolderCommand;

export type CommandType = Command['type'];

/** The command whose type is T. */
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;
