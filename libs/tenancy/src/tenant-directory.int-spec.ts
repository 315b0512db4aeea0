import { HttpStatus, ServiceUnavailableException } from '@nestjs/common';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { organizationStream } from '@app/domain';
import { EventStore, SqliteEventStore } from '@app/event-store';
import {
  OrganizationDirectoryProjector, openReadDatabase, ProjectionRunner, SqliteOrganizationDirectoryStore,
} from '@app/projections';
import { Principal } from '@app/auth';
import { TenantDirectory } from './tenant-directory';

const metadata = { actor: { type: 'member' as const, id: 'm-1' }, tenant: { mspId: 'msp-1' }, client: { ip: '127.0.0.1' } };

describe('TenantDirectory on the organization directory (real SQLite event store and read store)', () => {
  let store: EventStore;
  let db: Database.Database;
  let directory: SqliteOrganizationDirectoryStore;
  let runner: ProjectionRunner;

  beforeEach(() => {
    store = new SqliteEventStore({ file: ':memory:' });
    db = openReadDatabase(':memory:');
    directory = new SqliteOrganizationDirectoryStore(db);
    runner = new ProjectionRunner(store, new OrganizationDirectoryProjector(directory), { backoffMs: 10 });
  });

  afterEach(async () => {
    await runner.stop();
    await store.close();
    db.close();
  });

  const tenants = (timeoutMs: number) => new TenantDirectory(directory, store, { MIN_POSITION_TIMEOUT_MS: timeoutMs });

  async function createOrganization(mspId = 'msp-1'): Promise<string> {
    const organizationId = uuidv7();
    const data = { organizationId, mspId, name: 'Acme' };
    await store.append(organizationStream(organizationId), [{ type: 'OrganizationCreated', data, metadata }], 'no_stream');
    return organizationId;
  }

  const orgOwner = (orgId: string): Principal => ({ subject: 'owen', role: 'org_owner', orgId });

  it('gives an organization-side command the supervising MSP of its organization', async () => {
    const orgId = await createOrganization('msp-7');
    runner.start();
    await expect(tenants(10_000).organizationTenant(orgOwner(orgId))).resolves.toEqual({ mspId: 'msp-7', orgId });
  });

  it('waits for a lagging projector: an organization created a moment ago still gets its MSP', async () => {
    const orgId = await createOrganization('msp-lag');
    const lookup = tenants(10_000).supervisorOf(orgId);
    let settled = false;
    void lookup.finally(() => (settled = true)).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toBe(false); // the directory has not seen the creation: the lookup is still waiting
    runner.start();
    await expect(lookup).resolves.toBe('msp-lag');
  });

  it('answers 503 when the directory does not catch up in time, rather than writing events without their MSP', async () => {
    const orgId = await createOrganization();
    const error = await tenants(100).supervisorOf(orgId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceUnavailableException);
    expect((error as ServiceUnavailableException).getStatus()).toBe(HttpStatus.SERVICE_UNAVAILABLE);
  });

  it('knows no MSP for an organization nobody created, once the directory has caught up with the store', async () => {
    await createOrganization();
    runner.start();
    await expect(tenants(10_000).organizationTenant(orgOwner('org-standalone'))).resolves.toEqual({ orgId: 'org-standalone' });
  });

  it('does not wait on an empty store', async () => {
    await expect(tenants(10_000).supervisorOf('org-1')).resolves.toBeUndefined();
  });

  it('caches a hit: supervision never changes after creation', async () => {
    const orgId = await createOrganization('msp-c');
    runner.start();
    const directoryOfTenants = tenants(100);
    expect(await directoryOfTenants.supervisorOf(orgId)).toBe('msp-c');
    await runner.stop();
    await directory.reset();
    expect(await directoryOfTenants.supervisorOf(orgId)).toBe('msp-c');
  });

  it('takes an MSP principal’s own MSP, without a lookup', async () => {
    await expect(tenants(100).organizationTenant({ subject: 'm', role: 'msp_admin', mspId: 'msp-1' })).resolves.toEqual({ mspId: 'msp-1' });
  });
});
