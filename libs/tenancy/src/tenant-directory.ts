import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { EVENT_STORE, EventStore, Tenant } from '@app/event-store';
import { ORGANIZATION_DIRECTORY_STORE, OrganizationDirectoryStore, waitForPosition } from '@app/projections';
import { Principal } from '@app/auth';

/**
 * Which MSP supervises an organization, from the organization directory (a read model), so that
 * organization-side events also reach that MSP. Supervision is fixed when the organization is
 * created, so a hit is cached for good. A miss may only mean the directory lags (its projector
 * may run in another process): it then waits, bounded by MIN_POSITION_TIMEOUT_MS, until the
 * directory has applied everything the event store held at the time of the miss, and looks again.
 */
@Injectable()
export class TenantDirectory {
  private readonly supervisors = new Map<string, string>();

  constructor(
    @Inject(ORGANIZATION_DIRECTORY_STORE) private readonly directory: OrganizationDirectoryStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(AppConfig) private readonly config: Pick<AppConfig, 'MIN_POSITION_TIMEOUT_MS'>,
  ) {}

  /** The tenant of an organization-side command: the principal's orgId and its supervising MSP, if any. */
  async organizationTenant(principal: Principal): Promise<Tenant> {
    const orgId = principal.orgId;
    if (!orgId) return { mspId: principal.mspId };
    const mspId = await this.supervisorOf(orgId);
    return mspId ? { mspId, orgId } : { orgId };
  }

  /** The supervising MSP, or undefined for an organization no MSP created (as of now). 503 if the directory lags too long. */
  async supervisorOf(orgId: string): Promise<string | undefined> {
    const cached = this.supervisors.get(orgId);
    if (cached) return cached;
    const entry = (await this.directory.get(orgId)) ?? (await this.lookAgainWhenCaughtUp(orgId));
    if (entry) this.supervisors.set(orgId, entry.mspId);
    return entry?.mspId;
  }

  private async lookAgainWhenCaughtUp(orgId: string) {
    const head = await this.store.headPosition();
    if (head < 0n) return undefined;
    if (!(await waitForPosition(this.directory, head, this.config.MIN_POSITION_TIMEOUT_MS))) {
      throw new ServiceUnavailableException('The organization directory has not caught up with the event store yet; try again shortly');
    }
    return this.directory.get(orgId);
  }
}
