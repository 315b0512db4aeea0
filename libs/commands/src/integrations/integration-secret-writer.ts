import { Inject, Injectable } from '@nestjs/common';
import { checkSecret, IntegrationKind } from '@app/domain';
import { EVENT_STORE, EventStore, RecordedEvent } from '@app/event-store';
import { SealedSecrets } from '@app/secrets';

/** Whose integration the first event of a stream sets up. */
export type OwnedBy = (setUp: RecordedEvent) => boolean;

/**
 * Stores an integration's secret, sealed, under a new version before the command that names the
 * version runs: the delivery worker, which follows the events, then always finds the secret it is
 * told to use. Bad input (a secret its kind refuses) is answered 400 before anything is stored. A
 * version whose command is refused afterwards (404, 409) is an orphan: never read, pruned later.
 */
@Injectable()
export class IntegrationSecretWriter {
  constructor(
    private readonly secrets: SealedSecrets,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** `version`: a new id the route made (derived from an Idempotency-Key, so a retry stores nothing twice). */
  async forSetUp(integrationId: string, kind: IntegrationKind, secret: string | undefined, version: string): Promise<{ secretVersion?: string }> {
    if (secret === undefined) return {};
    checkSecret(kind, secret);
    return this.seal(integrationId, secret, version);
  }

  /** Only for an existing integration of the caller's tenant (else the command answers 404 with nothing stored). */
  async forEdit(streamId: string, integrationId: string, ownedBy: OwnedBy, secret: string | undefined, version: string): Promise<{ secretVersion?: string }> {
    if (secret === undefined) return {};
    const [setUp] = await this.store.readStream(streamId, { limit: 1 });
    if (!setUp || !ownedBy(setUp)) return {};
    checkSecret(setUp.data.kind as IntegrationKind, secret);
    return this.seal(integrationId, secret, version);
  }

  private async seal(integrationId: string, secret: string, secretVersion: string): Promise<{ secretVersion: string }> {
    await this.secrets.seal(integrationId, secretVersion, secret);
    return { secretVersion };
  }
}
