import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { NoteSigner } from '@app/integrity';
import { AUDIT_LOG, AuditLog } from '@app/event-store';
import { AuditCheckpointer } from './audit-checkpointer';

export const AUDIT_SIGNER = Symbol('AUDIT_SIGNER');
export const AUDIT_CHECKPOINT_INTERVAL = Symbol('AUDIT_CHECKPOINT_INTERVAL');

/**
 * Signs a checkpoint every interval while events arrive (none when nothing was appended), and
 * a last one at shutdown. Runs in exactly one process (AUDIT_CHECKPOINTS_IN_API).
 */
@Injectable()
export class AuditCheckpointService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AuditCheckpoints');
  private readonly checkpointer: AuditCheckpointer;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(AUDIT_LOG) log: AuditLog,
    @Inject(AUDIT_SIGNER) signer: NoteSigner,
    @Inject(AUDIT_CHECKPOINT_INTERVAL) private readonly intervalMs: number,
  ) {
    this.checkpointer = new AuditCheckpointer(log, signer);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.checkpointNow(), this.intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.checkpointNow();
  }

  /** One checkpoint now (serialised with the timer's). */
  checkpointNow(): Promise<unknown> {
    this.running = this.running.then(() =>
      this.checkpointer.checkpoint().catch((error) => this.logger.error(`checkpoint failed: ${(error as Error).message}`)),
    );
    return this.running;
  }
}
