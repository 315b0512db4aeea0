import { ActivityCategory } from '../catalog/activity-category';
import { OrganizationEvent } from './organization.events';

export const organizationEventCategories = {
  OrganizationCreated: 'Organization Management',
  OrganizationDeployed: 'Organization Management',
  OrganizationRenamed: 'Organization Management',
  OrganizationSuspended: 'Organization Management',
  OrganizationReactivated: 'Organization Management',
  OrganizationTerminated: 'Organization Management',
} as const satisfies Record<OrganizationEvent['type'], ActivityCategory>;
