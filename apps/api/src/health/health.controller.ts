import { Controller, Get } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { EventStoreHealthIndicator } from '@app/event-store';
import { Public } from '@app/auth';
import { ReadModelsHealthIndicator } from '@app/projections';

@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly eventStore: EventStoreHealthIndicator,
    private readonly readModels: ReadModelsHealthIndicator,
  ) {}

  /** 200 when every engine answers, 503 naming the one that does not. */
  @Get()
  @HealthCheck()
  check() {
    return this.health.check([() => this.eventStore.check(), () => this.readModels.check()]);
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
    return this.health.check([() => this.eventStore.check(), () => this.readModels.check()]);
  }
}
