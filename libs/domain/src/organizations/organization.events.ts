import { DomainEvent } from '../shared/decider';

type Org = { organizationId: string; name: string };

export type OrganizationCreated = DomainEvent<'OrganizationCreated', Org & { mspId: string }>;
export type OrganizationDeployed = DomainEvent<'OrganizationDeployed', Org>;
export type OrganizationRenamed = DomainEvent<
  'OrganizationRenamed',
  { organizationId: string; previousName: string; newName: string }
>;
export type OrganizationSuspended = DomainEvent<'OrganizationSuspended', Org & { reason?: string }>;
export type OrganizationReactivated = DomainEvent<'OrganizationReactivated', Org>;
export type OrganizationTerminated = DomainEvent<'OrganizationTerminated', Org & { reason?: string }>;

export type OrganizationEvent =
  | OrganizationCreated
  | OrganizationDeployed
  | OrganizationRenamed
  | OrganizationSuspended
  | OrganizationReactivated
  | OrganizationTerminated;
