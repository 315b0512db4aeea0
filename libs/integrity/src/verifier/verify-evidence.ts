/**
 * The signed part of an export: checkpoints, the consistency proofs between them, the
 * scope's heads, and each event's inclusion proof.
 */
import { fromBase64, Hash, toBase64, tryFromBase64 } from '../bytes';
import { AuditCheckpoint, openCheckpoint } from '../checkpoint/audit-checkpoint';
import { NoteVerifier } from '../checkpoint/note-keys';
import { leafHash, verifyConsistency, verifyInclusion } from '../merkle/rfc9162';
import { isTreeSize } from '../merkle/tree-math';
import { parseScopeHeadRecord, verifyScopeHead } from '../tenant/scope-heads';
import { ChainLink, ScopeHead } from '../tenant/tenant-chain';
import { EventReader } from './event-reader';
import { ParsedExport } from './parse-export';
import { CheckpointResult, Finding, VerificationReport } from './verification-report';

export interface CheckpointEntry {
  line: number;
  cp: AuditCheckpoint;
  /** Validly signed by a trusted key. */
  trusted: boolean;
}

export interface HeadEntry {
  line: number;
  treeSize: number;
  head: ScopeHead;
}

export interface EventEntry {
  line: number;
  leafIndex?: number;
  treeSize?: number;
  leaf?: Hash;
  included: boolean;
  eventId?: string;
  /** The event's link in the exported scope. */
  link?: ChainLink;
  /** The bytes read as an event, with links, but none for this scope. */
  foreign: boolean;
}

export function verifyCheckpoints(
  parsed: ParsedExport,
  verifiers: readonly NoteVerifier[],
  origin: string,
  findings: Finding[],
) {
  const results: CheckpointResult[] = [];
  const bySize = new Map<number, CheckpointEntry>();
  for (const { line, record } of parsed.checkpoints) {
    const opened = openCheckpoint(record.note, verifiers);
    const cp = opened.checkpoint;
    const signedBy = opened.note.verified.map((s) => `${s.name}+${s.keyId.toString(16).padStart(8, '0')}`);
    results.push({ line, treeSize: cp?.size, time: cp?.time, status: opened.status, signedBy });
    if (!cp) {
      findings.push({
        kind: 'bad-signature',
        line,
        message: `line ${line}: not a signed checkpoint (${opened.reason})`,
      });
      continue;
    }
    if (cp.origin !== origin || bySize.has(cp.size)) {
      findings.push({
        kind: 'malformed',
        line,
        treeSize: cp.size,
        message: `line ${line}: a checkpoint of another log, or a second one of size ${cp.size}`,
      });
      continue;
    }
    const trusted = opened.status === 'verified';
    if (!trusted) {
      const why = opened.status === 'unknown-key' ? 'signed by no trusted key' : 'its signature does not verify';
      findings.push({
        kind: 'bad-signature',
        line,
        treeSize: cp.size,
        message: `checkpoint of size ${cp.size} (line ${line}): ${why}`,
      });
    }
    bySize.set(cp.size, { line, cp, trusted });
  }
  return { results, entries: [...bySize.values()].sort((a, b) => a.cp.size - b.cp.size) };
}

export function verifyConsistencyChain(parsed: ParsedExport, entries: readonly CheckpointEntry[], findings: Finding[]) {
  const results: VerificationReport['consistency'] = [];
  const byPair = new Map(parsed.consistency.map((c) => [`${c.record.size1}-${c.record.size2}`, c]));
  for (let i = 1; i < entries.length; i++) {
    const [a, b] = [entries[i - 1].cp, entries[i].cp];
    const found = byPair.get(`${a.size}-${b.size}`);
    if (!found) {
      findings.push({
        kind: 'missing',
        treeSize: b.size,
        message: `no consistency proof from checkpoint ${a.size} to ${b.size}`,
      });
      results.push({ size1: a.size, size2: b.size, ok: false });
      continue;
    }
    const proof = decodeAll(found.record.proof);
    const ok = !!proof && verifyConsistency(a.size, b.size, a.rootHash, b.rootHash, proof);
    if (!ok) {
      findings.push({
        kind: 'inconsistent',
        line: found.line,
        treeSize: b.size,
        message: `checkpoint ${b.size} does not extend checkpoint ${a.size}: the log was rewritten (line ${found.line})`,
      });
    }
    results.push({ line: found.line, size1: a.size, size2: b.size, ok });
  }
  return results;
}

export function verifyHeads(
  parsed: ParsedExport,
  bySize: ReadonlyMap<number, CheckpointEntry>,
  scope: string,
  findings: Finding[],
) {
  const results: VerificationReport['heads'] = [];
  const heads = new Map<number, HeadEntry>();
  for (const { line, record } of parsed.heads) {
    const head = parseScopeHeadRecord(record.record);
    const entry = bySize.get(record.treeSize);
    const proof = decodeAll(record.proof);
    const ok =
      !!head && !!entry && !!proof && verifyScopeHead(head, { index: record.index, proof }, entry.cp.scopeHeads);
    results.push({ line, treeSize: record.treeSize, count: head?.count, ok });
    const problem = headProblem(line, record.treeSize, { head, entry, ok, scope, again: heads.has(record.treeSize) });
    if (problem) findings.push(problem);
    else heads.set(record.treeSize, { line, treeSize: record.treeSize, head: head as ScopeHead });
  }
  return { results, heads };
}

interface HeadCheck {
  head?: ScopeHead;
  entry?: CheckpointEntry;
  ok: boolean;
  scope: string;
  again: boolean;
}

function headProblem(line: number, treeSize: number, c: HeadCheck): Finding | undefined {
  const at = `line ${line}`;
  if (!c.entry)
    return {
      kind: 'missing',
      line,
      treeSize,
      message: `${at}: a head for checkpoint ${treeSize}, which the export lacks`,
    };
  if (c.head && c.head.scope !== c.scope)
    return { kind: 'inserted', line, message: `${at}: the head of another scope (${c.head.scope})` };
  if (!c.ok)
    return {
      kind: 'invalid',
      line,
      treeSize,
      message: `${at}: the scope head does not prove into checkpoint ${treeSize}`,
    };
  if (c.again) return { kind: 'malformed', line, message: `${at}: a second head for checkpoint ${treeSize}` };
  return undefined;
}

export function verifyEvents(
  parsed: ParsedExport,
  bySize: ReadonlyMap<number, CheckpointEntry>,
  scope: string,
  readEvent: EventReader,
): EventEntry[] {
  return parsed.events.map(({ line, record }) => {
    const bytes = tryFromBase64(record.bytes);
    const leaf = bytes && leafHash(bytes);
    const leafIndex = isTreeSize(record.leafIndex) ? record.leafIndex : undefined;
    const treeSize = isTreeSize(record.treeSize) ? record.treeSize : undefined;
    const cp = treeSize === undefined ? undefined : bySize.get(treeSize)?.cp;
    const proof = Array.isArray(record.proof) ? decodeAll(record.proof) : undefined;
    const included =
      !!leaf &&
      !!cp &&
      !!proof &&
      leafIndex !== undefined &&
      verifyInclusion(leafIndex, cp.size, leaf, proof, cp.rootHash);
    const read = bytes ? safeRead(readEvent, bytes) : undefined;
    const link = read?.links.find((l) => l.scope === scope);
    return { line, leafIndex, treeSize, leaf, included, eventId: read?.id, link, foreign: !!read && !link };
  });
}

function safeRead(readEvent: EventReader, bytes: Uint8Array) {
  try {
    return readEvent(bytes);
  } catch {
    return undefined;
  }
}

function decodeAll(list: readonly unknown[]): Hash[] | undefined {
  try {
    return list.map((s) => fromBase64(s as string));
  } catch {
    return undefined;
  }
}

export const leafB64 = (leaf: Hash | undefined) => (leaf ? toBase64(leaf) : undefined);
