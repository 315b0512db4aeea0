import { RecordedEvent } from '@app/event-store';
import { Projector } from '../shared/projector';
import { organizationIdOf, projectOrganizations } from './organization-directory.projection';
import { ORGANIZATION_DIRECTORY_PROJECTOR, OrganizationDirectoryStore } from './organization-directory.store';

/**
 * Feeds the organization directory: loads the entries a batch touches, applies its organization
 * events, and saves the changed entries with the checkpoint (which moves on every batch, so a
 * reader can tell the directory has seen everything up to a position).
 */
export class OrganizationDirectoryProjector implements Projector {
  readonly name = ORGANIZATION_DIRECTORY_PROJECTOR;

  constructor(private readonly store: OrganizationDirectoryStore) {}

  async applyBatch(events: RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const ids = [...new Set(events.map(organizationIdOf).filter((id): id is string => id !== undefined))];
    const stored = ids.length === 0 ? [] : await this.store.load(ids);
    const entries = projectOrganizations(events, new Map(stored.map((e) => [e.orgId, e])));
    await this.store.save({ entries, checkpoint: events[events.length - 1].position });
  }

  advanceTo(position: bigint): Promise<void> {
    return this.store.save({ entries: [], checkpoint: position });
  }

  checkpoint(): Promise<bigint | undefined> {
    return this.store.checkpoint();
  }

  reset(): Promise<void> {
    return this.store.reset();
  }
}
