/**
 * Completeness of one scope: the proven events must be exactly the seqs the signed heads
 * promise, in order, each linked to the one before. Every event that breaks this is named.
 */
import { bytesEqual } from '../bytes';
import { linksTo } from '../tenant/tenant-chain';
import { EventEntry, HeadEntry } from './verify-evidence';
import { Finding } from './verification-report';

export interface ChainInput {
  scope: string;
  /** Export order. */
  events: readonly EventEntry[];
  /** The first seq the export must hold (0, or the count of the head at its first checkpoint). */
  fromSeq: number;
  /** The count of the head at the last checkpoint, when the export holds it. */
  toSeq?: number;
  heads: ReadonlyMap<number, HeadEntry>;
}

type Proven = EventEntry & { leafIndex: number; link: NonNullable<EventEntry['link']> };

export function analyseChain(input: ChainInput): Finding[] {
  const findings: Finding[] = [];
  const { bySeq, byLeaf, maxSeq } = orderProven(input, findings);
  checkLinks(bySeq, findings);
  checkHeads(input.heads, bySeq, findings);
  const accounted = classifyUnproven(input, bySeq, byLeaf, findings);
  findMissing(input, bySeq, accounted, maxSeq, findings);
  return findings;
}

function name(e: EventEntry): string {
  const parts = [`line ${e.line}`, e.eventId && `id ${e.eventId}`, e.leafIndex !== undefined && `leaf ${e.leafIndex}`];
  if (e.link) parts.push(`seq ${e.link.seq}`);
  return `event (${parts.filter(Boolean).join(', ')})`;
}

function eventFinding(kind: Finding['kind'], e: EventEntry, message: string): Finding {
  return { kind, message, line: e.line, eventId: e.eventId, leafIndex: e.leafIndex, seq: e.link?.seq };
}

/** Proven events of the scope in export order: duplicates, forks and disorder are named. */
function orderProven(input: ChainInput, findings: Finding[]) {
  const bySeq = new Map<number, Proven>();
  const byLeaf = new Map<number, Proven>();
  let maxSeq = input.fromSeq - 1;
  for (const e of input.events) {
    if (!e.included) continue;
    if (e.foreign) {
      findings.push(eventFinding('inserted', e, `${name(e)} is in the log but not an event of ${input.scope}`));
      continue;
    }
    if (!e.link || e.leafIndex === undefined) continue;
    const p = e as Proven;
    const seq = p.link.seq;
    if (byLeaf.has(p.leafIndex)) {
      findings.push(eventFinding('inserted', e, `${name(e)} is a second copy of leaf ${p.leafIndex}`));
      continue;
    }
    if (bySeq.has(seq)) {
      findings.push(eventFinding('invalid', e, `${name(e)}: two events of the log claim seq ${seq} of ${input.scope}`));
      continue;
    }
    if (seq < maxSeq) findings.push(eventFinding('reordered', e, `${name(e)} comes after seq ${maxSeq}: out of order`));
    bySeq.set(seq, p);
    byLeaf.set(p.leafIndex, p);
    maxSeq = Math.max(maxSeq, seq);
  }
  return { bySeq, byLeaf, maxSeq };
}

/** Each event's prev must name the leaf of the scope's event just before it. */
function checkLinks(bySeq: ReadonlyMap<number, Proven>, findings: Finding[]) {
  for (const e of bySeq.values()) {
    const before = bySeq.get(e.link.seq - 1);
    if (before?.leaf && !linksTo(e.link, before.leafIndex, before.leaf)) {
      findings.push(eventFinding('invalid', e, `${name(e)} does not link to the leaf of seq ${e.link.seq - 1}`));
    }
  }
}

/**
 * The signed heads fix which seqs lie before each checkpoint, and the last one's leaf.
 * Seqs and leaf indexes of a scope grow together, so each head needs only its boundary
 * checked: seq count - 1 is its last leaf, seq count lies beyond its tree.
 */
function checkHeads(heads: ReadonlyMap<number, HeadEntry>, bySeq: ReadonlyMap<number, Proven>, findings: Finding[]) {
  const ordered = [...bySeq.values()].sort((a, b) => a.link.seq - b.link.seq);
  for (let i = 1; i < ordered.length; i++) {
    const [a, b] = [ordered[i - 1], ordered[i]];
    if (b.leafIndex <= a.leafIndex)
      findings.push(eventFinding('invalid', b, `${name(b)} is before seq ${a.link.seq} in the log`));
  }
  for (const { treeSize, head } of heads.values()) {
    const last = bySeq.get(head.count - 1);
    const named = last?.leaf && last.leafIndex === head.lastIndex && bytesEqual(last.leaf, head.lastLeafHash);
    if (last && (!named || last.leafIndex >= treeSize)) {
      findings.push(
        eventFinding('invalid', last, `${name(last)} is not the last event the head at checkpoint ${treeSize} names`),
      );
    }
    const next = bySeq.get(head.count);
    if (next && next.leafIndex < treeSize) {
      findings.push(
        eventFinding(
          'invalid',
          next,
          `${name(next)} is inside checkpoint ${treeSize}, whose head counts ${head.count}`,
        ),
      );
    }
  }
}

/**
 * An event line that does not prove into the log is either an altered event (it sits in a
 * slot no proven event fills) or an inserted one (its slot is taken, or outside what the
 * heads sign). Answers the slots the altered ones account for.
 */
function classifyUnproven(
  input: ChainInput,
  bySeq: ReadonlyMap<number, Proven>,
  byLeaf: ReadonlyMap<number, Proven>,
  findings: Finding[],
): Set<number> {
  const accounted = new Set<number>();
  input.events.forEach((e, i) => {
    if (e.included) return;
    const seq = e.link?.seq;
    const outside = seq !== undefined && (seq < input.fromSeq || (input.toSeq !== undefined && seq >= input.toSeq));
    const taken = (e.leafIndex !== undefined && byLeaf.has(e.leafIndex)) || (seq !== undefined && bySeq.has(seq));
    if (outside || taken) {
      const why = taken ? 'its place is held by a proven event' : 'its seq is beyond what the signed heads hold';
      findings.push(
        eventFinding('inserted', e, `${name(e)} is not in the log: it does not prove into its checkpoint and ${why}`),
      );
      return;
    }
    const slot = seq ?? guessSlot(input, i, bySeq, accounted);
    const place = seq === undefined && slot !== undefined ? ` (it stands where seq ${slot} belongs)` : '';
    findings.push(
      eventFinding(
        'invalid',
        e,
        `${name(e)} was altered: its bytes do not prove into checkpoint ${e.treeSize ?? '?'}${place}`,
      ),
    );
    if (slot !== undefined) accounted.add(slot);
  });
  return accounted;
}

/** For an event too damaged to read: the first free seq between its proven neighbours. */
function guessSlot(
  input: ChainInput,
  at: number,
  bySeq: ReadonlyMap<number, Proven>,
  accounted: Set<number>,
): number | undefined {
  const provenSeq = (e: EventEntry) => (e.included && e.link && bySeq.get(e.link.seq) === e ? e.link.seq : undefined);
  const before = input.events
    .slice(0, at)
    .map(provenSeq)
    .filter((s) => s !== undefined)
    .pop();
  const after = input.events
    .slice(at + 1)
    .map(provenSeq)
    .find((s) => s !== undefined);
  const end = after ?? input.toSeq ?? Number.MAX_SAFE_INTEGER;
  for (let s = (before ?? input.fromSeq - 1) + 1; s < end; s++) if (!bySeq.has(s) && !accounted.has(s)) return s;
  return undefined;
}

function findMissing(
  input: ChainInput,
  bySeq: ReadonlyMap<number, Proven>,
  accounted: Set<number>,
  maxSeq: number,
  findings: Finding[],
) {
  const to = input.toSeq ?? maxSeq + 1;
  let s = input.fromSeq;
  while (s < to) {
    if (bySeq.has(s) || accounted.has(s)) {
      s++;
      continue;
    }
    const from = s;
    while (s < to && !bySeq.has(s) && !accounted.has(s)) s++;
    const seqs = { from, to: s };
    const what = from === s - 1 ? `event seq ${from} is` : `events seq ${from} to ${s - 1} are`;
    if (s === to && from > maxSeq) {
      findings.push({
        kind: 'missing',
        seqs,
        message: `${input.scope}: the last ${what} missing: the export was cut short`,
      });
    } else {
      const where = from === 0 ? 'before seq ' + s : `between seq ${from - 1} and seq ${s}`;
      findings.push({ kind: 'gap', seqs, message: `${input.scope}: ${what} missing ${where}` });
    }
  }
}
