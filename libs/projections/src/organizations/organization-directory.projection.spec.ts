import { organizationsExamples } from '@app/domain';
import { CATALOG_SAMPLES } from '@app/domain/testing/catalog-samples';
import { organizationIdOf, projectOrganizations } from './organization-directory.projection';
import { OrganizationEntry } from './organization-directory.store';
import { atPosition, organizationEvent, otherEvent } from './organization-directory.test-events';

const org = { organizationId: 'org-1', name: 'Acme' };
const created = organizationEvent(1n, { type: 'OrganizationCreated', data: { ...org, mspId: 'msp-1' } });
const entry: OrganizationEntry = {
  orgId: 'org-1', mspId: 'msp-1', name: 'Acme', status: 'created', createdAt: atPosition(1n), updatedAt: atPosition(1n), position: 1n,
};

describe('projectOrganizations', () => {
  it('records a created organization with its supervising MSP', () => {
    expect(projectOrganizations([created, otherEvent(2n)], new Map())).toEqual([entry]);
  });

  it('follows the lifecycle of a stored organization, keeping its creation time', () => {
    const events = [
      organizationEvent(3n, { type: 'OrganizationDeployed', data: org }),
      organizationEvent(4n, { type: 'OrganizationRenamed', data: { organizationId: 'org-1', previousName: 'Acme', newName: 'Acme Corp' } }),
      organizationEvent(5n, { type: 'OrganizationTerminated', data: { ...org, name: 'Acme Corp' } }),
    ];
    expect(projectOrganizations(events, new Map([['org-1', entry]]))).toEqual([
      { ...entry, name: 'Acme Corp', status: 'terminated', updatedAt: atPosition(5n), position: 5n },
    ]);
  });

  it('skips events the stored entry already reflects (a replayed batch)', () => {
    const later = { ...entry, status: 'active' as const, position: 3n };
    expect(projectOrganizations([created, organizationEvent(3n, { type: 'OrganizationDeployed', data: org })], new Map([['org-1', later]]))).toEqual([]);
  });

  it('ignores events of an organization it never saw created, and every other event', () => {
    expect(projectOrganizations([organizationEvent(3n, { type: 'OrganizationDeployed', data: org }), otherEvent(4n)], new Map())).toEqual([]);
  });

  it('names the organization of every organization event type, and of no other event of the catalog', () => {
    const named = CATALOG_SAMPLES.filter(([type, { data }]) => organizationIdOf({ ...otherEvent(1n), type, data }) !== undefined);
    expect(named.map(([type]) => type)).toEqual(Object.keys(organizationsExamples));
  });
});
