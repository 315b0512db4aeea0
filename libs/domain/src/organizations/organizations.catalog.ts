import { MspCategory } from '../catalog/activity-category';
import { because, quote } from '../catalog/describe-helpers';
import { AreaExamples } from '../catalog/catalog-example';
import { DescriberMap, MspAreaDescribers, TargetRef } from '../catalog/event-describer';
import { OrganizationEvent } from './organization.events';
import { AreaPrivacy } from '../privacy/personal-data';

const organization = (d: { organizationId: string; name: string }): TargetRef => ({
  type: 'organization',
  id: d.organizationId,
  name: d.name,
});

/** How the life cycle of a customer organization reads in the Activity Log. */
const describers: MspAreaDescribers<OrganizationEvent> = {
  OrganizationCreated: {
    category: 'Organization Management',
    action: 'Created organization',
    target: organization,
    summary: (d, v) => `${v.initiatorName} created organization ${quote(d.name)}`,
  },
  OrganizationDeployed: {
    category: 'Organization Management',
    action: 'Deployed organization',
    target: organization,
    summary: (d, v) => `${v.initiatorName} deployed organization ${quote(d.name)}`,
  },
  OrganizationRenamed: {
    category: 'Organization Management',
    action: 'Renamed organization',
    target: (d) => ({ type: 'organization', id: d.organizationId, name: d.newName }),
    summary: (d, v) => `${v.initiatorName} renamed organization ${quote(d.previousName)} to ${quote(d.newName)}`,
  },
  OrganizationSuspended: {
    category: 'Organization Management',
    action: 'Suspended organization',
    target: organization,
    summary: (d, v) => `${v.initiatorName} suspended organization ${quote(d.name)}${because(d.reason)}`,
  },
  OrganizationReactivated: {
    category: 'Organization Management',
    action: 'Reactivated organization',
    target: organization,
    summary: (d, v) => `${v.initiatorName} reactivated organization ${quote(d.name)}`,
  },
  OrganizationTerminated: {
    category: 'Organization Management',
    action: 'Terminated organization',
    target: organization,
    summary: (d, v) => `${v.initiatorName} terminated organization ${quote(d.name)}${because(d.reason)}`,
  },
};

export const organizationsDescribers: DescriberMap<MspCategory> = describers;

const orgId = 'org-sample';

/** A realistic instance of each event and what a reader with generic item details must never see of it. */
export const organizationsExamples: AreaExamples<OrganizationEvent> = {
  OrganizationCreated: { data: { organizationId: orgId, name: 'Acme', mspId: 'msp-1' }, hidden: [] },
  OrganizationDeployed: { data: { organizationId: orgId, name: 'Acme' }, hidden: [] },
  OrganizationRenamed: { data: { organizationId: orgId, previousName: 'Acme', newName: 'Acme Ltd' }, hidden: [] },
  OrganizationSuspended: { data: { organizationId: orgId, name: 'Acme', reason: 'Unpaid invoice' }, hidden: [] },
  OrganizationReactivated: { data: { organizationId: orgId, name: 'Acme' }, hidden: [] },
  OrganizationTerminated: { data: { organizationId: orgId, name: 'Acme', reason: 'Contract ended' }, hidden: [] },
};

/** Organizations are the MSP's business data; only a reason someone typed is a person's (its author's). */
export const organizationsPrivacy: AreaPrivacy<OrganizationEvent> = {
  OrganizationCreated: { retention: 'state', personal: [] },
  OrganizationDeployed: { retention: 'state', personal: [] },
  OrganizationRenamed: { retention: 'state', personal: [] },
  OrganizationSuspended: { retention: 'state', personal: [{ path: 'reason', kind: 'text', subject: 'actor' }] },
  OrganizationReactivated: { retention: 'state', personal: [] },
  OrganizationTerminated: { retention: 'state', personal: [{ path: 'reason', kind: 'text', subject: 'actor' }] },
};
