import { IHeaders, Message, TopicMessages } from 'kafkajs';
import { RecordedEvent, serializeEvent } from '@app/event-store';
import { globalTopic, mspTopic } from './kafka-topics';

/**
 * The message key, which picks the partition and so the order a consumer sees. An MSP reading
 * its topic needs one organization's activity in order, so all of an organization's events share
 * `org:<orgId>` whatever their aggregate; the MSP's own events share `msp:<mspId>`; an event with
 * neither keeps `stream:<streamId>`. Per-aggregate order follows: an aggregate's events always
 * carry the same tenant. The cost: one organization's events all land on one partition.
 */
export function kafkaKeyOf(event: RecordedEvent): string {
  const { mspId, orgId } = event.metadata.tenant;
  if (orgId) return `org:${orgId}`;
  if (mspId) return `msp:${mspId}`;
  return `stream:${event.streamId}`;
}

/** One event as a Kafka message: keyed by its tenant (see kafkaKeyOf), the JSON envelope as value. */
export function kafkaMessageOf(event: RecordedEvent): Message {
  const { mspId, orgId } = event.metadata.tenant;
  const headers: IHeaders = { eventId: event.id, eventType: event.type, schemaVersion: String(event.schemaVersion) };
  if (orgId) headers.orgId = orgId;
  if (mspId) headers.mspId = mspId;
  return { key: kafkaKeyOf(event), value: JSON.stringify(serializeEvent(event)), headers };
}

/**
 * Every event goes to the global topic and, when it has an MSP, to that MSP's topic; an event
 * without one never reaches an MSP topic. Messages keep the events' order within each topic.
 */
export function topicMessagesOf(events: RecordedEvent[], prefix: string): TopicMessages[] {
  const byTopic = new Map<string, Message[]>();
  const add = (topic: string, message: Message) => {
    const messages = byTopic.get(topic) ?? [];
    messages.push(message);
    byTopic.set(topic, messages);
  };
  for (const event of events) {
    const message = kafkaMessageOf(event);
    add(globalTopic(prefix), message);
    const { mspId } = event.metadata.tenant;
    if (mspId) add(mspTopic(prefix, mspId), message);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
