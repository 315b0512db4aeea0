import { DomainEvent, OrganizationEvent, organizationEventCategories } from '@app/domain';
import { TargetRef } from './event-describer';
import { organizationsDescribers } from './organizations.describers';

type Case<D> = { data: D; action: string; target: TargetRef; summary: string };
type Cases<E extends DomainEvent> = { [T in E['type']]: Case<Extract<E, { type: T }>['data']> };

const ownerView = { redact: false, initiatorName: 'Ann Lee' };
const adminView = { redact: true, initiatorName: 'Ann Lee' };

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
  it('describe every event type of the area, and the table covers them all', () => {
    const types = Object.keys(organizationEventCategories).sort();
    expect(Object.keys(organizationsDescribers).sort()).toEqual(types);
    expect(Object.keys(cases).sort()).toEqual(types);
  });

  describe.each(Object.entries(cases))('%s', (type, c) => {
    const describer = organizationsDescribers[type];

    it('reads as expected', () => {
      expect(describer.action).toBe(c.action);
      expect(describer.target(c.data)).toEqual(c.target);
      expect(describer.summary(c.data, ownerView)).toBe(c.summary);
    });

    it('concerns no vault item, is recorded by its own initiator, and reads the same for admins', () => {
      expect(describer.item?.(c.data) ?? null).toBeNull();
      expect(describer.initiator).toBeUndefined();
      expect(describer.summary(c.data, adminView)).toBe(c.summary);
      expect(c.summary).not.toMatch(/\.$/);
    });
  });

  it.each(['OrganizationSuspended', 'OrganizationTerminated'])('leaves out a reason %s was not given', (type) => {
    expect(organizationsDescribers[type].summary(acme, ownerView)).toMatch(/organization 'Acme'$/);
  });
});
