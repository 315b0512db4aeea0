import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { isSiemKind, SIEM_KINDS } from '@app/domain';
import { EventStore } from '@app/event-store';
import { CheckpointStore, IntegrationEntry, IntegrationsStore } from '@app/projections';
import { SealedSecrets, SecretUnavailableError } from '@app/secrets';
import { BackoffPolicy, SiemSink, SiemSinkFactory } from '@app/siem';
import { DeliveryStatusTracker } from './delivery-status-tracker';
import { SiemDeliveryWorker, WorkerExit } from './siem-delivery-worker';
import { sinkConfigOf } from './siem-sink-config';
import { appendSyncOutcome } from './sync-events';
import { SyncRecorder } from './sync-recorder';
import { RevealerSource } from '@app/privacy';

export interface SupervisorOptions {
  /** How often the integrations view is read. */
  intervalMs: number;
  batchSize: number;
  backoff: BackoffPolicy;
  syncEventIntervalMs: number;
  /** A secret version younger than this is never pruned: its command may still be running. */
  secretGraceMs?: number;
  /** How long a worker that failed (our side, not the SIEM's) waits before it starts again. */
  restartDelayMs?: number;
}

export interface SupervisorDeps {
  store: EventStore;
  checkpoints: CheckpointStore;
  integrations: IntegrationsStore;
  secrets: SealedSecrets;
  sinks: SiemSinkFactory;
  personalData: RevealerSource;
}

interface Supervised {
  /** The configuration it runs (the view entry's position). */
  configPosition: bigint;
  worker?: SiemDeliveryWorker;
  exit?: WorkerExit;
  exitedAt?: number;
  disconnected?: boolean;
}

const PAGE = 500;
const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * Runs one delivery worker per connected Splunk or Sentinel integration, as the integrations view
 * says: it starts a worker for a new integration, restarts it when its configuration changes (an
 * edit, a rotated secret: that also lifts a parking), and stops it, for good, when the integration
 * is disconnected (whose secrets are then deleted). Outcomes become sync events through one
 * SyncRecorder per integration, kept across restarts.
 */
export class SiemDeliverySupervisor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('SiemDelivery');
  private readonly supervised = new Map<string, Supervised>();
  private readonly recorders = new Map<string, SyncRecorder>();
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;
  private stopped = false;
  private lastPrune = 0;

  constructor(private readonly deps: SupervisorDeps, private readonly options: SupervisorOptions) {}

  onApplicationBootstrap(): void {
    this.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => void this.sweep(), this.options.intervalMs);
    void this.sweep();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.sweeping;
    await Promise.all([...this.supervised.values()].map((s) => s.worker?.stop()));
    await Promise.all([...this.recorders.values()].map((r) => r.dispose()));
  }

  /** Reads the view once and brings the workers in line with it (also called by tests). */
  sweep(): Promise<void> {
    this.sweeping ??= this.align()
      .catch((error: unknown) => this.logger.error(`could not read the integrations view: ${messageOf(error)}`))
      .finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  /** The workers running now, by integration id (for tests and the status of this process). */
  runningIds(): string[] {
    return [...this.supervised].filter(([, s]) => s.worker && !s.exit).map(([id]) => id);
  }

  private async align(): Promise<void> {
    const pruneNow = Date.now() - this.lastPrune >= PRUNE_EVERY_MS;
    if (pruneNow) this.lastPrune = Date.now();
    for await (const entry of this.siemIntegrations()) {
      if (this.stopped) return;
      if (entry.status === 'disconnected') await this.disconnected(entry, pruneNow);
      else await this.connected(entry, pruneNow);
    }
  }

  private async *siemIntegrations(): AsyncGenerator<IntegrationEntry> {
    let afterId: string | undefined;
    for (;;) {
      const page = await this.deps.integrations.listByKind({ kinds: SIEM_KINDS, afterId, limit: PAGE });
      for (const entry of page) if (isSiemKind(entry.kind)) yield entry;
      if (page.length < PAGE) return;
      afterId = page[page.length - 1].integrationId;
    }
  }

  private async connected(entry: IntegrationEntry, pruneNow: boolean): Promise<void> {
    const current = this.supervised.get(entry.integrationId);
    const changed = current?.configPosition !== entry.position;
    if (pruneNow || changed) await this.pruneSecrets(entry);
    if (current && !changed) {
      if (current.worker && !current.exit) return;
      if (current.exit?.kind !== 'failed') return; // parked, or it met its disconnection: wait for the view
      if (Date.now() - (current.exitedAt ?? 0) < (this.options.restartDelayMs ?? 5_000)) return;
    }
    if (current?.worker && !current.exit) await current.worker.stop();
    await this.launch(entry);
  }

  private async disconnected(entry: IntegrationEntry, pruneNow: boolean): Promise<void> {
    const current = this.supervised.get(entry.integrationId);
    if (current?.disconnected && !pruneNow) return;
    if (current?.worker && !current.exit) {
      await current.worker.stop();
      this.logger.log(`stopped delivery to ${entry.kind} integration '${entry.name}': disconnected`);
    }
    await this.recorders.get(entry.integrationId)?.dispose();
    this.recorders.delete(entry.integrationId);
    this.supervised.set(entry.integrationId, { configPosition: entry.position, disconnected: true });
    await this.deps.secrets.prune(entry.integrationId, { writtenBefore: new Date().toISOString() }).catch((error: unknown) =>
      this.logger.error(`could not delete the secrets of a disconnected integration: ${messageOf(error)}`),
    );
  }

  private async launch(entry: IntegrationEntry): Promise<void> {
    const supervised: Supervised = { configPosition: entry.position };
    this.supervised.set(entry.integrationId, supervised);
    try {
      await this.startWorker(entry, supervised);
    } catch (error) {
      // Our side failed (a store did not answer): try again after the restart delay.
      this.logger.error(`could not start delivery to '${entry.name}': ${messageOf(error)}`);
      supervised.exit = { kind: 'failed', error: messageOf(error) };
      supervised.exitedAt = Date.now();
    }
  }

  private async startWorker(entry: IntegrationEntry, supervised: Supervised): Promise<void> {
    const [previous] = await this.deps.integrations.deliveries([entry.integrationId]);
    const status = new DeliveryStatusTracker(this.deps.integrations, previous, entry.integrationId, entry.position, (e) =>
      this.logger.error(`could not write the delivery status: ${messageOf(e)}`),
    );
    const sink = await this.openSink(entry, status);
    if (!sink) {
      supervised.exit = { kind: 'parked', reason: status.current.lastError?.message ?? 'no usable secret' };
      return;
    }
    const worker = new SiemDeliveryWorker(entry, { ...this.deps, status, sink, recorder: this.recorderOf(entry) }, this.options);
    supervised.worker = worker;
    this.logger.log(`delivering to ${entry.kind} integration '${entry.name}' (${entry.integrationId})`);
    void worker.done.then(async (exit) => {
      supervised.exit = exit;
      supervised.exitedAt = Date.now();
      await sink.close();
      if (exit.kind === 'failed') {
        this.logger.error(`delivery to '${entry.name}' failed, restarting: ${exit.error}`);
        await status.retrying(`delivery stopped on an internal error, restarting: ${exit.error}`);
      }
    });
  }

  /**
   * The sink with its opened secret. A secret that cannot be opened, or settings no sink accepts,
   * park the integration with the reason: only an edit can help.
   */
  private async openSink(entry: IntegrationEntry, status: DeliveryStatusTracker): Promise<SiemSink | undefined> {
    let reason: string;
    try {
      if (!entry.secretVersion) throw new SecretUnavailableError('no stored secret: enter the secret by editing the integration');
      const secret = await this.deps.secrets.open(entry.integrationId, entry.secretVersion);
      try {
        return this.deps.sinks(sinkConfigOf(entry, secret));
      } catch (error) {
        reason = `the integration's settings cannot be used: ${messageOf(error)}`;
      }
    } catch (error) {
      if (!(error instanceof SecretUnavailableError)) throw error;
      reason = error.message;
    }
    await status.parked(reason);
    this.recorderOf(entry).parked(reason);
    return undefined;
  }

  private recorderOf(entry: IntegrationEntry): SyncRecorder {
    let recorder = this.recorders.get(entry.integrationId);
    if (!recorder) {
      recorder = new SyncRecorder(
        (outcome) => appendSyncOutcome(this.deps.store, entry, outcome),
        { intervalMs: this.options.syncEventIntervalMs },
        (error) => this.logger.error(`could not record a sync of '${entry.name}': ${messageOf(error)}`),
      );
      this.recorders.set(entry.integrationId, recorder);
    }
    return recorder;
  }

  /** Rotated-out and orphan versions go; the one in use, and any written a moment ago, stay. */
  private async pruneSecrets(entry: IntegrationEntry): Promise<void> {
    const writtenBefore = new Date(Date.now() - (this.options.secretGraceMs ?? 10 * 60_000)).toISOString();
    await this.deps.secrets.prune(entry.integrationId, { keep: entry.secretVersion ?? undefined, writtenBefore }).catch((error: unknown) =>
      this.logger.error(`could not prune old secrets: ${messageOf(error)}`),
    );
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
