/**
 * The integrity export of one tenant scope: JSON Lines, one record per line, in this order:
 *
 *   header       once, first
 *   checkpoint   the signed checkpoints the export relies on, by tree size
 *   consistency  one proof between each two consecutive checkpoints
 *   head         the scope's head at each checkpoint where it has events, with its proof
 *   event        the scope's events in log order, each with its inclusion proof
 *   end          once, last: its absence means the file was cut short
 *
 * Everything a verifier trusts is signed (checkpoints) or proven against something signed
 * (heads, events, consistency); the header and the end line only say what to expect.
 */
import { Hash, toBase64 } from '../bytes';
import { ScopeHead } from '../tenant/tenant-chain';
import { scopeHeadRecord, ScopeHeadProof } from '../tenant/scope-heads';

export const EXPORT_FORMAT = 'activity-log-integrity-export/v1';

export interface ExportHeader {
  kind: 'header';
  format: typeof EXPORT_FORMAT;
  /** The checkpoints' origin line. */
  origin: string;
  scope: string;
  /**
   * The first seq of the scope in this export. 0, or the count of the scope's head at the
   * first checkpoint of the export (which anchors the start: a partial export starts at a
   * checkpoint boundary).
   */
  fromSeq: number;
  /** The verifier keys the exporter used. A hint only: a verifier trusts its own list. */
  verifierKeys?: string[];
}

export interface ExportCheckpoint {
  kind: 'checkpoint';
  /** The signed note, exactly as signed. */
  note: string;
}

export interface ExportConsistency {
  kind: 'consistency';
  size1: number;
  size2: number;
  proof: string[];
}

export interface ExportHead {
  kind: 'head';
  /** The checkpoint whose scope-heads tree holds this head. */
  treeSize: number;
  /** The head record text (the leaf data of the scope-heads tree). */
  record: string;
  index: number;
  proof: string[];
}

export interface ExportEvent {
  kind: 'event';
  leafIndex: number;
  /** The checkpoint the proof leads to: conventionally the first one that includes the event. */
  treeSize: number;
  /** Base64 of the event's canonical stored bytes: the Merkle leaf data. */
  bytes: string;
  proof: string[];
}

export interface ExportEnd {
  kind: 'end';
}

export type ExportRecord = ExportHeader | ExportCheckpoint | ExportConsistency | ExportHead | ExportEvent | ExportEnd;

const b64 = (hashes: readonly Hash[]) => hashes.map(toBase64);

/** Builders for each line, so an exporter can stream them one by one. */
export const exportLine = {
  header(origin: string, scope: string, fromSeq: number, verifierKeys?: string[]): string {
    const h: ExportHeader = { kind: 'header', format: EXPORT_FORMAT, origin, scope, fromSeq };
    return JSON.stringify(verifierKeys ? { ...h, verifierKeys } : h);
  },
  checkpoint(note: string): string {
    return JSON.stringify({ kind: 'checkpoint', note } satisfies ExportCheckpoint);
  },
  consistency(size1: number, size2: number, proof: readonly Hash[]): string {
    return JSON.stringify({ kind: 'consistency', size1, size2, proof: b64(proof) } satisfies ExportConsistency);
  },
  head(treeSize: number, head: ScopeHead, proof: ScopeHeadProof): string {
    const record = Buffer.from(scopeHeadRecord(head)).toString('utf8');
    return JSON.stringify({
      kind: 'head',
      treeSize,
      record,
      index: proof.index,
      proof: b64(proof.proof),
    } satisfies ExportHead);
  },
  event(leafIndex: number, treeSize: number, bytes: Uint8Array, proof: readonly Hash[]): string {
    return JSON.stringify({
      kind: 'event',
      leafIndex,
      treeSize,
      bytes: toBase64(bytes),
      proof: b64(proof),
    } satisfies ExportEvent);
  },
  end(): string {
    return JSON.stringify({ kind: 'end' } satisfies ExportEnd);
  },
};
