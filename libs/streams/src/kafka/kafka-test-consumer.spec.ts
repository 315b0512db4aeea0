import { serializeEvent } from '@app/event-store';
import { kafkaKeyOf } from './kafka-messages';
import { orderProblemsPerKey, ReceivedMessage } from './kafka-test-consumer';
import { interleavedEvents } from './relayed-events.fixture';

describe('orderProblemsPerKey, the per-key order check of the Kafka tests', () => {
  const stored = interleavedEvents([
    { streamId: 'organization-a', tenant: { mspId: 'm', orgId: 'a' }, count: 3 },
    { streamId: 'policy-a', tenant: { mspId: 'm', orgId: 'a' }, count: 2 },
    { streamId: 'msp-m', tenant: { mspId: 'm' }, count: 2 },
  ]);
  const received = (positions: number[]): ReceivedMessage[] =>
    positions.map((p) => {
      const event = stored[p - 1];
      return { topic: 't', partition: 0, key: kafkaKeyOf(event), headers: {}, event: serializeEvent(event) };
    });

  it('accepts every key in store order, with replays of what was already delivered', () => {
    expect(orderProblemsPerKey(received([1, 2, 3, 4, 1, 2, 5, 6, 3, 7]), stored)).toEqual([]);
  });

  it('reports an event that skips one of its key, and one that arrives before an earlier one of its key', () => {
    expect(orderProblemsPerKey(received([1, 4]), stored)).toEqual(['org:a: position 4 arrived where position 2 was due']);
    expect(orderProblemsPerKey(received([1, 2, 3, 5, 4]), stored)).toEqual([
      'org:a: position 5 arrived where position 4 was due',
      'org:a: position 4 arrived where position 5 was due',
    ]);
  });
});
