import { Controller, Get, HttpStatus, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { HealthCheck, HealthCheckError, HealthCheckService, HealthIndicatorResult } from '@nestjs/terminus';
import { EventStoreHealthIndicator } from '@app/event-store';
import { Public } from '@app/auth';
import { IdempotencyStoreHealthIndicator } from '@app/commands';
import { ReadModelsHealthIndicator, RetentionHealthIndicator } from '@app/projections';

/** A check that has not answered by then counts as down, so that /health itself answers within 2 s. */
const CHECK_DEADLINE_MS = 1800;

@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly eventStore: EventStoreHealthIndicator,
    private readonly readModels: ReadModelsHealthIndicator,
    private readonly idempotencyStore: IdempotencyStoreHealthIndicator,
    private readonly retention: RetentionHealthIndicator,
  ) {}

  /**
   * 200 `ok` when every engine answers; 200 `degraded` when they do but a view dead-lettered
   * events (it serves without them); 503 `error` naming each engine that does not answer.
   */
  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Health in detail: each engine, each view’s checkpoint and how far it trails the store (503 naming what is down)' })
  async check(@Res({ passthrough: true }) res: Response) {
    try {
      const result = await this.health.check([
        () => withinDeadline('eventStore', this.eventStore.engine, this.eventStore.check()),
        () => withinDeadline('readModels', this.readModels.engine, this.readModels.check()),
        () => withinDeadline('idempotencyStore', this.idempotencyStore.engine, this.idempotencyStore.check()),
        () => withinDeadline('retention', this.retention.engine, this.retention.check()),
      ]);
      return result.info?.readModels?.degraded ? { ...result, status: 'degraded' } : result;
    } catch (error) {
      // The report itself (which engine is down, and why), not the error filter's generic body.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      res.status(HttpStatus.SERVICE_UNAVAILABLE);
      return error.getResponse();
    }
  }

  /** Liveness: the process answers; no engine is asked, so a restart never follows an outage elsewhere. */
  @Get('live')
  @ApiOperation({ summary: 'Liveness: 200 while the process serves HTTP' })
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Readiness: 200 when the event store and the read stores answer, else 503 (take the instance out of rotation). */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: 200 when the event store and the read stores answer, 503 otherwise' })
  @HealthCheck()
  ready() {
    return this.health.check([
      () => withinDeadline('eventStore', this.eventStore.engine, this.eventStore.check()),
      () => withinDeadline('readModels', this.readModels.engine, this.readModels.check()),
    ]);
  }
}

async function withinDeadline(key: string, engine: string, check: Promise<HealthIndicatorResult>): Promise<HealthIndicatorResult> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const down = { [key]: { status: 'down' as const, engine, message: `the ${engine} store did not answer within ${CHECK_DEADLINE_MS} ms` } };
      reject(new HealthCheckError(`${key} did not answer`, down));
    }, CHECK_DEADLINE_MS);
  });
  try {
    return await Promise.race([check, late]);
  } finally {
    clearTimeout(timer);
  }
}
