import { Controller, Get } from '@nestjs/common';
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
}
