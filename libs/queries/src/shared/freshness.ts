import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { InvalidInput } from '@app/domain';
import { EventLogHead, ProjectorRegistry, waitForPosition } from '@app/projections';

/** `?minPosition=`: a panel can read the result of its own command once the view has applied it. */
@Injectable()
export class Freshness {
  constructor(
    private readonly registry: ProjectorRegistry,
    private readonly head: EventLogHead,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /**
   * Waits (bounded) for the view to apply `minPosition`: 503 when it lags past the bound, a
   * transient state; 400 at once for a position no event was ever written at, which no wait cures.
   */
  async ensure(view: string, minPosition: string | undefined): Promise<void> {
    if (minPosition === undefined) return;
    const position = BigInt(minPosition);
    const projector = this.registry.get(view);
    if (await waitForPosition(projector, position, 0)) return;
    const head = await this.head.position();
    if (position > head) {
      throw new InvalidInput(`minPosition ${minPosition} is past the last event written (position ${head})`, 'minPosition');
    }
    if (await waitForPosition(projector, position, this.config.MIN_POSITION_TIMEOUT_MS)) return;
    const at = (await projector.checkpoint()) ?? -1n;
    throw new ServiceUnavailableException(
      `The ${view} view has not reached position ${minPosition} yet (it is at ${at}); retry shortly`,
    );
  }
}
