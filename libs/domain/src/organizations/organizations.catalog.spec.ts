import { areaViews, Cases, describeAreaDescribers } from '../testing/describer-cases';
import { OrganizationEvent } from './organization.events';
import { organizationsDescribers } from './organizations.catalog';

const { ownerView } = areaViews();

const acme = { organizationId: 'org-acme', name: 'Acme' };
const acmeTarget = { type: 'organization', id: 'org-acme', name: 'Acme' };

const cases: Cases<OrganizationEvent> = {
  OrganizationCreated: {
    data: { ...acme, mspId: 'msp-1' },
    action: 'Created organization',
    target: acmeTarget,
    summary: "Ann Lee created organization 'Acme'",
  },
  OrganizationDeployed: {
    data: acme,
    action: 'Deployed organization',
    target: acmeTarget,
    summary: "Ann Lee deployed organization 'Acme'",
  },
  OrganizationRenamed: {
    data: { organizationId: 'org-acme', previousName: 'Acme', newName: 'Acme Ltd' },
    action: 'Renamed organization',
    target: { type: 'organization', id: 'org-acme', name: 'Acme Ltd' },
    summary: "Ann Lee renamed organization 'Acme' to 'Acme Ltd'",
  },
  OrganizationSuspended: {
    data: { ...acme, reason: 'Unpaid invoice' },
    action: 'Suspended organization',
    target: acmeTarget,
    summary: "Ann Lee suspended organization 'Acme' (reason: Unpaid invoice)",
  },
  OrganizationReactivated: {
    data: acme,
    action: 'Reactivated organization',
    target: acmeTarget,
    summary: "Ann Lee reactivated organization 'Acme'",
  },
  OrganizationTerminated: {
    data: { ...acme, reason: 'Contract ended' },
    action: 'Terminated organization',
    target: acmeTarget,
    summary: "Ann Lee terminated organization 'Acme' (reason: Contract ended)",
  },
};

describe('Organization describers', () => {
  describeAreaDescribers(organizationsDescribers, cases);

  it.each(['OrganizationSuspended', 'OrganizationTerminated'])('leaves out a reason %s was not given', (type) => {
    expect(organizationsDescribers[type].summary(acme, ownerView)).toMatch(/organization 'Acme'$/);
  });
});
