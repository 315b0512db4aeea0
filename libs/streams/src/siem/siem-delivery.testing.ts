import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { integrationStream, siemIntegrationStream } from '@app/domain';
import { EventStore, NewEvent, SqliteEventStore, Tenant } from '@app/event-store';
import {
  CheckpointStore, IntegrationsProjector, openReadDatabase, ProjectionRunner, sqliteCheckpointStore, SqliteIntegrationsStore, waitForPosition,
} from '@app/projections';
import { masterKeyRing, SealedSecrets, SqliteSecretStore } from '@app/secrets';
import { createSiemSink, SiemSinkFactory } from '@app/siem';
import { SiemDeliverySupervisor, SupervisorOptions } from './siem-delivery-supervisor';
import { unsealedData } from '@app/privacy/testing/privacy.testing';

export const FAST_DELIVERY: SupervisorOptions = {
  intervalMs: 50, batchSize: 50, backoff: { initialMs: 10, maxMs: 100, maxRetryAfterMs: 5_000 }, syncEventIntervalMs: 1_000, restartDelayMs: 100,
};

/**
 * A delivery supervisor on real engines in a temporary directory: a SQLite event store, the read
 * database with the integrations projector running, and a SQLite secret store under a fresh master key.
 */
export class DeliveryWorld {
  readonly dir = mkdtempSync(join(tmpdir(), 'siem-delivery-'));
  readonly store: EventStore = new SqliteEventStore({ file: join(this.dir, 'events.sqlite'), synchronous: 'NORMAL' });
  readonly db: Database.Database = openReadDatabase(join(this.dir, 'read-models.sqlite'));
  readonly integrations = new SqliteIntegrationsStore(this.db);
  readonly checkpoints: CheckpointStore = sqliteCheckpointStore(this.db);
  readonly secretStore = new SqliteSecretStore(join(this.dir, 'secrets.sqlite'));
  readonly secrets = new SealedSecrets(this.secretStore, masterKeyRing({ DATA_DIR: this.dir, embedded: true }).ring);
  private readonly projector = new IntegrationsProjector(this.integrations);
  private readonly runner = new ProjectionRunner(this.store, this.projector, { backoffMs: 20 });
  supervisor: SiemDeliverySupervisor;

  constructor(private readonly options: SupervisorOptions = FAST_DELIVERY, private readonly sinks: SiemSinkFactory = createSiemSink) {
    this.runner.start();
    this.supervisor = this.newSupervisor();
  }

  newSupervisor(): SiemDeliverySupervisor {
    return new SiemDeliverySupervisor(
      { store: this.store, checkpoints: this.checkpoints, integrations: this.integrations, secrets: this.secrets, sinks: this.sinks, personalData: unsealedData },
      this.options,
    );
  }

  /** Appends a configuration event of an MSP integration (or, with `org`, an organization's), its secret sealed first. */
  async configure(type: string, data: Record<string, unknown>, tenant: Tenant, secret?: string): Promise<bigint> {
    const integrationId = data.integrationId as string;
    const secretVersion = secret === undefined ? undefined : uuidv7();
    if (secret !== undefined) await this.secrets.seal(integrationId, secretVersion!, secret);
    const stream = type.startsWith('Siem') ? siemIntegrationStream(integrationId) : integrationStream(integrationId);
    const position = await this.append(stream, [{ type, data: { ...data, ...(secretVersion && { secretVersion }) }, metadata: metadataOf(tenant) }]);
    if (!(await waitForPosition(this.projector, position, 5_000))) throw new Error('the integrations view did not catch up');
    return position;
  }

  async append(streamId: string, events: NewEvent[]): Promise<bigint> {
    return (await this.store.append(streamId, events, 'any')).position;
  }

  async close(): Promise<void> {
    await this.supervisor.stop();
    await this.runner.stop();
    await this.store.close();
    await this.secretStore.close();
    this.db.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export function metadataOf(tenant: Tenant, actorName = 'Ann Archer'): NewEvent['metadata'] {
  return { actor: { type: 'member', id: 'ann', name: actorName, role: 'org_member' }, tenant, client: { ip: '198.51.100.7' } };
}

/** A vault item used in an organization: an event whose item name the MSP must never receive. */
export function itemUsed(n: number, tenant: Tenant): NewEvent {
  return { type: 'ItemUsed', data: { itemId: `item-${n}`, itemType: 'password', itemName: `Secret item ${n}`, usage: 'copied' }, metadata: metadataOf(tenant) };
}

/** Waits until `check` holds, polling; fails with `what` after the timeout. */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
