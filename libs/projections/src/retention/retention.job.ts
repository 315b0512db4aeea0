import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EventStore } from '@app/event-store';
import { DataKeys, KeyStore, periodEnd } from '@app/privacy';
import { ActivityLogStore } from '../activity-log/activity-log.store';
import { RetentionPolicies, RetentionTenant, tenantOfScope } from './retention-policies';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What one pass did. */
export interface RetentionRun {
  startedAt: string;
  finishedAt: string;
  /** Tenants' months whose key was deleted: their `activity` payloads can no longer be read. */
  expiredMonths: number;
  /** Activity-log entries that left the views. */
  removedEntries: number;
  tenants: number;
}

/** What /health shows: the last pass (kept in the key store, so every process sees the worker's), and one under way. */
export interface RetentionStatus {
  lastRun: RetentionRun | null;
  running: { startedAt: string; tenantsDone: number; tenantsTotal: number } | null;
  lastError: string | null;
}

export const RETENTION_LAST_RUN = 'retention-last-run';

/**
 * Applies each tenant's retention: deletes the key of every month wholly past it (the payloads
 * sealed under it become unreadable, their envelopes stay) and removes the entries older than it
 * from the activity log. Idempotent; run on a schedule by the process that runs the projectors,
 * and after a rebuild. The clock is injected, so a test moves it instead of waiting.
 */
export class RetentionJob {
  private readonly logger = new Logger('Retention');
  private current: RetentionStatus['running'] = null;
  private lastError: string | null = null;
  private pass: Promise<RetentionRun> | undefined;

  constructor(
    private readonly events: EventStore,
    private readonly activity: ActivityLogStore,
    private readonly keyStore: KeyStore,
    private readonly keys: DataKeys,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** One pass; a pass asked for while one runs joins it. */
  runOnce(): Promise<RetentionRun> {
    this.pass ??= this.apply().finally(() => (this.pass = undefined));
    return this.pass;
  }

  /** Waits for a pass under way, if any (never starts one). */
  async idle(): Promise<void> {
    await this.pass?.catch(() => undefined);
  }

  async status(): Promise<RetentionStatus> {
    const stored = await this.keyStore.getMeta(RETENTION_LAST_RUN);
    return { lastRun: stored ? (JSON.parse(stored) as RetentionRun) : null, running: this.current, lastError: this.lastError };
  }

  private async apply(): Promise<RetentionRun> {
    const startedAt = this.now();
    const policies = new RetentionPolicies(this.events);
    const cutoffOf = async (tenant: RetentionTenant) => new Date(startedAt.getTime() - (await policies.daysFor(tenant)) * DAY_MS);
    try {
      const months = await this.keyStore.listPeriodKeys();
      const tenants = await this.activity.retentionTenants();
      this.current = { startedAt: startedAt.toISOString(), tenantsDone: 0, tenantsTotal: tenants.length };
      let expiredMonths = 0;
      for (const month of months) {
        const tenant = tenantOfScope(month.tenant);
        if (!tenant || periodEnd(month.period) > (await cutoffOf(tenant))) continue;
        if (await this.keyStore.expirePeriodKey(month.keyId, startedAt.toISOString())) expiredMonths++;
        this.keys.forgetPeriod(month.keyId);
      }
      let removedEntries = 0;
      for (const tenant of tenants) {
        removedEntries += await this.activity.deleteBefore(tenant, (await cutoffOf(tenant)).toISOString());
        this.current.tenantsDone++;
      }
      const run: RetentionRun = { startedAt: startedAt.toISOString(), finishedAt: this.now().toISOString(), expiredMonths, removedEntries, tenants: tenants.length };
      await this.keyStore.setMeta(RETENTION_LAST_RUN, JSON.stringify(run));
      this.lastError = null;
      if (expiredMonths + removedEntries > 0) this.logger.log(`expired ${expiredMonths} tenant months, removed ${removedEntries} entries past retention`);
      return run;
    } catch (error) {
      this.lastError = error instanceof Error ? error.message : String(error);
      throw error;
    } finally {
      this.current = null;
    }
  }
}

/** Runs the job at start and then every `intervalMs`, until stopped; a failed pass is logged and retried at the next tick. */
export class RetentionSchedule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Retention');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly job: RetentionJob,
    private readonly intervalMs: number,
  ) {}

  onApplicationBootstrap(): void {
    this.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  start(): void {
    const tick = () => void this.job.runOnce().catch((error) => this.logger.error(`retention pass failed: ${error instanceof Error ? error.message : String(error)}`));
    tick();
    this.timer = setInterval(tick, this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.job.idle();
  }
}
