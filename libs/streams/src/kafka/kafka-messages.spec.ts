import { kafkaKeyOf, kafkaMessageOf, topicMessagesOf } from './kafka-messages';
import { interleavedEvents, recordedEvent } from './relayed-events.fixture';
import { revealUnsealed } from '@app/privacy/testing/privacy.testing';

describe('Kafka messages of events', () => {
  it('carries the JSON envelope with positions as strings, and names the event in headers', () => {
    const event = recordedEvent('organization-o1', 4n, 9007199254740993n, { mspId: 'msp-a', orgId: 'o1' });
    const message = kafkaMessageOf(event);
    expect(message.key).toBe('org:o1');
    expect(message.headers).toEqual({ eventId: event.id, eventType: 'OrganizationRenamed', schemaVersion: '1', orgId: 'o1', mspId: 'msp-a' });
    expect(String(message.value)).toContain('"position":"9007199254740993"');
    expect(JSON.parse(String(message.value))).toMatchObject({ id: event.id, revision: '4', position: '9007199254740993' });
  });

  it('leaves out the tenant headers an event does not have', () => {
    expect(kafkaMessageOf(recordedEvent('msp-x', 0n, 1n, {})).headers).toEqual({ eventId: expect.any(String), eventType: 'OrganizationRenamed', schemaVersion: '1' });
  });

  it('keys by organization when there is one, else by MSP, else by stream', () => {
    expect(kafkaKeyOf(recordedEvent('policy-o1', 0n, 1n, { mspId: 'msp-a', orgId: 'o1' }))).toBe('org:o1');
    expect(kafkaKeyOf(recordedEvent('orgMember-m1', 0n, 2n, { orgId: 'o2' }))).toBe('org:o2');
    expect(kafkaKeyOf(recordedEvent('billing-msp-a', 0n, 3n, { mspId: 'msp-a' }))).toBe('msp:msp-a');
    expect(kafkaKeyOf(recordedEvent('msp-x', 0n, 4n, {}))).toBe('stream:msp-x');
  });

  it("gives every aggregate of one organization the same key, so the organization's activity keeps its order", () => {
    const a = { mspId: 'msp-a', orgId: 'a' };
    const events = interleavedEvents([
      { streamId: 'organization-a', tenant: a, count: 2 },
      { streamId: 'policy-a', tenant: a, count: 2 },
      { streamId: 'organization-b', tenant: { mspId: 'msp-a', orgId: 'b' }, count: 2 },
      { streamId: 'vaultItem-a1', tenant: a, count: 2 },
      { streamId: 'integration-i1', tenant: { mspId: 'msp-a' }, count: 1 },
    ]);
    const [mspTopic] = topicMessagesOf(events, 'p', revealUnsealed).filter((t) => t.topic === 'p.msp.msp-a');
    const byKey: Record<string, string[]> = {};
    for (const m of mspTopic.messages) (byKey[String(m.key)] ??= []).push(JSON.parse(String(m.value)).streamId);
    expect(byKey).toEqual({
      'org:a': ['organization-a', 'policy-a', 'vaultItem-a1', 'organization-a', 'policy-a', 'vaultItem-a1'],
      'org:b': ['organization-b', 'organization-b'],
      'msp:msp-a': ['integration-i1'],
    });
  });

  it('sends every event to the global topic and MSP events also to their MSP topic, in order', () => {
    const events = interleavedEvents([
      { streamId: 'organization-a', tenant: { mspId: 'msp-a', orgId: 'a' }, count: 2 },
      { streamId: 'orgMember-z', tenant: { orgId: 'z' }, count: 1 },
      { streamId: 'msp-b', tenant: { mspId: 'msp-b' }, count: 2 },
    ]);
    const positions = Object.fromEntries(topicMessagesOf(events, 'p', revealUnsealed).map((t) => [t.topic, t.messages.map((m) => JSON.parse(String(m.value)).position)]));
    expect(positions).toEqual({ 'p.all': ['1', '2', '3', '4', '5'], 'p.msp.msp-a': ['1', '4'], 'p.msp.msp-b': ['3', '5'] });
  });
});
