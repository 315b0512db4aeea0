import { NoteStatus } from '../checkpoint/signed-note';

/**
 * What the verifier can find, most severe first:
 * - malformed: a line that is not a record of the format, or an export that contradicts itself
 * - bad-signature: a checkpoint not validly signed by a trusted key (altered, unknown key)
 * - inconsistent: two checkpoints that are not one append-only history
 * - invalid: an event (or head) whose bytes do not prove into its checkpoint: altered
 * - inserted: an event that is not part of the scope's signed history (forged, duplicated, foreign)
 * - reordered: events out of log order
 * - gap: events of the scope missing between others
 * - missing: events missing at the end (truncation), or evidence the export should hold
 */
export type FindingKind =
  'malformed' | 'bad-signature' | 'inconsistent' | 'invalid' | 'inserted' | 'reordered' | 'gap' | 'missing';

export const SEVERITY: readonly FindingKind[] = [
  'malformed',
  'bad-signature',
  'inconsistent',
  'invalid',
  'inserted',
  'reordered',
  'gap',
  'missing',
];

export interface Finding {
  kind: FindingKind;
  /** Says what and where, naming the event (line, id, leaf index, seq) when there is one. */
  message: string;
  /** 1-based line of the export. */
  line?: number;
  eventId?: string;
  leafIndex?: number;
  seq?: number;
  /** For gap and missing: the seqs [from, to) that are absent. */
  seqs?: { from: number; to: number };
  /** The checkpoint concerned, by tree size. */
  treeSize?: number;
}

/** The leaves [fromTreeSize, toTreeSize) between two consecutive checkpoints of the export. */
export interface RangeReport {
  fromTreeSize: number;
  toTreeSize: number;
  /** The time of the checkpoint that closes the range. */
  time?: string;
  /** The scope's seqs [fromSeq, toSeq) the signed heads say the range holds (when known). */
  fromSeq?: number;
  toSeq?: number;
  /** Events of the scope in the range that proved into their checkpoint. */
  events: number;
  status: 'valid' | FindingKind;
  findings: Finding[];
}

export interface CheckpointResult {
  line: number;
  treeSize?: number;
  time?: string;
  status: NoteStatus;
  /** Names and key ids (8 hex) of the trusted keys whose signatures verified. */
  signedBy: string[];
}

export interface EventResult {
  line: number;
  leafIndex?: number;
  seq?: number;
  eventId?: string;
  /** The inclusion proof leads from the event's bytes to its checkpoint's root. */
  included: boolean;
}

export interface VerificationReport {
  /** True when there is no finding at all. */
  valid: boolean;
  origin?: string;
  scope?: string;
  /** What the export proves complete, when it does: the scope's seqs [fromSeq, toSeq). */
  coverage?: {
    fromSeq: number;
    toSeq: number;
    fromTreeSize: number;
    toTreeSize: number;
    fromTime?: string;
    toTime?: string;
  };
  ranges: RangeReport[];
  /** Every finding, including those outside any range. */
  findings: Finding[];
  checkpoints: CheckpointResult[];
  consistency: Array<{ line?: number; size1: number; size2: number; ok: boolean }>;
  heads: Array<{ line: number; treeSize: number; count?: number; ok: boolean }>;
  events: EventResult[];
}

export function worstKind(findings: readonly Finding[]): FindingKind | undefined {
  return SEVERITY.find((kind) => findings.some((f) => f.kind === kind));
}
