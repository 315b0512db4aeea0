import { Initiator } from '../shared/initiator';

interface OrganizationCommandBase {
  organizationId: string;
  by: Initiator;
}

export type CreateOrganization = OrganizationCommandBase & { type: 'CreateOrganization'; name: string };
export type DeployOrganization = OrganizationCommandBase & { type: 'DeployOrganization' };
export type RenameOrganization = OrganizationCommandBase & { type: 'RenameOrganization'; name: string };
export type SuspendOrganization = OrganizationCommandBase & { type: 'SuspendOrganization'; reason?: string };
export type ReactivateOrganization = OrganizationCommandBase & { type: 'ReactivateOrganization' };
export type TerminateOrganization = OrganizationCommandBase & { type: 'TerminateOrganization'; reason?: string };

export type OrganizationCommand =
  | CreateOrganization
  | DeployOrganization
  | RenameOrganization
  | SuspendOrganization
  | ReactivateOrganization
  | TerminateOrganization;

export const organizationStream = (organizationId: string) => `organization-${organizationId}`;
