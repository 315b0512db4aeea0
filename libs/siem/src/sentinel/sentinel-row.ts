import { SiemRecord } from '../siem-sink.port';

/**
 * One record as a row of the rule's stream: the entry, its `eventId`, and `TimeGenerated`
 * (the column every Log Analytics table has; a DCR transform may rename or drop the rest).
 */
export function sentinelRow(record: SiemRecord): Record<string, unknown> {
  return { TimeGenerated: record.occurredAt, ...record.entry, eventId: record.eventId };
}
