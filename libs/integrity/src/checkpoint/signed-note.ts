/**
 * C2SP signed notes (c2sp.org/signed-note): a text ending in a newline, a blank line, then
 * one or more lines "— <key name> <base64(4-byte key id || signature)>".
 */
import { fromBase64, toBase64, utf8 } from '../bytes';
import { isValidKeyName, NoteSigner, NoteVerifier } from './note-keys';
import { hasControlCharacter } from './control-characters';

const SIGNATURE_PREFIX = '\u2014 ';
/** Verifiers must accept at least 16; more than this is refused as malformed. */
const MAX_SIGNATURES = 100;

export interface NoteSignature {
  name: string;
  keyId: number;
  base64: string;
}

export type NoteStatus =
  /** Every signature by a known key verified, and there is at least one. */
  | 'verified'
  /** A known key's signature does not verify (the note or the signature was altered). */
  | 'bad-signature'
  /** Well formed, but no signature is by a key the verifier knows. */
  | 'unknown-key'
  | 'malformed';

export interface OpenedNote {
  status: NoteStatus;
  /** The signed text (with its final newline); empty when malformed. */
  text: string;
  verified: NoteSignature[];
  /** Signatures by known keys that failed. */
  invalid: NoteSignature[];
  /** Signatures by keys the verifier does not know: ignored, as the spec requires. */
  unknown: NoteSignature[];
  /** Why it is malformed. */
  reason?: string;
}

export class NoteFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoteFormatError';
  }
}

/** Signs `text` (which must end in a newline) with every signer, in order. */
export function signNote(text: string, signers: readonly NoteSigner[]): string {
  const problem = textProblem(text);
  if (problem) throw new NoteFormatError(problem);
  if (signers.length === 0) throw new NoteFormatError('a note needs at least one signature');
  const message = utf8(text);
  const lines = signers.map((s) => {
    const id = Buffer.alloc(4);
    id.writeUInt32BE(s.keyId);
    return `${SIGNATURE_PREFIX}${s.name} ${toBase64(Uint8Array.from([...id, ...s.sign(message)]))}\n`;
  });
  return `${text}\n${lines.join('')}`;
}

/** Parses a note and checks its signatures against the known verifiers. Never throws. */
export function openNote(note: string, verifiers: readonly NoteVerifier[]): OpenedNote {
  const parsed = parseNote(note);
  if (typeof parsed === 'string')
    return { status: 'malformed', text: '', verified: [], invalid: [], unknown: [], reason: parsed };
  const message = utf8(parsed.text);
  const result: OpenedNote = { status: 'verified', text: parsed.text, verified: [], invalid: [], unknown: [] };
  for (const { signature, bytes } of parsed.signatures) {
    const known = verifiers.filter((v) => v.name === signature.name && v.keyId === signature.keyId);
    if (known.length === 0) result.unknown.push(signature);
    else if (known.some((v) => v.verify(message, bytes))) result.verified.push(signature);
    else result.invalid.push(signature);
  }
  if (result.invalid.length > 0) result.status = 'bad-signature';
  else if (result.verified.length === 0) result.status = 'unknown-key';
  return result;
}

interface ParsedSignature {
  signature: NoteSignature;
  bytes: Uint8Array;
}

function parseNote(note: string): { text: string; signatures: ParsedSignature[] } | string {
  if (note.length > 1_000_000) return 'note too large';
  const split = note.lastIndexOf('\n\n');
  if (split < 0) return 'no blank line before the signatures';
  const text = note.slice(0, split + 1);
  const block = note.slice(split + 2);
  const problem = textProblem(note);
  if (problem) return problem;
  if (block === '' || !block.endsWith('\n')) return 'no signature lines, or no final newline';
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) return 'too many signatures';
  const signatures: ParsedSignature[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    const sig = parseSignatureLine(line);
    if (typeof sig === 'string') return sig;
    if (seen.has(line)) continue;
    seen.add(line);
    signatures.push(sig);
  }
  return { text, signatures };
}

function parseSignatureLine(line: string): ParsedSignature | string {
  if (!line.startsWith(SIGNATURE_PREFIX)) return 'a signature line starts with an em dash and a space';
  const rest = line.slice(SIGNATURE_PREFIX.length);
  const space = rest.indexOf(' ');
  const name = rest.slice(0, space);
  const b64 = rest.slice(space + 1);
  if (space < 0 || !isValidKeyName(name)) return 'bad key name in a signature line';
  let raw: Uint8Array;
  try {
    raw = fromBase64(b64);
  } catch {
    return 'a signature is not base64';
  }
  if (raw.length < 5) return 'a signature is too short';
  const keyId = Buffer.from(raw.subarray(0, 4)).readUInt32BE(0);
  return { signature: { name, keyId, base64: b64 }, bytes: raw.subarray(4) };
}

/** Valid UTF-8, no control character but newline, ends with a newline. */
function textProblem(text: string): string | undefined {
  if (!text.endsWith('\n')) return 'the text does not end with a newline';
  if (hasControlCharacter(text, '\n')) return 'control character in the note';
  if (Buffer.from(text, 'utf8').toString('utf8') !== text) return 'not valid UTF-8';
  return undefined;
}
