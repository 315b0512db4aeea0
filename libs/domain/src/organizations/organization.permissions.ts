import { Role } from '../access/roles';
import { OrganizationCommand } from './organization.commands';

const managers: Role[] = ['msp_owner', 'msp_admin'];

export const organizationPermissions: Record<OrganizationCommand['type'], readonly Role[]> = {
  CreateOrganization: managers,
  DeployOrganization: managers,
  RenameOrganization: managers,
  SuspendOrganization: managers,
  ReactivateOrganization: managers,
  TerminateOrganization: ['msp_owner'],
};
