import { OrganizationEvent } from '@app/domain';
import { DescriberMap, TargetRef } from './event-describer';
import { Describers, quote, because } from './describe-helpers';

const organization = (d: { organizationId: string; name: string }): TargetRef => ({
  type: 'organization',
  id: d.organizationId,
  name: d.name,
});

/** How the life cycle of a customer organization reads in the Activity Log. */
const describers: Describers<OrganizationEvent> = {
  OrganizationCreated: {
    action: 'Created organization',
    target: organization,
    summary: (d, v) => `${v.initiatorName} created organization ${quote(d.name)}`,
  },
  OrganizationDeployed: {
    action: 'Deployed organization',
    target: organization,
    summary: (d, v) => `${v.initiatorName} deployed organization ${quote(d.name)}`,
  },
  OrganizationRenamed: {
    action: 'Renamed organization',
    target: (d) => ({ type: 'organization', id: d.organizationId, name: d.newName }),
    summary: (d, v) => `${v.initiatorName} renamed organization ${quote(d.previousName)} to ${quote(d.newName)}`,
  },
  OrganizationSuspended: {
    action: 'Suspended organization',
    target: organization,
    summary: (d, v) => `${v.initiatorName} suspended organization ${quote(d.name)}${because(d.reason)}`,
  },
  OrganizationReactivated: {
    action: 'Reactivated organization',
    target: organization,
    summary: (d, v) => `${v.initiatorName} reactivated organization ${quote(d.name)}`,
  },
  OrganizationTerminated: {
    action: 'Terminated organization',
    target: organization,
    summary: (d, v) => `${v.initiatorName} terminated organization ${quote(d.name)}${because(d.reason)}`,
  },
};

export const organizationsDescribers: DescriberMap = describers;
