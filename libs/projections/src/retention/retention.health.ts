import { Injectable } from '@nestjs/common';
import { HealthIndicator, HealthIndicatorResult } from '@nestjs/terminus';
import { RetentionJob } from './retention.job';

/**
 * The retention job's last pass (from the key store, so the API shows the worker's) and the one
 * under way in this process. Informational: a missed pass leaves old entries a while longer, it
 * does not take the service down.
 */
@Injectable()
export class RetentionHealthIndicator extends HealthIndicator {
  constructor(private readonly job: RetentionJob) {
    super();
  }

  async check(key = 'retention'): Promise<HealthIndicatorResult> {
    const { lastRun, running, lastError } = await this.job.status();
    return this.getStatus(key, true, { lastRun, running, ...(lastError && { lastError }) });
  }
}
