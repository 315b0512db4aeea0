import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { inspect } from 'node:util';
import { chunkBySize } from '../batching';
import { HttpClient } from '../http-client';
import { networkFailure } from '../network-errors';
import { ok, parked, retryable, SendOutcome, SiemRecord, SiemSink } from '../siem-sink.port';
import { HecAnswer, readHecAnswer } from './hec-answer';
import { HecMetadata, hecEventJson } from './hec-event';
import { HEC_DEFAULTS, SplunkHecSinkConfig } from './splunk-hec.config';

interface SentChunk {
  body: string;
  events: number;
  ackId: number;
}

/**
 * Pushes records to a Splunk HTTP Event Collector: `POST {url}/services/collector/event` with
 * `Authorization: Splunk <token>`, events concatenated into bodies of at most maxBatchBytes.
 * With acknowledgement on, every request goes on this sink's channel and `send` returns ok only
 * once each ackId reported true, resending a request whose ack did not come within the bound.
 */
export class SplunkHecSink implements SiemSink {
  private readonly http: HttpClient;
  private readonly base: string;
  private readonly metadata: HecMetadata;
  private readonly channel = randomUUID();

  constructor(private readonly config: SplunkHecSinkConfig) {
    this.http = new HttpClient({ ca: config.ca, timeoutMs: config.requestTimeoutMs });
    this.base = hecBaseUrl(config.url);
    this.metadata = {
      host: config.host ?? hostname(),
      source: config.source ?? HEC_DEFAULTS.source,
      sourcetype: config.sourcetype ?? HEC_DEFAULTS.sourcetype,
      index: config.index,
    };
  }

  async send(batch: readonly SiemRecord[]): Promise<SendOutcome> {
    if (batch.length === 0) return ok(0);
    const events = batch.map((record) => hecEventJson(record, this.metadata));
    const sizes = events.map((event) => Buffer.byteLength(event));
    const max = this.config.maxBatchBytes ?? HEC_DEFAULTS.maxBatchBytes;
    // An event over the limit goes alone: Splunk's own max_content_length decides.
    const bodies = chunkBySize(sizes, max, { fixed: 0, separator: 0 }).map((c) => ({ body: events.slice(c.start, c.end).join(''), events: c.end - c.start }));
    const outcome = this.config.ack ? await this.sendAcknowledged(bodies) : await this.sendPlain(bodies);
    return outcome ?? ok(batch.length);
  }

  async close(): Promise<void> {
    this.http.close();
  }

  /** A logged sink shows where it sends, never its token. */
  toJSON(): Record<string, unknown> {
    return { kind: 'splunk', url: this.base, index: this.config.index, ack: this.config.ack !== undefined };
  }

  [inspect.custom](): string {
    return `SplunkHecSink ${JSON.stringify(this.toJSON())}`;
  }

  private async sendPlain(bodies: { body: string }[]): Promise<SendOutcome | undefined> {
    for (const { body } of bodies) {
      const answer = await this.post('/services/collector/event', body);
      if (answer.kind !== 'accepted') return answer;
    }
    return undefined;
  }

  private async sendAcknowledged(bodies: { body: string; events: number }[]): Promise<SendOutcome | undefined> {
    const options = this.config.ack ?? {};
    const maxResends = options.maxResends ?? HEC_DEFAULTS.ackMaxResends;
    let waiting: { body: string; events: number }[] = bodies;
    for (let round = 0; ; round += 1) {
      const sent: SentChunk[] = [];
      for (const chunk of waiting) {
        const answer = await this.post('/services/collector/event', chunk.body);
        if (answer.kind !== 'accepted') return answer;
        if (answer.ackId === undefined) {
          return parked('Splunk gave no ackId: indexer acknowledgement is off for this token; turn it on in Splunk, or off in the integration');
        }
        sent.push({ ...chunk, ackId: answer.ackId });
      }
      const unacknowledged = await this.awaitAcks(sent);
      if (!Array.isArray(unacknowledged)) return unacknowledged;
      if (unacknowledged.length === 0) return undefined;
      if (round >= maxResends) {
        const events = unacknowledged.reduce((n, chunk) => n + chunk.events, 0);
        const timeoutMs = options.timeoutMs ?? HEC_DEFAULTS.ackTimeoutMs;
        return retryable(`Splunk did not confirm indexing of ${events} event(s) within ${timeoutMs} ms, ${maxResends} resend(s) included`);
      }
      waiting = unacknowledged;
    }
  }

  /** Polls until every ackId is true or the bound passes; the chunks still unconfirmed, or a failure. */
  private async awaitAcks(sent: SentChunk[]): Promise<SentChunk[] | SendOutcome> {
    const options = this.config.ack ?? {};
    const deadline = Date.now() + (options.timeoutMs ?? HEC_DEFAULTS.ackTimeoutMs);
    let pending = sent;
    while (pending.length > 0) {
      await new Promise((resolve) => setTimeout(resolve, options.pollIntervalMs ?? HEC_DEFAULTS.ackPollIntervalMs));
      const answer = await this.post('/services/collector/ack', JSON.stringify({ acks: pending.map((chunk) => chunk.ackId) }));
      if (answer.kind !== 'accepted') return answer;
      if (!answer.acks) return parked('Splunk answered the acknowledgement query without "acks"');
      const acks = answer.acks;
      pending = pending.filter((chunk) => acks[String(chunk.ackId)] !== true);
      if (Date.now() >= deadline) break;
    }
    return pending;
  }

  private async post(path: string, body: string): Promise<HecAnswer> {
    const url = new URL(`${this.base}${path}`);
    const headers: Record<string, string> = { authorization: `Splunk ${this.config.token}`, 'content-type': 'application/json' };
    if (this.config.ack) headers['x-splunk-request-channel'] = this.channel;
    try {
      return readHecAnswer(await this.http.post(url, headers, body), this.base, this.config.index);
    } catch (error) {
      return networkFailure(error, this.base);
    }
  }
}

/** `https://h:8088/`, `https://h:8088/services/collector/event` → `https://h:8088`. */
export function hecBaseUrl(url: string): string {
  const parsed = new URL(url);
  const path = parsed.pathname.replace(/\/+$/, '').replace(/\/services\/collector(\/event(\/1\.0)?|\/raw)?$/, '');
  return `${parsed.origin}${path}`;
}
