import { Inject, Injectable } from '@nestjs/common';
import { organizationStream } from '@app/domain';
import { EVENT_STORE, EventStore, Tenant } from '@app/event-store';
import { Principal } from '@app/auth';

/**
 * Organization-side events must also reach the MSP that supervises the organization, so their
 * tenant carries both ids. Supervision is fixed when the organization is created, so it is cached.
 */
@Injectable()
export class TenantDirectory {
  private readonly supervisors = new Map<string, string | null>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /**
   * The tenant of an organization-side command: the principal's orgId and its supervising MSP,
   * if any. Org-side handlers pass `tenant: await this.tenants.organizationTenant(context.principal)`.
   */
  async organizationTenant(principal: Principal): Promise<Tenant> {
    const orgId = principal.orgId;
    if (!orgId) return { mspId: principal.mspId };
    const mspId = await this.supervisorOf(orgId);
    return mspId ? { mspId, orgId } : { orgId };
  }

  async supervisorOf(orgId: string): Promise<string | undefined> {
    if (!this.supervisors.has(orgId)) {
      const [created] = await this.store.readStream(organizationStream(orgId), { limit: 1 });
      if (!created) return undefined; // not cached: the organization may be created later
      this.supervisors.set(orgId, created.type === 'OrganizationCreated' ? String(created.data.mspId) : null);
    }
    return this.supervisors.get(orgId) ?? undefined;
  }
}
