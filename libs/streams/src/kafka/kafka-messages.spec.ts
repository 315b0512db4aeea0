import { kafkaMessageOf, topicMessagesOf } from './kafka-messages';
import { interleavedEvents, recordedEvent } from './relayed-events.fixture';

describe('Kafka messages of events', () => {
  it('keys by stream, carries the JSON envelope with positions as strings, and names the event in headers', () => {
    const event = recordedEvent('organization-o1', 4n, 9007199254740993n, { mspId: 'msp-a', orgId: 'o1' });
    const message = kafkaMessageOf(event);
    expect(message.key).toBe('organization-o1');
    expect(message.headers).toEqual({ eventId: event.id, eventType: 'OrganizationRenamed', schemaVersion: '1', orgId: 'o1', mspId: 'msp-a' });
    expect(String(message.value)).toContain('"position":"9007199254740993"');
    expect(JSON.parse(String(message.value))).toMatchObject({ id: event.id, revision: '4', position: '9007199254740993' });
  });

  it('leaves out the tenant headers an event does not have', () => {
    expect(kafkaMessageOf(recordedEvent('msp-x', 0n, 1n, {})).headers).toEqual({ eventId: expect.any(String), eventType: 'OrganizationRenamed', schemaVersion: '1' });
  });

  it('sends every event to the global topic and MSP events also to their MSP topic, in order', () => {
    const events = interleavedEvents([
      { streamId: 'organization-a', tenant: { mspId: 'msp-a', orgId: 'a' }, count: 2 },
      { streamId: 'orgMember-z', tenant: { orgId: 'z' }, count: 1 },
      { streamId: 'msp-b', tenant: { mspId: 'msp-b' }, count: 2 },
    ]);
    const keys = Object.fromEntries(topicMessagesOf(events, 'p').map((t) => [t.topic, t.messages.map((m) => JSON.parse(String(m.value)).position)]));
    expect(keys).toEqual({ 'p.all': ['1', '2', '3', '4', '5'], 'p.msp.msp-a': ['1', '4'], 'p.msp.msp-b': ['3', '5'] });
  });
});
