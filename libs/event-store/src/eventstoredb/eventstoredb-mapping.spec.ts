import { AllStreamResolvedEvent, EVENT_TYPE, RegexFilter, PrefixesFilter, STREAM_NAME } from '@eventstore/db-client';
import { RecordedEvent } from '../event-envelope';
import { EventStoreError } from '../event-store.errors';
import {
  matchesFilter, redactConnectionString, toActualRevision, toClientFilter, toClientPosition, toEventData,
  toRecordedEvent,
} from './eventstoredb-mapping';

const metadata = {
  actor: { type: 'member' as const, id: 'm-1' },
  tenant: { orgId: 'o-1' },
  client: { ip: '10.0.0.1' },
};
const id = '0190f5a8-7b2c-7d4e-8f00-0123456789ab';

/** A resolved event as the client hands it over, optionally with JS numbers where its types say bigint. */
function resolved(overrides: Record<string, unknown> = {}, outer: Record<string, unknown> = {}) {
  return {
    event: {
      streamId: 'org-1',
      id,
      isJson: true,
      revision: 4,
      type: 'OrgRenamed',
      created: new Date('2024-05-01T10:00:00.000Z'),
      data: { name: 'Acme' },
      metadata: { ...metadata, $schemaVersion: 2, $occurredAt: '2024-05-01T09:59:59.123Z' },
      position: { commit: 9_007_199_254_740_993n, prepare: 9_007_199_254_740_993n },
      ...overrides,
    },
    commitPosition: 9_007_199_254_740_993n,
    ...outer,
  } as unknown as AllStreamResolvedEvent;
}

describe('toRecordedEvent', () => {
  it('maps a resolved event to our envelope, with the private metadata fields taken out', () => {
    expect(toRecordedEvent(resolved())).toEqual<RecordedEvent>({
      id,
      type: 'OrgRenamed',
      schemaVersion: 2,
      streamId: 'org-1',
      revision: 4n,
      position: 9_007_199_254_740_993n,
      occurredAt: '2024-05-01T09:59:59.123Z',
      data: { name: 'Acme' },
      metadata,
    });
  });

  it('answers bigint positions and revisions even when the client hands over numbers', () => {
    const event = toRecordedEvent(resolved({ revision: 7, position: { commit: 1234, prepare: 1234 } }));
    expect(event?.revision).toBe(7n);
    expect(event?.position).toBe(1234n);
    expect(typeof event?.position).toBe('bigint');
  });

  it('falls back on the commit position of the resolved event', () => {
    const event = toRecordedEvent(resolved({ position: undefined }, { commitPosition: 42 }));
    expect(event?.position).toBe(42n);
  });

  it('refuses an event the server gave no position for', () => {
    expect(() => toRecordedEvent(resolved({ position: undefined }, { commitPosition: undefined }))).toThrow(
      EventStoreError,
    );
    const noPosition = { commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n };
    expect(() => toRecordedEvent(resolved({ position: noPosition }, { commitPosition: undefined }))).toThrow(
      /22\.6 or later/,
    );
  });

  it('defaults the schema version and time of events written by someone else', () => {
    const event = toRecordedEvent(resolved({ metadata: undefined }));
    expect(event).toMatchObject({ schemaVersion: 1, occurredAt: '2024-05-01T10:00:00.000Z', metadata: {} });
  });

  it.each([
    ['a system event type', resolved({ type: '$metadata' })],
    ['a system stream', resolved({ streamId: '$stats-127.0.0.1:2113' })],
    ['a link', resolved({}, { link: resolved().event })],
    ['an unresolved link', { commitPosition: 5n } as AllStreamResolvedEvent],
    ['a binary event', resolved({ isJson: false, data: new Uint8Array([1]) })],
  ])('drops %s', (_, input) => {
    expect(toRecordedEvent(input)).toBeUndefined();
  });
});

describe('toEventData', () => {
  it('stores our envelope fields that ESDB has no place for in the metadata', () => {
    const data = toEventData(
      { id, type: 'OrgRenamed', schemaVersion: 3, data: { name: 'Acme' }, metadata },
      '2024-05-01T10:00:00.000Z',
    );
    expect(data).toEqual({
      id,
      contentType: 'application/json',
      type: 'OrgRenamed',
      data: { name: 'Acme' },
      metadata: { ...metadata, $schemaVersion: 3, $occurredAt: '2024-05-01T10:00:00.000Z' },
    });
  });

  it('round-trips through toRecordedEvent', () => {
    const data = toEventData({ id, type: 'T', schemaVersion: 5, data: { a: 1 }, metadata }, '2024-01-01T00:00:00.000Z');
    const read = toRecordedEvent(resolved({ type: data.type, data: data.data, metadata: data.metadata }));
    expect(read).toMatchObject({ schemaVersion: 5, occurredAt: '2024-01-01T00:00:00.000Z', data: { a: 1 }, metadata });
  });
});

describe('toClientFilter', () => {
  it('maps event-type prefixes to a server-side event-type filter', () => {
    expect(toClientFilter({ eventTypePrefixes: ['Org', 'Item'] })).toMatchObject<Partial<PrefixesFilter>>({
      filterOn: EVENT_TYPE,
      prefixes: ['Org', 'Item'],
    });
  });

  it('maps stream prefixes to a server-side stream-name filter', () => {
    expect(toClientFilter({ streamPrefixes: ['org-'] })).toMatchObject<Partial<PrefixesFilter>>({
      filterOn: STREAM_NAME,
      prefixes: ['org-'],
    });
  });

  it.each([undefined, { eventTypePrefixes: [] }, { streamPrefixes: [] }])(
    'excludes system events when nothing is selected (%j)',
    (filter) => {
      expect(toClientFilter(filter)).toMatchObject<Partial<RegexFilter>>({ filterOn: EVENT_TYPE, regex: '^[^$].*' });
    },
  );
});

describe('matchesFilter', () => {
  const event = toRecordedEvent(resolved()) as RecordedEvent;

  it('selects by event-type prefix or stream prefix, everything when none is given', () => {
    expect(matchesFilter(event, { eventTypePrefixes: ['Item', 'OrgR'] })).toBe(true);
    expect(matchesFilter(event, { eventTypePrefixes: ['Item'] })).toBe(false);
    expect(matchesFilter(event, { streamPrefixes: ['org-'] })).toBe(true);
    expect(matchesFilter(event, { streamPrefixes: ['user-'] })).toBe(false);
    expect(matchesFilter(event, { streamPrefixes: [] })).toBe(true);
    expect(matchesFilter(event)).toBe(true);
  });
});

describe('small conversions', () => {
  it('makes a client position with equal commit and prepare positions', () => {
    expect(toClientPosition(77n)).toEqual({ commit: 77n, prepare: 77n });
  });

  it.each([
    [5n, 5n],
    [5, 5n],
    [0n, 0n],
    [-1n, undefined],
    ['no_stream' as const, undefined],
    [undefined, undefined],
  ])('reads the actual revision of a conflict from %p', (current, expected) => {
    expect(toActualRevision(current)).toBe(expected);
  });

  it('takes the credentials out of a connection string', () => {
    expect(redactConnectionString('esdb://admin:changeit@db-1:2113,db-2:2113?tls=false')).toBe(
      'esdb://db-1:2113,db-2:2113?tls=false',
    );
    expect(redactConnectionString('esdb+discover://db:2113')).toBe('esdb+discover://db:2113');
  });
});
