import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { EventStore, IntegrityWriter, openEventStore } from '@app/event-store';

export const INTEGRITY_WRITER = Symbol('INTEGRITY_WRITER');

/**
 * Outside embedded mode (EventStoreDB), the integrity log is built downstream by one writer, in
 * the process that signs the checkpoints. It reads the raw adapter on a connection of its own:
 * the stored form, personal values sealed, never a layer that opens them.
 */
@Injectable()
export class IntegrityWriterService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly store: EventStore;
  private readonly writer: IntegrityWriter;
  private readonly logger = new Logger('IntegrityWriter');
  private retry: NodeJS.Timeout | undefined;

  constructor(@Inject(AppConfig) config: AppConfig) {
    this.store = openEventStore(config);
    this.writer = IntegrityWriter.openFile(this.store, config.integrityLogFile);
    this.writer.onError = (error) => {
      this.logger.error(`could not log a batch, retrying in 1 s: ${(error as Error).message}`);
      this.retry = setTimeout(() => this.writer.start(), 1000);
    };
  }

  onApplicationBootstrap(): void {
    this.writer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.retry) clearTimeout(this.retry);
    await this.writer.stop();
    await this.store.close();
  }
}
