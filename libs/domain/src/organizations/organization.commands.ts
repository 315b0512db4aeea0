import { Role } from '../access/roles';
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

const managers: Role[] = ['msp_owner', 'msp_admin'];

export const organizationPermissions: Record<OrganizationCommand['type'], readonly Role[]> = {
  CreateOrganization: managers,
  DeployOrganization: managers,
  RenameOrganization: managers,
  SuspendOrganization: managers,
  ReactivateOrganization: managers,
  TerminateOrganization: ['msp_owner'],
};

export const organizationStream = (organizationId: string) => `organization-${organizationId}`;
