import { NoteVerifier, parseVerifierKey } from '../checkpoint/note-keys';
import { analyseChain } from './chain-analysis';
import { EventReader, readStoredEventJson } from './event-reader';
import { ExportHeader } from './export-format';
import { parseExport, ParsedExport } from './parse-export';
import { buildRanges } from './ranges';
import { Finding, SEVERITY, VerificationReport } from './verification-report';
import {
  CheckpointEntry,
  EventEntry,
  HeadEntry,
  verifyCheckpoints,
  verifyConsistencyChain,
  verifyEvents,
  verifyHeads,
} from './verify-evidence';

export interface VerifyOptions {
  /** The log's verifier keys (strings `<name>+<id>+<key>` or parsed), old ones included after a rotation. */
  trustedKeys: ReadonlyArray<string | NoteVerifier>;
  /** The scope the auditor expects; the export's header must name it. */
  scope?: string;
  /** The origin the auditor expects; the export's header must name it. */
  origin?: string;
  /** How to read ids and chain links from event bytes; default: the stored event JSON. */
  readEvent?: EventReader;
}

/**
 * Verifies an integrity export offline: no server, no database, only the export's lines
 * and the trusted public keys. Never throws on a bad export (every problem is a finding);
 * throws NoteKeyError for a trusted key that is not a verifier key.
 */
export function verifyExport(lines: Iterable<string>, options: VerifyOptions): VerificationReport {
  const verifiers = options.trustedKeys.map((k) => (typeof k === 'string' ? parseVerifierKey(k) : k));
  const parsed = parseExport(lines);
  const findings: Finding[] = [...parsed.problems];
  const header = parsed.header?.record;
  if (!header) return { valid: false, ranges: [], findings, checkpoints: [], consistency: [], heads: [], events: [] };
  checkHeader(header, options, findings);
  const evidence = gatherEvidence(parsed, header, verifiers, options.readEvent ?? readStoredEventJson, findings);
  const { entries, heads, events } = evidence;
  // Completeness reaches the last checkpoint whose head the export proves (normally the last one).
  const last = [...entries].reverse().find((e) => heads.has(e.cp.size)) ?? entries[entries.length - 1];
  const toSeq = last && heads.get(last.cp.size)?.head.count;
  findings.push(...analyseChain({ scope: header.scope, events, fromSeq: header.fromSeq, toSeq, heads }));
  return report(header, evidence, findings, last, toSeq);
}

function checkHeader(header: ExportHeader, options: VerifyOptions, findings: Finding[]): void {
  if (options.scope !== undefined && header.scope !== options.scope) {
    findings.push({ kind: 'malformed', message: `the export is for scope ${header.scope}, not ${options.scope}` });
  }
  if (options.origin !== undefined && header.origin !== options.origin) {
    findings.push({ kind: 'malformed', message: `the export is of log ${header.origin}, not ${options.origin}` });
  }
}

function gatherEvidence(
  parsed: ParsedExport,
  header: ExportHeader,
  verifiers: readonly NoteVerifier[],
  readEvent: EventReader,
  findings: Finding[],
) {
  const { results: checkpoints, entries } = verifyCheckpoints(parsed, verifiers, header.origin, findings);
  const bySize = new Map(entries.map((e) => [e.cp.size, e]));
  const consistency = verifyConsistencyChain(parsed, entries, findings);
  const { results: headResults, heads } = verifyHeads(parsed, bySize, header.scope, findings);
  const events = verifyEvents(parsed, bySize, header.scope, readEvent);
  checkEvidenceIsThere(entries, heads, events, header.fromSeq, findings);
  if (!parsed.ended) findings.push({ kind: 'missing', message: 'the export has no end line: the file was cut short' });
  return { checkpoints, entries, consistency, headResults, heads, events };
}

function report(
  header: ExportHeader,
  evidence: ReturnType<typeof gatherEvidence>,
  findings: Finding[],
  last: CheckpointEntry | undefined,
  toSeq: number | undefined,
): VerificationReport {
  const { entries, heads, events } = evidence;
  const anchored = header.fromSeq > 0;
  const sorted = [...findings].sort((a, b) => SEVERITY.indexOf(a.kind) - SEVERITY.indexOf(b.kind));
  return {
    valid: findings.length === 0,
    origin: header.origin,
    scope: header.scope,
    coverage: last && {
      fromSeq: header.fromSeq,
      toSeq: toSeq ?? header.fromSeq,
      fromTreeSize: anchored ? entries[0].cp.size : 0,
      toTreeSize: last.cp.size,
      fromTime: anchored ? entries[0].cp.time : undefined,
      toTime: last.cp.time,
    },
    ranges: buildRanges({ entries, heads, anchored, fromSeq: header.fromSeq, events, findings: sorted }),
    findings: sorted,
    checkpoints: evidence.checkpoints,
    consistency: evidence.consistency,
    heads: evidence.headResults,
    events: events.map((e) => ({
      line: e.line,
      leafIndex: e.leafIndex,
      seq: e.link?.seq,
      eventId: e.eventId,
      included: e.included,
    })),
  };
}

/**
 * What a complete export must hold: a checkpoint; a start anchored by the first checkpoint's
 * head (partial exports); and the scope's head at every checkpoint from its first event on,
 * the last one included — dropping a head must never make fewer events expected.
 */
function checkEvidenceIsThere(
  entries: readonly CheckpointEntry[],
  heads: ReadonlyMap<number, HeadEntry>,
  events: readonly EventEntry[],
  fromSeq: number,
  findings: Finding[],
) {
  if (entries.length === 0) {
    findings.push({ kind: 'missing', message: 'the export holds no usable checkpoint' });
    return;
  }
  if (fromSeq > 0 && heads.get(entries[0].cp.size)?.head.count !== fromSeq) {
    findings.push({
      kind: 'malformed',
      treeSize: entries[0].cp.size,
      message: `the export starts at seq ${fromSeq}, but the head at its first checkpoint (${entries[0].cp.size}) does not say so`,
    });
  }
  let seenHead = fromSeq > 0;
  const firstLeaf = events.reduce(
    (min, e) => (e.link && e.leafIndex !== undefined ? Math.min(min, e.leafIndex) : min),
    Infinity,
  );
  entries.forEach(({ cp }, j) => {
    if (heads.has(cp.size)) {
      seenHead = true;
      return;
    }
    if (seenHead || firstLeaf < cp.size || j === entries.length - 1) {
      findings.push({
        kind: 'missing',
        treeSize: cp.size,
        message: `no signed head of the scope at checkpoint ${cp.size}`,
      });
    }
  });
}
