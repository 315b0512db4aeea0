import { CATALOG_SAMPLES } from '@app/domain/testing/catalog-samples';
import { Tenant } from '@app/event-store';
import { RecordedEvent } from '@app/event-store';

/** An event of the catalog as the store would hold it, recorded by an organization admin. */
export function catalogEvent(type: string, data: Record<string, unknown>, position: bigint, tenant: Tenant): RecordedEvent {
  return {
    id: `00000000-0000-7000-8000-${position.toString().padStart(12, '0')}`,
    type,
    schemaVersion: 1,
    streamId: `sample-${position}`,
    revision: 0n,
    position,
    occurredAt: new Date(Date.UTC(2026, 0, 1) + Number(position)).toISOString(),
    data,
    metadata: {
      actor: { type: 'member', id: 'm-ann', email: 'ann@acme.test', name: 'Ann Lee', role: 'org_admin' },
      tenant,
      client: { ip: '198.51.100.7', userAgent: 'Mozilla/5.0' },
    },
  };
}

/** One event per type of the catalog, with the strings a redacted audience must never see. */
export function catalogEvents(tenant: Tenant, firstPosition = 1n): { event: RecordedEvent; hidden: string[] }[] {
  return CATALOG_SAMPLES.map(([type, sample], i) => ({
    event: catalogEvent(type, sample.data, firstPosition + BigInt(i), tenant),
    hidden: sample.hidden,
  }));
}
