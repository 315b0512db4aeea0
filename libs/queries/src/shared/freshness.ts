import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { ProjectorRegistry, waitForPosition } from '@app/projections';

/** `?minPosition=`: a panel can read the result of its own command once the view has applied it. */
@Injectable()
export class Freshness {
  constructor(private readonly registry: ProjectorRegistry, @Inject(AppConfig) private readonly config: AppConfig) {}

  async ensure(view: string, minPosition: string | undefined): Promise<void> {
    if (minPosition === undefined) return;
    const projector = this.registry.get(view);
    if (await waitForPosition(projector, BigInt(minPosition), this.config.MIN_POSITION_TIMEOUT_MS)) return;
    const at = (await projector.checkpoint()) ?? -1n;
    throw new ServiceUnavailableException(
      `The ${view} view has not reached position ${minPosition} yet (it is at ${at}); retry shortly`,
    );
  }
}
