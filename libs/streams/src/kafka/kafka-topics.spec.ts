import { globalTopic, mspTopic, topicSafeId } from './kafka-topics';

describe('Kafka topic names', () => {
  it('names the global topic and one topic per MSP', () => {
    expect(globalTopic('activity')).toBe('activity.all');
    expect(mspTopic('activity', 'msp-a')).toBe('activity.msp.msp-a');
  });

  it('keeps letters, digits and dashes, and escapes every other byte', () => {
    expect(topicSafeId('0190f3aa-Acme')).toBe('0190f3aa-Acme');
    expect(topicSafeId('acme.eu')).toBe('acme_2eeu');
    expect(topicSafeId('a_b c/ü')).toBe('a_5fb_20c_2f_c3_bc');
  });

  it('gives distinct ids distinct topics, even those Kafka would confuse (. versus _)', () => {
    const ids = ['a.b', 'a_b', 'a_2eb', 'a-b', 'ab'];
    const topics = ids.map((id) => mspTopic('activity', id));
    expect(new Set(topics).size).toBe(ids.length);
    expect(new Set(topics.map((t) => t.replace(/\./g, '_'))).size).toBe(ids.length);
    topics.forEach((t) => expect(t).toMatch(/^[A-Za-z0-9._-]{1,249}$/));
  });

  it('hashes an id too long for a topic name', () => {
    const topic = mspTopic('p'.repeat(100), 'x'.repeat(200));
    expect(topic).toMatch(/^p{100}\.msp\._h[0-9a-f]{64}$/);
    expect(mspTopic('p'.repeat(100), 'x'.repeat(201))).not.toBe(topic);
  });
});
