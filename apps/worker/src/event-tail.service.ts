import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, EventStore, Subscription } from '@app/event-store';

/** Follows the store from its head and logs each new event: proof of life for the worker. */
@Injectable()
export class EventTailService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventTailService.name);
  private subscription: Subscription | undefined;
  private running: Promise<void> | undefined;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationBootstrap(): Promise<void> {
    const head = await this.store.headPosition();
    this.subscription = this.store.subscribeToAll({ fromPosition: head < 0n ? undefined : head });
    this.logger.log(`following the event store from position ${head}`);
    this.running = this.follow(this.subscription);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
    await this.running;
  }

  private async follow(subscription: Subscription): Promise<void> {
    try {
      for await (const e of subscription) {
        this.logger.log(`${e.position} ${e.streamId}@${e.revision} ${e.type}`);
      }
    } catch (error) {
      this.logger.error(`event tail stopped: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
