import { DeliveryState, DeliveryStatus, IntegrationsStore } from '@app/projections';

/**
 * One integration's delivery status as its worker sees it, written to the read store on every change
 * (a delivered batch, a retry, parking), one write at a time; a failed write is reported and the
 * next one carries the whole status again.
 */
export class DeliveryStatusTracker {
  private status: DeliveryStatus;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: IntegrationsStore,
    previous: DeliveryStatus | undefined,
    integrationId: string,
    configPosition: bigint,
    private readonly onError: (error: unknown) => void,
    private readonly now: () => Date = () => new Date(),
  ) {
    const fresh = { lastSuccessAt: null, lastError: null, eventsSent: 0, bytesSent: 0 };
    this.status = { ...fresh, ...previous, integrationId, configPosition, state: 'idle', updatedAt: this.now().toISOString() };
  }

  get current(): DeliveryStatus {
    return this.status;
  }

  started(): Promise<void> {
    return this.update({ state: 'idle' });
  }

  delivering(): Promise<void> {
    return this.status.state === 'delivering' ? this.writing : this.update({ state: 'delivering' });
  }

  delivered(events: number, bytes: number, caughtUp: boolean): Promise<void> {
    const at = this.now().toISOString();
    return this.update({
      state: caughtUp ? 'idle' : 'delivering', lastSuccessAt: at,
      eventsSent: this.status.eventsSent + events, bytesSent: this.status.bytesSent + bytes,
    });
  }

  idle(): Promise<void> {
    return this.status.state === 'idle' ? this.writing : this.update({ state: 'idle' });
  }

  retrying(reason: string): Promise<void> {
    return this.update({ state: 'retrying', lastError: { message: reason, at: this.now().toISOString() } });
  }

  parked(reason: string): Promise<void> {
    return this.update({ state: 'parked', lastError: { message: reason, at: this.now().toISOString() } });
  }

  private update(change: Partial<DeliveryStatus> & { state: DeliveryState }): Promise<void> {
    this.status = { ...this.status, ...change, updatedAt: this.now().toISOString() };
    const snapshot = this.status;
    this.writing = this.writing.then(() => this.store.saveDelivery(snapshot)).catch(this.onError);
    return this.writing;
  }
}
