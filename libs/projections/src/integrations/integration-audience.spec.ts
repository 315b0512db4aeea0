import { revealUnsealed } from '@app/privacy/testing/privacy.testing';
import { v7 as uuidv7 } from 'uuid';
import { RecordedEvent, Tenant } from '@app/event-store';
import { inIntegrationScope, presentForIntegration } from './integration-audience';
import { IntegrationOwner } from './integrations.store';

const msp: IntegrationOwner = { type: 'msp', mspId: 'msp-a' };
const orgOwned: IntegrationOwner = { type: 'organization', orgId: 'org-1', mspId: 'msp-a' };

function event(type: string, data: Record<string, unknown>, tenant: Tenant): RecordedEvent {
  return {
    id: uuidv7(), type, schemaVersion: 1, streamId: `s-${uuidv7()}`, revision: 0n, position: 7n, occurredAt: '2026-06-01T00:00:00.000Z', data,
    metadata: { actor: { type: 'member', id: 'ann', name: 'Ann Archer', role: 'org_owner' }, tenant, client: { ip: '198.51.100.7' } },
  };
}

const itemUsed = (tenant: Tenant) => event('ItemUsed', { itemId: 'i-1', itemType: 'password', itemName: 'Payroll bank', usage: 'copied' }, tenant);
const renamed = (tenant: Tenant) => event('OrganizationRenamed', { organizationId: 'org-1', previousName: 'Acme', newName: 'Acme Ltd' }, tenant);

describe('what an integration’s owner receives', () => {
  it('gives an MSP its own events and its organizations’ activity, never another MSP’s', () => {
    expect(inIntegrationScope(msp, renamed({ mspId: 'msp-a', orgId: 'org-1' }))).toBe(true);
    expect(inIntegrationScope(msp, itemUsed({ mspId: 'msp-a', orgId: 'org-1' }))).toBe(true);
    expect(inIntegrationScope(msp, itemUsed({ mspId: 'msp-b', orgId: 'org-9' }))).toBe(false);
    expect(inIntegrationScope(msp, itemUsed({ orgId: 'org-1' }))).toBe(false);
  });

  it('gives an organization its Business Activity Log only', () => {
    expect(inIntegrationScope(orgOwned, itemUsed({ mspId: 'msp-a', orgId: 'org-1' }))).toBe(true);
    expect(inIntegrationScope(orgOwned, renamed({ mspId: 'msp-a', orgId: 'org-1' }))).toBe(false);
    expect(inIntegrationScope(orgOwned, itemUsed({ mspId: 'msp-a', orgId: 'org-2' }))).toBe(false);
  });

  it('never sends an event the log does not show', () => {
    expect(presentForIntegration(msp, event('SomethingInternal', {}, { mspId: 'msp-a' }), revealUnsealed)).toBeUndefined();
  });

  it('presents as the MSP’s view: no item name or type', () => {
    const entry = presentForIntegration(msp, itemUsed({ mspId: 'msp-a', orgId: 'org-1' }), revealUnsealed);
    expect(entry).toMatchObject({ eventType: 'ItemUsed', organizationId: 'org-1', item: { id: 'i-1', type: null, name: null }, ip: '198.51.100.7' });
    expect(JSON.stringify(entry)).not.toContain('Payroll');
  });

  it('presents as the organization owners’ view: item name and type shown', () => {
    const entry = presentForIntegration(orgOwned, itemUsed({ mspId: 'msp-a', orgId: 'org-1' }), revealUnsealed);
    expect(entry?.item).toEqual({ id: 'i-1', type: 'password', name: 'Payroll bank' });
    expect(entry?.summary).toContain('Payroll bank');
  });
});
