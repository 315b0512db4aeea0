import { Injectable } from '@nestjs/common';
import { HealthCheckError, HealthIndicator, HealthIndicatorResult } from '@nestjs/terminus';
import { AppConfig } from '@app/config';
import { RetentionJob } from './retention.job';

/**
 * The retention job's last pass (from the key store, so the API shows the worker's) and the one
 * under way in this process. Down when the key store does not answer: no personal value could be
 * revealed, nor a key deleted.
 */
@Injectable()
export class RetentionHealthIndicator extends HealthIndicator {
  readonly engine: 'mongodb' | 'sqlite';

  constructor(
    private readonly job: RetentionJob,
    config: AppConfig,
  ) {
    super();
    this.engine = config.MONGO_URL ? 'mongodb' : 'sqlite';
  }

  async check(key = 'retention'): Promise<HealthIndicatorResult> {
    try {
      const { lastRun, running, lastError } = await this.job.status();
      return this.getStatus(key, true, { engine: this.engine, lastRun, running, ...(lastError && { lastError }) });
    } catch (error) {
      const message = `the key store (${this.engine}) is unavailable: ${error instanceof Error ? error.message : String(error)}`;
      throw new HealthCheckError('key store unavailable', this.getStatus(key, false, { engine: this.engine, message }));
    }
  }
}
