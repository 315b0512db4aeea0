import { SiemRecord } from '../siem-sink.port';

export interface HecMetadata {
  host: string;
  source: string;
  sourcetype: string;
  index?: string;
}

/**
 * One record as an HEC event object (Format events for HTTP Event Collector): `time` in epoch
 * seconds with milliseconds, the metadata from the settings, `event` = the entry with its
 * `eventId`, and the event id again as an indexed field so a search can de-duplicate cheaply.
 */
export function hecEventJson(record: SiemRecord, metadata: HecMetadata): string {
  const event: Record<string, unknown> = {};
  const time = epochSeconds(record.occurredAt);
  // Without a readable time Splunk stamps the event on arrival, which beats refusing it.
  if (time !== undefined) event.time = time;
  Object.assign(event, {
    host: metadata.host,
    source: metadata.source,
    sourcetype: metadata.sourcetype,
  });
  if (metadata.index !== undefined) event.index = metadata.index;
  event.event = { ...record.entry, eventId: record.eventId };
  event.fields = { eventId: record.eventId };
  return JSON.stringify(event);
}

/** 2024-05-01T10:00:00.123Z → 1714557600.123 (a JSON number with at most three decimals). */
export function epochSeconds(isoTimestamp: string): number | undefined {
  const ms = Date.parse(isoTimestamp);
  return Number.isNaN(ms) ? undefined : ms / 1000;
}
