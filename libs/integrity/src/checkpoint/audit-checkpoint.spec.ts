import { sha256, utf8 } from '../bytes';
import {
  AuditCheckpoint,
  checkpointText,
  openCheckpoint,
  parseCheckpointText,
  signCheckpoint,
} from './audit-checkpoint';
import { generateNoteKey, parseSignerKey, parseVerifierKey } from './note-keys';
import { signNote } from './signed-note';
import { CheckpointFormatError, formatCheckpointBody, parseCheckpointBody } from './tlog-checkpoint';

const cp: AuditCheckpoint = {
  origin: 'audit.example/log',
  size: 20852163,
  rootHash: Buffer.from('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=', 'base64'),
  time: '2024-05-01T12:00:00.123Z',
  scopeHeads: { count: 3, root: sha256(utf8('heads')) },
};

describe('tlog-checkpoint body', () => {
  it('is origin, size and root, one per line, as in the C2SP example', () => {
    const body = { origin: 'example.com/behind-the-sofa', size: 20852163, rootHash: cp.rootHash, extensions: [] };
    expect(formatCheckpointBody(body)).toBe(
      'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n',
    );
    expect(parseCheckpointBody(formatCheckpointBody(body))).toEqual({ ...body, rootHash: new Uint8Array(cp.rootHash) });
  });

  it.each([
    ['a leading zero', 'o\n01\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n'],
    ['a negative size', 'o\n-1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n'],
    ['a short root', 'o\n1\nCsUYapGGPo4dkMgI\n'],
    ['two lines', 'o\n1\n'],
    ['an empty extension line', 'o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n'],
    ['no final newline', 'o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I='],
    ['a space in the origin', 'o o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n'],
  ])('refuses %s', (_what, text) => {
    expect(() => parseCheckpointBody(text)).toThrow(CheckpointFormatError);
  });
});

describe('audit checkpoint', () => {
  it('carries the time and the scope-heads commitment as extension lines', () => {
    const text = checkpointText(cp);
    expect(text.split('\n')).toEqual([
      'audit.example/log',
      '20852163',
      'CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=',
      'time 2024-05-01T12:00:00.123Z',
      `scope-heads 3 ${Buffer.from(cp.scopeHeads.root).toString('base64')}`,
      '',
    ]);
    expect(parseCheckpointText(text)).toEqual({ ...cp, rootHash: new Uint8Array(cp.rootHash) });
  });

  it('refuses a time that is not ISO-8601 UTC with milliseconds', () => {
    expect(() => checkpointText({ ...cp, time: '2024-05-01T12:00:00Z' })).toThrow(CheckpointFormatError);
    expect(() => checkpointText({ ...cp, time: '2024-02-30T12:00:00.000Z' })).toThrow(CheckpointFormatError);
    expect(() => parseCheckpointText(checkpointText(cp).replace(/time .*\n/, ''))).toThrow(CheckpointFormatError);
  });

  it('is signed and opened with the log key, and an old key still opens old checkpoints', () => {
    const v1 = generateNoteKey('audit.example/log');
    const v2 = generateNoteKey('audit.example/log');
    const old = signCheckpoint(cp, [parseSignerKey(v1.signerKey)]);
    const next = signCheckpoint({ ...cp, size: cp.size + 1 }, [parseSignerKey(v2.signerKey)]);
    const trusted = [parseVerifierKey(v2.verifierKey), parseVerifierKey(v1.verifierKey)];
    expect(openCheckpoint(old, trusted).status).toBe('verified');
    expect(openCheckpoint(next, trusted).checkpoint?.size).toBe(cp.size + 1);
    expect(openCheckpoint(old, [parseVerifierKey(v2.verifierKey)]).status).toBe('unknown-key');
  });

  it('still shows the content of a checkpoint whose signature fails, marked as such', () => {
    const key = generateNoteKey('audit.example/log');
    const note = signCheckpoint(cp, [parseSignerKey(key.signerKey)]).replace('20852163', '20852164');
    const opened = openCheckpoint(note, [parseVerifierKey(key.verifierKey)]);
    expect(opened.status).toBe('bad-signature');
    expect(opened.checkpoint?.size).toBe(20852164);
  });

  it('calls a correctly signed note that is not a checkpoint malformed', () => {
    const key = generateNoteKey('audit.example/log');
    const note = signCheckpoint(cp, [parseSignerKey(key.signerKey)]);
    const other = signNote('just text\n', [parseSignerKey(key.signerKey)]);
    expect(openCheckpoint(other, [parseVerifierKey(key.verifierKey)]).status).toBe('malformed');
    expect(openCheckpoint(note, [parseVerifierKey(key.verifierKey)]).status).toBe('verified');
  });
});
