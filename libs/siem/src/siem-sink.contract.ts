import { inspect } from 'node:util';
import { deliverWithRetry } from './deliver-with-retry';
import { SiemRecord, SiemSink } from './siem-sink.port';

/** A sink wired to its test server, as each adapter's int-spec provides it. */
export interface SinkUnderTest {
  sink: SiemSink;
  /** The event ids the server accepted, in order. */
  receivedEventIds(): unknown[];
  /** Delivery requests the server received (whatever it answered). */
  deliveryRequests(): number;
  /** The next `count` delivery requests get 429 with this Retry-After, or the server's 503 without one. */
  unavailableNext(count: number, retryAfterSeconds?: number): void;
  goDown(): Promise<void>;
  comeBack(): Promise<void>;
  /** Changes the secret on the server side: the sink's becomes wrong. */
  breakCredentials(): void;
  /** The secret the sink holds, which no outcome may show. */
  secret: string;
  tearDown(): Promise<void>;
}

export function siemRecords(count: number, from = 0): SiemRecord[] {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const eventId = `0190a7e2-0000-7000-8000-${String(i).padStart(12, '0')}`;
    return {
      eventId,
      occurredAt: new Date(Date.UTC(2024, 4, 1, 10, 0, 0, i % 1000)).toISOString(),
      entry: {
        eventId,
        eventType: 'OrganizationRenamed',
        category: 'organization_management',
        mspId: 'msp-1',
        orgId: `org-${i % 7}`,
        initiator: { type: 'member', id: 'm-1', email: 'owner@msp.example', name: 'Owner', role: 'msp_owner' },
        ip: '203.0.113.7',
        target: { type: 'organization', id: `org-${i % 7}`, name: `Customer ${i}` },
        summary: `Renamed organization Customer ${i}`,
      },
    };
  });
}

/** What every SiemSink adapter must do against its protocol's test server. */
export function siemSinkContract(name: string, setUp: (options: { maxBatchBytes?: number }) => Promise<SinkUnderTest>): void {
  describe(`${name} (SiemSink contract)`, () => {
    let under: SinkUnderTest;
    afterEach(() => under.tearDown());

    it('delivers every record once, each carrying its event id', async () => {
      under = await setUp({});
      const batch = siemRecords(10);
      expect(await under.sink.send(batch)).toEqual({ kind: 'ok', records: 10 });
      expect(under.receivedEventIds()).toEqual(batch.map((r) => r.eventId));
    });

    it('answers ok for an empty batch without a request', async () => {
      under = await setUp({});
      expect(await under.sink.send([])).toEqual({ kind: 'ok', records: 0 });
      expect(under.deliveryRequests()).toBe(0);
    });

    it('splits a batch over the size bound into several requests, keeping the order', async () => {
      under = await setUp({ maxBatchBytes: 4_000 });
      const batch = siemRecords(60);
      expect(await under.sink.send(batch)).toEqual({ kind: 'ok', records: 60 });
      expect(under.deliveryRequests()).toBeGreaterThan(5);
      expect(under.receivedEventIds()).toEqual(batch.map((r) => r.eventId));
    });

    it('gives a retryable outcome with the server’s Retry-After; the resend delivers everything', async () => {
      under = await setUp({});
      under.unavailableNext(1, 7);
      const batch = siemRecords(3);
      expect(await under.sink.send(batch)).toEqual({ kind: 'retryable', reason: expect.any(String), retryAfterMs: 7_000 });
      under.unavailableNext(1);
      expect(await under.sink.send(batch)).toMatchObject({ kind: 'retryable' });
      expect(await under.sink.send(batch)).toEqual({ kind: 'ok', records: 3 });
      expect(under.receivedEventIds()).toEqual(expect.arrayContaining(batch.map((r) => r.eventId)));
    });

    it('gives a retryable outcome while the server is unreachable, and delivers once it is back', async () => {
      under = await setUp({});
      await under.sink.send(siemRecords(1));
      await under.goDown();
      const outcome = await under.sink.send(siemRecords(2, 1));
      expect(outcome).toMatchObject({ kind: 'retryable', reason: expect.stringMatching(/could not (reach|read)/) });
      await under.comeBack();
      expect(await under.sink.send(siemRecords(2, 1))).toEqual({ kind: 'ok', records: 2 });
    });

    it('parks on refused credentials, with a reason that never shows the secret', async () => {
      under = await setUp({});
      under.breakCredentials();
      const outcome = await under.sink.send(siemRecords(2));
      expect(outcome).toMatchObject({ kind: 'parked', reason: expect.stringMatching(/refused/) });
      expect(JSON.stringify(outcome)).not.toContain(under.secret);
      expect(under.receivedEventIds()).toEqual([]);
    });

    it('never shows its secret when logged or serialized', async () => {
      under = await setUp({});
      await under.sink.send(siemRecords(1));
      expect(inspect(under.sink, { depth: 10 })).not.toContain(under.secret);
      expect(JSON.stringify(under.sink)).not.toContain(under.secret);
    });

    it('rides out a burst of failures under deliverWithRetry', async () => {
      under = await setUp({});
      under.unavailableNext(3);
      const notices: string[] = [];
      const result = await deliverWithRetry(under.sink, siemRecords(4), {
        policy: { initialMs: 1, maxMs: 5, maxRetryAfterMs: 5 },
        onRetry: (notice) => notices.push(notice.reason),
      });
      expect(result).toEqual({ kind: 'delivered', attempts: 4 });
      expect(notices).toHaveLength(3);
      expect(under.receivedEventIds()).toHaveLength(4);
    });
  });
}
