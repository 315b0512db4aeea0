import {
  effectiveRetentionDays, fold, mspSettingsDecider, MspSettingsEvent, mspSettingsStream, organizationStream, orgSettingsDecider,
  OrgSettingsEvent, orgSettingsStream, RETENTION_DAYS, retentionDaysOf,
} from '@app/domain';
import { EventStore } from '@app/event-store';

/** A tenant as the views and the month keys name it: an organization (with its MSP, when it has one), or an MSP itself. */
export interface RetentionTenant {
  mspId: string | null;
  orgId: string | null;
}

/**
 * How long each tenant keeps its activity, from the settings streams themselves (never a view that
 * may lag): an MSP its own setting (the default 90 days until set), an organization its own within
 * its MSP's, else its MSP's. One pass of the job reads each stream once.
 */
export class RetentionPolicies {
  private readonly msp = new Map<string, Promise<number>>();
  private readonly org = new Map<string, Promise<number | null>>();
  private readonly supervisors = new Map<string, Promise<string | null>>();

  constructor(private readonly store: EventStore) {}

  async daysFor(tenant: RetentionTenant): Promise<number> {
    if (!tenant.orgId) return tenant.mspId ? this.mspDays(tenant.mspId) : RETENTION_DAYS.default;
    const mspId = tenant.mspId ?? (await this.supervisorOf(tenant.orgId));
    const own = await this.orgDays(tenant.orgId);
    if (!mspId) return own ?? RETENTION_DAYS.default;
    return effectiveRetentionDays(await this.mspDays(mspId), own);
  }

  private mspDays(mspId: string): Promise<number> {
    return memo(this.msp, mspId, async () => {
      const events = await this.store.readStream(mspSettingsStream(mspId));
      const state = fold(mspSettingsDecider, events.map((e) => ({ type: e.type, data: e.data }) as MspSettingsEvent));
      return retentionDaysOf(state.values.activityLogRetentionDays);
    });
  }

  private orgDays(orgId: string): Promise<number | null> {
    return memo(this.org, orgId, async () => {
      const events = await this.store.readStream(orgSettingsStream(orgId));
      const state = fold(orgSettingsDecider, events.map((e) => ({ type: e.type, data: e.data }) as OrgSettingsEvent));
      const days = state.values.activityLogRetentionDays;
      return typeof days === 'number' ? days : null;
    });
  }

  /** The MSP an organization was created under, from the first event of its stream. */
  private supervisorOf(orgId: string): Promise<string | null> {
    return memo(this.supervisors, orgId, async () => {
      const [first] = await this.store.readStream(organizationStream(orgId), { limit: 1 });
      return first?.metadata.tenant.mspId ?? null;
    });
  }
}

function memo<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let value = cache.get(key);
  if (!value) {
    value = load();
    cache.set(key, value);
  }
  return value;
}

/** `org:<id>` / `msp:<id>` (a month key's tenant) as a RetentionTenant. */
export function tenantOfScope(scope: string): RetentionTenant | undefined {
  if (scope.startsWith('org:')) return { mspId: null, orgId: scope.slice(4) };
  if (scope.startsWith('msp:')) return { mspId: scope.slice(4), orgId: null };
  return undefined;
}
