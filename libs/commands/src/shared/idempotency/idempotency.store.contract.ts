import { v7 as uuidv7 } from 'uuid';
import { IDEMPOTENCY_KEY_RETENTION_MS, IdempotencyStore, IdempotencyStoreOptions } from './idempotency.store';

/** An adapter as the contract drives it: with its clock and its purge. */
export type TestableIdempotencyStore = IdempotencyStore & { purgeExpired(): Promise<void> };

/**
 * The behaviour every idempotency store adapter must have. Each test uses scopes of its own
 * (random ids), so it also runs against a shared server; `open` gives a store on the given clock.
 */
export function describeIdempotencyStoreContract(
  adapterName: string,
  open: (options: Required<IdempotencyStoreOptions>) => Promise<TestableIdempotencyStore>,
): void {
  describe(`IdempotencyStore contract: ${adapterName}`, () => {
    let store: TestableIdempotencyStore;
    let now: number;
    let scope: string;

    beforeEach(async () => {
      now = Date.parse('2026-06-01T00:00:00.000Z');
      store = await open({ now: () => now });
      scope = `member-${uuidv7()}|msp-1|`;
    });
    afterEach(() => store.close());

    it('answers a ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });

    it('starts a new key once; a retry while it runs is in progress', async () => {
      expect(await store.begin(scope, 'k', 'fp')).toEqual({ kind: 'started' });
      expect(await store.begin(scope, 'k', 'fp')).toEqual({ kind: 'in_progress' });
    });

    it('lets exactly one of concurrent callers start', async () => {
      const outcomes = await Promise.all([1, 2, 3, 4].map(() => store.begin(scope, 'race', 'fp')));
      expect(outcomes.map((o) => o.kind).sort()).toEqual(['in_progress', 'in_progress', 'in_progress', 'started']);
    });

    it('replays the stored answer, success or refusal, with its status and body', async () => {
      const body = { eventIds: [uuidv7()], position: '9007199254740993', nested: { 'a.b': 1, $c: [null, true] } };
      await store.begin(scope, 'ok', 'fp');
      await store.complete(scope, 'ok', 201, body);
      expect(await store.begin(scope, 'ok', 'fp')).toEqual({ kind: 'replay', status: 201, body });
      await store.begin(scope, 'refused', 'fp');
      await store.complete(scope, 'refused', 409, { statusCode: 409, error: 'Conflict', message: 'suspended' });
      expect(await store.begin(scope, 'refused', 'fp')).toEqual({
        kind: 'replay', status: 409, body: { statusCode: 409, error: 'Conflict', message: 'suspended' },
      });
      await store.begin(scope, 'empty', 'fp');
      await store.complete(scope, 'empty', 204, undefined);
      expect(await store.begin(scope, 'empty', 'fp')).toEqual({ kind: 'replay', status: 204, body: null });
    });

    it('refuses the same key with another fingerprint, running or done', async () => {
      await store.begin(scope, 'k', 'fp-1');
      expect(await store.begin(scope, 'k', 'fp-2')).toEqual({ kind: 'mismatch' });
      await store.complete(scope, 'k', 200, { ok: true });
      expect(await store.begin(scope, 'k', 'fp-2')).toEqual({ kind: 'mismatch' });
    });

    it('forgets an abandoned key, so a retry starts again', async () => {
      await store.begin(scope, 'k', 'fp');
      await store.abandon(scope, 'k');
      expect(await store.begin(scope, 'k', 'fp')).toEqual({ kind: 'started' });
      await store.abandon(scope, 'never-begun');
    });

    it('scopes keys: the same key in another scope is independent', async () => {
      const other = `member-${uuidv7()}|msp-1|`;
      await store.begin(scope, 'shared', 'fp');
      await store.complete(scope, 'shared', 201, { mine: true });
      expect(await store.begin(other, 'shared', 'other-fp')).toEqual({ kind: 'started' });
      // Joined naively, these two pairs would collide.
      expect(await store.begin(`${scope}a`, 'b', 'fp')).toEqual({ kind: 'started' });
      expect(await store.begin(scope, 'ab', 'fp')).toEqual({ kind: 'started' });
      expect(await store.begin(scope, 'shared', 'fp')).toEqual({ kind: 'replay', status: 201, body: { mine: true } });
    });

    it('purges keys older than the retention and keeps the others', async () => {
      await store.begin(scope, 'old', 'fp');
      await store.complete(scope, 'old', 201, { first: true });
      now += IDEMPOTENCY_KEY_RETENTION_MS - 1000;
      await store.begin(scope, 'recent', 'fp');
      now += 2000;
      await store.purgeExpired();
      expect(await store.begin(scope, 'old', 'fp')).toEqual({ kind: 'started' });
      expect(await store.begin(scope, 'recent', 'fp')).toEqual({ kind: 'in_progress' });
    });
  });
}
