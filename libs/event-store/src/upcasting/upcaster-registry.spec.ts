import { RecordedEvent } from '../event-envelope';
import { UpcasterRegistry } from './upcaster-registry';

const stored = (type: string, schemaVersion: number, data: Record<string, unknown>): RecordedEvent => ({
  id: '0190b6a8-7c4d-7e01-9b7a-5c1a2b3c4d5e', type, schemaVersion, data, streamId: 'organization-1',
  revision: 0n, position: 1n, occurredAt: '2026-01-01T00:00:00.000Z',
  metadata: { actor: { type: 'member', id: 'm' }, tenant: {}, client: { ip: '127.0.0.1' } },
});

describe('UpcasterRegistry', () => {
  const registry = new UpcasterRegistry()
    .register('OrganizationRenamed', 1, (d) => ({ newName: d.name }))
    .register('OrganizationRenamed', 2, (d) => ({ ...d, previousName: null }));

  it('lifts an old event step by step to the newest shape', () => {
    const up = registry.upcast(stored('OrganizationRenamed', 1, { name: 'Acme' }));
    expect(up.schemaVersion).toBe(3);
    expect(up.data).toEqual({ newName: 'Acme', previousName: null });
  });

  it('leaves current and unknown events as they are', () => {
    const current = stored('OrganizationRenamed', 3, { newName: 'A', previousName: 'B' });
    expect(registry.upcast(current)).toBe(current);
    const other = stored('OrganizationCreated', 1, { name: 'A' });
    expect(registry.upcast(other)).toBe(other);
  });

  it('refuses two upcasters for the same version', () => {
    expect(() => registry.register('OrganizationRenamed', 1, (d) => d)).toThrow(/already registered/);
  });
});
