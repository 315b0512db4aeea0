import { DeadLetter, DeadLetterStore, ERROR_MESSAGE_LIMIT } from './dead-letter.store';

const letter = (overrides: Partial<DeadLetter> = {}): DeadLetter => ({
  projector: 'activity-log',
  position: 9007199254740993n,
  eventId: '0190a8b4-0000-7000-8000-000000000001',
  eventType: 'ItemCreated',
  error: 'metadata.actor.id must be a non-empty string, got object',
  failedAt: '2026-06-01T12:00:00.000Z',
  attempts: 1,
  ...overrides,
});

/** The behaviour every dead-letter store adapter must have; `open` gives an empty store. */
export function describeDeadLetterStoreContract(adapterName: string, open: () => Promise<DeadLetterStore>): void {
  describe(`DeadLetterStore contract: ${adapterName}`, () => {
    let store: DeadLetterStore;
    beforeEach(async () => (store = await open()));

    it('starts empty', async () => {
      expect(await store.list()).toEqual([]);
      expect(await store.counts()).toEqual({});
    });

    it('records a dead letter with every field, positions beyond 2^53 intact', async () => {
      await store.record(letter());
      expect(await store.list()).toEqual([letter()]);
    });

    it('keeps one letter per view and event: recording again replaces error, time and attempts', async () => {
      await store.record(letter());
      await store.record(letter({ error: 'again', failedAt: '2026-06-01T12:00:05.000Z', attempts: 3 }));
      expect(await store.list()).toEqual([letter({ error: 'again', failedAt: '2026-06-01T12:00:05.000Z', attempts: 3 })]);
      await store.record(letter({ projector: 'sharing-hub' }));
      expect(await store.counts()).toEqual({ 'activity-log': 1, 'sharing-hub': 1 });
    });

    it('lists by view then position, one view when asked, and at most `limit`', async () => {
      const letters = [
        letter({ projector: 'sharing-hub', position: 5n, eventId: 'e5' }),
        letter({ position: 7n, eventId: 'e7' }),
        letter({ position: 3n, eventId: 'e3' }),
      ];
      for (const l of letters) await store.record(l);
      expect((await store.list()).map((l) => [l.projector, l.position])).toEqual([['activity-log', 3n], ['activity-log', 7n], ['sharing-hub', 5n]]);
      expect((await store.list({ projector: 'sharing-hub' })).map((l) => l.eventId)).toEqual(['e5']);
      expect((await store.list({ limit: 1 })).map((l) => l.eventId)).toEqual(['e3']);
      expect(await store.counts()).toEqual({ 'activity-log': 2, 'sharing-hub': 1 });
    });

    it('removes one letter, and clears one view', async () => {
      await store.record(letter({ eventId: 'a' }));
      await store.record(letter({ eventId: 'b' }));
      await store.record(letter({ projector: 'organizations', eventId: 'a' }));
      await store.remove('activity-log', 'a');
      expect((await store.list()).map((l) => [l.projector, l.eventId])).toEqual([['activity-log', 'b'], ['organizations', 'a']]);
      await store.clear('activity-log');
      expect(await store.counts()).toEqual({ organizations: 1 });
      await store.remove('activity-log', 'never-there');
    });

    it('cuts very long error messages', async () => {
      await store.record(letter({ error: 'x'.repeat(10_000) }));
      const [stored] = await store.list();
      expect(stored.error).toHaveLength(ERROR_MESSAGE_LIMIT);
      expect(stored.error.endsWith('…')).toBe(true);
    });
  });
}
