/**
 * The checkpoint this log signs: a C2SP tlog-checkpoint with two extension lines, in this
 * order:
 *
 *   <origin>
 *   <tree size>
 *   <base64 root hash>
 *   time <ISO-8601 UTC with milliseconds>
 *   scope-heads <number of scopes> <base64 root of the scope-heads tree>
 *
 * Extension lines are allowed by the spec and ignored by generic tlog tools, which still
 * verify the signature and the first three lines. `time` says when it was signed;
 * `scope-heads` commits to the last event of every tenant scope at this tree size (see
 * tenant/scope-heads.ts), which is what lets one tenant's auditor detect a truncated history.
 */
import { fromBase64, Hash, HASH_SIZE, toBase64 } from '../bytes';
import { isTreeSize } from '../merkle/tree-math';
import { NoteSigner, NoteVerifier } from './note-keys';
import { NoteStatus, OpenedNote, openNote, signNote } from './signed-note';
import { CheckpointFormatError, formatCheckpointBody, parseCheckpointBody } from './tlog-checkpoint';

export interface ScopeHeadsCommitment {
  /** How many scopes have at least one event in the tree. */
  count: number;
  root: Hash;
}

export interface AuditCheckpoint {
  origin: string;
  size: number;
  rootHash: Hash;
  /** ISO-8601 UTC with milliseconds, as `new Date().toISOString()` gives. */
  time: string;
  scopeHeads: ScopeHeadsCommitment;
}

export interface OpenedCheckpoint {
  /** The note's status, or 'malformed' when it is a valid note but not an audit checkpoint. */
  status: NoteStatus;
  /** Present whenever the text parses, even if the signature is bad (for reporting). */
  checkpoint?: AuditCheckpoint;
  note: OpenedNote;
  reason?: string;
}

const ISO_UTC_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function checkpointText(cp: AuditCheckpoint): string {
  if (!ISO_UTC_MS.test(cp.time) || new Date(cp.time).toISOString() !== cp.time) {
    throw new CheckpointFormatError('the time is ISO-8601 UTC with milliseconds');
  }
  if (!isTreeSize(cp.scopeHeads.count) || cp.scopeHeads.root.length !== HASH_SIZE) {
    throw new CheckpointFormatError('bad scope-heads commitment');
  }
  return formatCheckpointBody({
    origin: cp.origin,
    size: cp.size,
    rootHash: cp.rootHash,
    extensions: [`time ${cp.time}`, `scope-heads ${cp.scopeHeads.count} ${toBase64(cp.scopeHeads.root)}`],
  });
}

export function parseCheckpointText(text: string): AuditCheckpoint {
  const body = parseCheckpointBody(text);
  const [timeLine, headsLine, ...more] = body.extensions;
  const time = /^time (.+)$/.exec(timeLine ?? '')?.[1];
  const heads = /^scope-heads (0|[1-9][0-9]*) (\S+)$/.exec(headsLine ?? '');
  if (!time || !heads || more.length > 0)
    throw new CheckpointFormatError('expected the time and scope-heads extension lines');
  let root: Hash;
  try {
    root = fromBase64(heads[2]);
  } catch {
    throw new CheckpointFormatError('the scope-heads root is not base64');
  }
  const cp: AuditCheckpoint = {
    origin: body.origin,
    size: body.size,
    rootHash: body.rootHash,
    time,
    scopeHeads: { count: Number(heads[1]), root },
  };
  if (checkpointText(cp) !== text) throw new CheckpointFormatError('not a canonical audit checkpoint');
  return cp;
}

/** The signed note of a checkpoint. Several signers co-sign (useful while rotating keys). */
export function signCheckpoint(cp: AuditCheckpoint, signers: readonly NoteSigner[]): string {
  return signNote(checkpointText(cp), signers);
}

/** Opens a signed checkpoint: its note status, and its content whenever the text parses. */
export function openCheckpoint(note: string, verifiers: readonly NoteVerifier[]): OpenedCheckpoint {
  const opened = openNote(note, verifiers);
  if (opened.status === 'malformed') return { status: 'malformed', note: opened, reason: opened.reason };
  try {
    const checkpoint = parseCheckpointText(opened.text);
    return { status: opened.status, checkpoint, note: opened };
  } catch (error) {
    return { status: 'malformed', note: opened, reason: (error as Error).message };
  }
}
