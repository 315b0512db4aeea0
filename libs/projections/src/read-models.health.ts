import { Inject, Injectable } from '@nestjs/common';
import { HealthCheckError, HealthIndicator, HealthIndicatorResult } from '@nestjs/terminus';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { ProjectorRegistry } from './read-models.module';

/** Each view's checkpoint and how many positions it trails the store: down only when a store does not answer. */
@Injectable()
export class ReadModelsHealthIndicator extends HealthIndicator {
  constructor(
    private readonly registry: ProjectorRegistry,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {
    super();
  }

  async check(key = 'readModels'): Promise<HealthIndicatorResult> {
    try {
      const head = await this.store.headPosition();
      const views = await Promise.all(
        this.registry.all.map(async (p) => {
          const checkpoint = (await p.checkpoint()) ?? -1n;
          return [p.name, { checkpoint: checkpoint.toString(), behind: (head > checkpoint ? head - checkpoint : 0n).toString() }];
        }),
      );
      return this.getStatus(key, true, Object.fromEntries(views));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new HealthCheckError('read models unavailable', this.getStatus(key, false, { message }));
    }
  }
}
