import { v7 as uuidv7 } from 'uuid';
import { EventMetadata, NewEvent, RecordedEvent } from '../event-envelope';
import { EventStore, Subscription } from '../event-store.port';
import { EventStoreClosedError, InvalidArgumentError, WrongExpectedRevisionError } from '../event-store.errors';

/**
 * The behaviour every event-store adapter must have. Each test works in its own stream
 * category, so it also runs against a shared server that holds other data.
 */
export function describeEventStoreContract(adapterName: string, openStore: () => Promise<EventStore>): void {
  describe(`EventStore contract: ${adapterName}`, () => {
    let store: EventStore;
    let category: string;
    const stream = (name = 'a') => `${category}-${name}`;
    const mine = () => ({ streamPrefixes: [`${category}-`] });

    beforeEach(async () => {
      store = await openStore();
      category = `c${uuidv7().replace(/-/g, '')}`;
    });
    afterEach(async () => {
      await store.close();
    });

    describe('append and expected revision', () => {
      it('no_stream creates a stream at revision 0 and refuses an existing one', async () => {
        const first = await store.append(stream(), [event('A')], 'no_stream');
        expect(first.nextExpectedRevision).toBe(0n);
        await expectConflict(store.append(stream(), [event('B')], 'no_stream'), 0n);
      });

      it('stream_exists refuses a new stream and accepts an existing one', async () => {
        await expectConflict(store.append(stream(), [event('A')], 'stream_exists'), undefined);
        await store.append(stream(), [event('A')], 'any');
        const r = await store.append(stream(), [event('B')], 'stream_exists');
        expect(r.nextExpectedRevision).toBe(1n);
      });

      it('any appends whatever the state', async () => {
        expect((await store.append(stream(), [event('A')], 'any')).nextExpectedRevision).toBe(0n);
        expect((await store.append(stream(), [event('B'), event('C')], 'any')).nextExpectedRevision).toBe(2n);
      });

      it('an exact revision must match the last one', async () => {
        await store.append(stream(), [event('A'), event('B')], 'no_stream');
        await expectConflict(store.append(stream(), [event('C')], 0n), 1n);
        await expectConflict(store.append(stream(), [event('C')], 2n), 1n);
        await expectConflict(store.append(stream('other'), [event('C')], 0n), undefined);
        const r = await store.append(stream(), [event('C')], 1n);
        expect(r.nextExpectedRevision).toBe(2n);
        expect((await store.readStream(stream())).map((e) => e.type)).toEqual(['A', 'B', 'C']);
      });

      it('answers the ids and the global position of the last event written', async () => {
        const ids = [uuidv7(), uuidv7()];
        const r = await store.append(stream(), [event('A', {}, ids[0]), event('B', {}, ids[1])], 'no_stream');
        expect(r.eventIds).toEqual(ids);
        const [last] = await store.readStream(stream(), { direction: 'backwards', limit: 1 });
        expect(last.id).toBe(ids[1]);
        expect(r.position).toBe(last.position);
        expect(typeof r.position).toBe('bigint');
      });

      it('keeps the envelope: id, type, schema version, revision, time and metadata', async () => {
        const id = uuidv7();
        const before = Date.now();
        await store.append(stream(), [{ ...event('Renamed', { name: 'x' }, id), schemaVersion: 3 }], 'any');
        const [read] = await store.readStream(stream());
        expect(read).toMatchObject({ id, type: 'Renamed', schemaVersion: 3, streamId: stream(), revision: 0n });
        expect(read.data).toEqual({ name: 'x' });
        expect(read.metadata).toEqual(metadata());
        expect(read.occurredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        expect(Date.parse(read.occurredAt)).toBeGreaterThanOrEqual(before - 1000);
        expect(typeof read.position).toBe('bigint');
      });

      it('refuses bad input with a clear error and writes nothing', async () => {
        await expect(store.append(stream(), [], 'any')).rejects.toThrow(InvalidArgumentError);
        await expect(store.append('', [event('A')], 'any')).rejects.toThrow(InvalidArgumentError);
        await expect(store.append(stream(), [{ ...event('A'), id: 'not-a-uuid' }], 'any')).rejects.toThrow(
          /must be a UUID/,
        );
        await expect(store.append(stream(), [event('A'), { ...event(''), type: '' }], 'any')).rejects.toThrow(
          InvalidArgumentError,
        );
        await expect(store.append(stream(), [event('A')], -1n)).rejects.toThrow(InvalidArgumentError);
        expect(await store.readStream(stream())).toEqual([]);
      });

      it('lets exactly one of many concurrent writers with the same expectation win', async () => {
        await store.append(stream(), [event('Created')], 'no_stream');
        const writers = Array.from({ length: 25 }, (_, i) => store.append(stream(), [event(`W${i}`)], 0n));
        const results = await Promise.allSettled(writers);
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(24);
        lost.forEach((r) => expect(r.reason).toBeInstanceOf(WrongExpectedRevisionError));
        expect(lost[0].reason.message).toMatch(/expected revision 0.*revision 1/);
        expect((await store.readStream(stream())).map((e) => e.revision)).toEqual([0n, 1n]);
      });

      it('answers an append repeated with the same event ids and expectation with the first result, writing nothing', async () => {
        const ids = [uuidv7(), uuidv7()];
        const batch = () => [event('A', {}, ids[0]), event('B', {}, ids[1])];
        const first = await store.append(stream(), batch(), 'no_stream');
        expect(await store.append(stream(), batch(), 'no_stream')).toEqual(first);
        const next = uuidv7();
        const second = await store.append(stream(), [event('C', {}, next)], 1n);
        expect(await store.append(stream(), [event('C', {}, next)], 1n)).toEqual(second);
        const raced = uuidv7();
        const racing = await Promise.all([1, 2, 3].map(() => store.append(stream('race'), [event('R', {}, raced)], 'no_stream').catch((e: unknown) => e)));
        expect(racing.filter((r) => r instanceof Error)).toEqual([]);
        expect(new Set(racing.map((r) => JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)))).size).toBe(1);
        expect((await store.readStream(stream())).map((e) => [e.type, e.id])).toEqual([['A', ids[0]], ['B', ids[1]], ['C', next]]);
        expect(await store.readStream(stream('race'))).toHaveLength(1);
      });

      it('keeps (stream, revision) unique when many writers race with any', async () => {
        const writers = Array.from({ length: 40 }, (_, i) => store.append(stream(), [event(`W${i}`)], 'any'));
        await Promise.all(writers);
        const revisions = (await store.readStream(stream())).map((e) => e.revision);
        expect(revisions).toEqual(Array.from({ length: 40 }, (_, i) => BigInt(i)));
      });
    });

    describe('reading', () => {
      it('reads a stream forwards and backwards, from a revision, with a limit', async () => {
        await store.append(stream(), ['A', 'B', 'C', 'D', 'E'].map((t) => event(t)), 'no_stream');
        const types = (events: RecordedEvent[]) => events.map((e) => e.type).join('');
        expect(types(await store.readStream(stream()))).toBe('ABCDE');
        expect(types(await store.readStream(stream(), { fromRevision: 2n }))).toBe('CDE');
        expect(types(await store.readStream(stream(), { fromRevision: 1n, limit: 2 }))).toBe('BC');
        expect(types(await store.readStream(stream(), { direction: 'backwards' }))).toBe('EDCBA');
        expect(types(await store.readStream(stream(), { direction: 'backwards', fromRevision: 2n }))).toBe('CBA');
        expect(types(await store.readStream(stream(), { direction: 'backwards', limit: 2 }))).toBe('ED');
        expect(await store.readStream(stream('missing'))).toEqual([]);
      });

      it('reads $all in global order, both directions, with exclusive positions', async () => {
        for (const [name, type] of [['a', 'A'], ['b', 'B'], ['a', 'C'], ['c', 'D']]) {
          await store.append(stream(name), [event(type)], 'any');
        }
        const all = await store.readAll({ filter: mine() });
        expect(all.map((e) => e.type)).toEqual(['A', 'B', 'C', 'D']);
        expectIncreasing(all.map((e) => e.position));
        const back = await store.readAll({ direction: 'backwards', filter: mine() });
        expect(back.map((e) => e.id)).toEqual([...all].reverse().map((e) => e.id));
        const after = await store.readAll({ fromPosition: all[1].position, filter: mine() });
        expect(after.map((e) => e.type)).toEqual(['C', 'D']);
        const before = await store.readAll({ direction: 'backwards', fromPosition: all[2].position, filter: mine() });
        expect(before.map((e) => e.type)).toEqual(['B', 'A']);
        const limited = await store.readAll({ fromPosition: all[0].position, limit: 2, filter: mine() });
        expect(limited.map((e) => e.type)).toEqual(['B', 'C']);
      });

      it('filters $all by event-type prefix and by stream prefix', async () => {
        const t = category.toUpperCase();
        await store.append(stream('x'), [event(`${t}OrgCreated`), event(`${t}OrgRenamed`)], 'any');
        await store.append(`${category}other-1`, [event(`${t}ItemCreated`), event(`${t}OrgDeleted`)], 'any');
        const byType = await store.readAll({ filter: { eventTypePrefixes: [`${t}Org`] } });
        expect(byType.map((e) => e.type)).toEqual([`${t}OrgCreated`, `${t}OrgRenamed`, `${t}OrgDeleted`]);
        const byTypes = await store.readAll({ filter: { eventTypePrefixes: [`${t}Item`, `${t}OrgR`] } });
        expect(byTypes.map((e) => e.type)).toEqual([`${t}OrgRenamed`, `${t}ItemCreated`]);
        const byStream = await store.readAll({ filter: { streamPrefixes: [`${category}other-`] } });
        expect(byStream.map((e) => e.type)).toEqual([`${t}ItemCreated`, `${t}OrgDeleted`]);
      });

      it('round-trips unicode and large payloads', async () => {
        const data = {
          name: 'Zoë’s ✓ vault 🔐 密码 пароль שלום e\u0301',
          big: 'x'.repeat(900_000),
          nested: { list: Array.from({ length: 1000 }, (_, i) => ({ i, s: `é${i}` })) },
        };
        const unicodeStream = stream('ünïcødé-🔑');
        await store.append(unicodeStream, [event('Unicode', data)], 'no_stream');
        const [read] = await store.readStream(unicodeStream);
        expect(read.data).toEqual(data);
        expect(read.streamId).toBe(unicodeStream);
      });
    });

    describe('subscribeToAll', () => {
      it('catches up, then goes on live, then stops cleanly', async () => {
        await store.append(stream(), [event('A'), event('B')], 'no_stream');
        const sub = store.subscribeToAll({ filter: mine() });
        const received = collect(sub, 4);
        await waitUntil(() => received.seen.length >= 2);
        await store.append(stream('b'), [event('C')], 'no_stream');
        await store.append(stream(), [event('D')], 1n);
        expect((await received.done).map((e) => e.type)).toEqual(['A', 'B', 'C', 'D']);
        await sub.stop();
      });

      it('resumes after a checkpoint, exclusive', async () => {
        await store.append(stream(), ['A', 'B', 'C'].map((t) => event(t)), 'no_stream');
        const all = await store.readAll({ filter: mine() });
        const sub = store.subscribeToAll({ fromPosition: all[0].position, filter: mine() });
        expect((await collect(sub, 2).done).map((e) => e.type)).toEqual(['B', 'C']);
        await sub.stop();
      });

      it('ends a pending iteration when stopped', async () => {
        const sub = store.subscribeToAll({ filter: mine() });
        const iterator = sub[Symbol.asyncIterator]();
        const pending = iterator.next();
        await sleep(50);
        await sub.stop();
        await expect(pending).resolves.toMatchObject({ done: true });
      });

      it('delivers only what the filter selects', async () => {
        await store.append(stream('x'), [event('A')], 'any');
        await store.append(`${category}skip-1`, [event('B')], 'any');
        await store.append(stream('y'), [event('C')], 'any');
        const sub = store.subscribeToAll({ filter: { streamPrefixes: [`${category}-`] } });
        expect((await collect(sub, 2).done).map((e) => e.type)).toEqual(['A', 'C']);
        await sub.stop();
      });
    });

    describe('a closed store', () => {
      it('refuses every call with a clear error', async () => {
        await store.append(stream(), [event('A')], 'any');
        await store.close();
        await expect(store.append(stream(), [event('B')], 'any')).rejects.toThrow(EventStoreClosedError);
        await expect(store.readStream(stream())).rejects.toThrow(EventStoreClosedError);
        await expect(store.readAll()).rejects.toThrow(EventStoreClosedError);
        await expect(store.headPosition()).rejects.toThrow(EventStoreClosedError);
        expect(() => store.subscribeToAll()).toThrow(EventStoreClosedError);
        await expect(store.close()).resolves.toBeUndefined();
      });
    });
  });
}

export function metadata(): EventMetadata {
  return {
    actor: { type: 'member', id: 'm-1', email: 'ann@example.com', name: 'Ann', role: 'msp_owner' },
    tenant: { mspId: 'msp-1' },
    client: { ip: '203.0.113.7', userAgent: 'contract-test' },
    correlationId: 'corr-1',
  };
}

export function event(type: string, data: Record<string, unknown> = {}, id?: string): NewEvent {
  return { id, type, data, metadata: metadata() };
}

async function expectConflict(promise: Promise<unknown>, actual: bigint | undefined): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  expect((error as WrongExpectedRevisionError).actual).toBe(actual);
}

function expectIncreasing(positions: bigint[]): void {
  positions.slice(1).forEach((p, i) => expect(p > positions[i]).toBe(true));
}

/** Reads `count` events from a subscription in the background. */
export function collect(sub: Subscription, count: number): { seen: RecordedEvent[]; done: Promise<RecordedEvent[]> } {
  const seen: RecordedEvent[] = [];
  const done = (async () => {
    for await (const e of sub) {
      seen.push(e);
      if (seen.length >= count) break;
    }
    return seen;
  })();
  return { seen, done };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitUntil(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(5);
  }
}
