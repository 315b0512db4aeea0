/**
 * C2SP tlog-checkpoint note text (c2sp.org/tlog-checkpoint): origin, tree size in
 * decimal, base64 root hash, then optional non-empty extension lines; every line ends in
 * a newline. Parsing is strict: only the canonical text of a checkpoint is accepted, so
 * one checkpoint has exactly one text (and one set of signatures).
 */
import { fromBase64, Hash, HASH_SIZE, toBase64 } from '../bytes';
import { isTreeSize } from '../merkle/tree-math';
import { hasControlCharacter } from './control-characters';

export interface CheckpointBody {
  origin: string;
  size: number;
  rootHash: Hash;
  /** Extension lines, in order, without their newlines. */
  extensions: string[];
}

export class CheckpointFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckpointFormatError';
  }
}

export function formatCheckpointBody(body: CheckpointBody): string {
  if (!isOrigin(body.origin))
    throw new CheckpointFormatError('the origin must be a non-empty line without spaces or "+"');
  if (!isTreeSize(body.size)) throw new CheckpointFormatError('the tree size must be a safe non-negative integer');
  if (body.rootHash.length !== HASH_SIZE) throw new CheckpointFormatError('the root hash is 32 bytes');
  for (const line of body.extensions) {
    if (line === '' || hasControlCharacter(line))
      throw new CheckpointFormatError('an extension line is non-empty text');
  }
  return [body.origin, String(body.size), toBase64(body.rootHash), ...body.extensions].map((l) => `${l}\n`).join('');
}

export function parseCheckpointBody(text: string): CheckpointBody {
  if (!text.endsWith('\n')) throw new CheckpointFormatError('a checkpoint ends with a newline');
  const [origin, size, root, ...extensions] = text.slice(0, -1).split('\n');
  if (root === undefined) throw new CheckpointFormatError('a checkpoint has at least three lines');
  if (!/^(0|[1-9][0-9]*)$/.test(size) || !isTreeSize(Number(size))) {
    throw new CheckpointFormatError('the tree size is a decimal number without leading zeroes');
  }
  let rootHash: Hash;
  try {
    rootHash = fromBase64(root);
  } catch {
    throw new CheckpointFormatError('the root hash is not base64');
  }
  const body = { origin, size: Number(size), rootHash, extensions };
  if (formatCheckpointBody(body) !== text) throw new CheckpointFormatError('not a canonical checkpoint');
  return body;
}

function isOrigin(origin: string): boolean {
  return origin.length > 0 && !/[\s\u0085+]/u.test(origin) && !hasControlCharacter(origin);
}
