import { IHeaders, Message, TopicMessages } from 'kafkajs';
import { RecordedEvent, serializeEvent } from '@app/event-store';
import { MalformedEventError, viewEvent } from '@app/projections';
import { Reveal } from '@app/privacy';
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

function headersOf(event: RecordedEvent): IHeaders {
  const { mspId, orgId } = event.metadata.tenant;
  const headers: IHeaders = { eventId: event.id, eventType: event.type, schemaVersion: String(event.schemaVersion) };
  if (typeof orgId === 'string' && orgId) headers.orgId = orgId;
  if (typeof mspId === 'string' && mspId) headers.mspId = mspId;
  return headers;
}

/**
 * One event as a message of the global topic (the operator's): keyed by its tenant (see kafkaKeyOf),
 * the JSON envelope as value, its personal values sealed as the store holds them (an erasure makes
 * them unreadable there too).
 */
export function kafkaMessageOf(event: RecordedEvent): Message {
  return { key: kafkaKeyOf(event), value: JSON.stringify(serializeEvent(event)), headers: headersOf(event) };
}

/**
 * One event as a message of its MSP's topic: the value is what the MSP's own API view shows of
 * it (viewEvent with the 'msp' audience: routing fields and the redacted Activity Log line),
 * never the event's data, its personal values revealed (an erased member's pseudonym from the
 * erasure on). Undefined for an event that view does not show, or whose envelope cannot be trusted
 * (the activity log dead-letters it too).
 */
export function mspTopicMessageOf(event: RecordedEvent, reveal: Reveal): Message | undefined {
  let view: ReturnType<typeof viewEvent>;
  try {
    view = viewEvent(event, 'msp', reveal);
  } catch (error) {
    if (error instanceof MalformedEventError) return undefined;
    throw error;
  }
  if (!view?.tenant.mspId) return undefined;
  return { key: kafkaKeyOf(event), value: JSON.stringify(view), headers: headersOf(event) };
}

/**
 * Every event goes to the global topic and, when it has an MSP and that MSP's view shows it, to
 * the MSP's topic, redacted as that view is; an event without an MSP never reaches an MSP topic.
 * Messages keep the events' order within each topic.
 */
export function topicMessagesOf(events: RecordedEvent[], prefix: string, reveal: Reveal): TopicMessages[] {
  const byTopic = new Map<string, Message[]>();
  const add = (topic: string, message: Message) => {
    const messages = byTopic.get(topic) ?? [];
    messages.push(message);
    byTopic.set(topic, messages);
  };
  for (const event of events) {
    add(globalTopic(prefix), kafkaMessageOf(event));
    const forMsp = mspTopicMessageOf(event, reveal);
    if (forMsp) add(mspTopic(prefix, event.metadata.tenant.mspId!), forMsp);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
