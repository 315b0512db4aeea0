import { EventStore } from '@app/event-store';
import { openReadDatabase, SqliteOrganizationDirectoryStore } from '@app/projections';
import { TenantDirectory } from './tenant-directory';

/** For tests: a TenantDirectory on its own in-memory organization directory (fed only if the test runs its projector). */
export function embeddedTenantDirectory(store: EventStore, timeoutMs: number) {
  const db = openReadDatabase(':memory:');
  const directory = new SqliteOrganizationDirectoryStore(db);
  const tenants = new TenantDirectory(directory, store, { MIN_POSITION_TIMEOUT_MS: timeoutMs });
  return { tenants, directory, close: () => db.close() };
}
