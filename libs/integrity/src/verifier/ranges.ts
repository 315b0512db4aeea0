/** Splits the findings over the ranges between consecutive checkpoints. */
import { CheckpointEntry, EventEntry, HeadEntry } from './verify-evidence';
import { Finding, RangeReport, worstKind } from './verification-report';

export interface RangeInput {
  entries: readonly CheckpointEntry[];
  heads: ReadonlyMap<number, HeadEntry>;
  /** A partial export starts after its first checkpoint, which only anchors the start. */
  anchored: boolean;
  fromSeq: number;
  events: readonly EventEntry[];
  findings: readonly Finding[];
}

export function buildRanges(input: RangeInput): RangeReport[] {
  const { entries, heads } = input;
  const ranges: RangeReport[] = [];
  let fromSeq: number | undefined = input.fromSeq;
  entries.forEach((entry, j) => {
    const head = heads.get(entry.cp.size)?.head;
    const toSeq = head ? head.count : fromSeq === 0 ? 0 : undefined;
    if (j > 0 || !input.anchored) {
      const fromTreeSize = j === 0 ? 0 : entries[j - 1].cp.size;
      ranges.push({
        fromTreeSize,
        toTreeSize: entry.cp.size,
        time: entry.cp.time,
        fromSeq,
        toSeq,
        events: 0,
        status: 'valid',
        findings: [],
      });
    }
    fromSeq = toSeq;
  });
  countEvents(ranges, input.events);
  for (const f of input.findings) for (const r of rangesOf(f, ranges, input.events)) r.findings.push(f);
  for (const r of ranges) r.status = worstKind(r.findings) ?? 'valid';
  return ranges;
}

function countEvents(ranges: RangeReport[], events: readonly EventEntry[]) {
  const seen = new Set<number>();
  for (const e of events) {
    if (!e.included || !e.link || e.leafIndex === undefined || seen.has(e.leafIndex)) continue;
    seen.add(e.leafIndex);
    const r = byLeaf(ranges, e.leafIndex);
    if (r) r.events++;
  }
}

/** Binary search: the ranges are sorted and do not overlap. */
function byLeaf(ranges: RangeReport[], leafIndex: number): RangeReport | undefined {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid];
    if (leafIndex < r.fromTreeSize) hi = mid - 1;
    else if (leafIndex >= r.toTreeSize) lo = mid + 1;
    else return r;
  }
  return undefined;
}

function rangesOf(f: Finding, ranges: RangeReport[], events: readonly EventEntry[]): RangeReport[] {
  if (f.leafIndex !== undefined) return single(byLeaf(ranges, f.leafIndex));
  if (f.seqs) {
    const { from, to } = f.seqs;
    const overlapping = ranges.filter(
      (r) => r.fromSeq !== undefined && r.toSeq !== undefined && r.fromSeq < to && from < r.toSeq,
    );
    return overlapping.length > 0 ? overlapping : single(ranges[ranges.length - 1]);
  }
  if (f.treeSize !== undefined) {
    const closing = ranges.filter((r) => r.toTreeSize === f.treeSize);
    if (f.kind !== 'bad-signature') return closing;
    const provenThere = events.filter((e) => e.treeSize === f.treeSize && e.leafIndex !== undefined);
    const users = provenThere.map((e) => byLeaf(ranges, e.leafIndex as number)).filter((r): r is RangeReport => !!r);
    return [...new Set([...closing, ...users])];
  }
  if (f.kind === 'missing') return single(ranges[ranges.length - 1]);
  return [];
}

const single = (r: RangeReport | undefined) => (r ? [r] : []);
