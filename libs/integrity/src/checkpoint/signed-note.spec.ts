import { generateNoteKey, noteKeyId, NoteKeyError, parseSignerKey, parseVerifierKey, verifierKeyOf } from './note-keys';
import { NoteFormatError, openNote, signNote } from './signed-note';

/**
 * The worked example of golang.org/x/mod/sumdb/note (package documentation): the same
 * keys must give byte for byte the same note (Ed25519 is deterministic), so notes signed
 * here open with Go's note.Open and the other way round.
 */
const GO_SIGNER = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const GO_VERIFIER = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_NOTE =
  GO_TEXT +
  '\n' +
  '\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';

describe('note keys', () => {
  it('read the Go encodings and derive the same key id and verifier key', () => {
    const signer = parseSignerKey(GO_SIGNER);
    expect(signer.name).toBe('PeterNeumann');
    expect(signer.keyId).toBe(0xc74f20a3);
    expect(signer.verifierKey).toBe(GO_VERIFIER);
    const verifier = parseVerifierKey(GO_VERIFIER);
    expect(verifier.keyId).toBe(0xc74f20a3);
    expect(
      noteKeyId('PeterNeumann', Buffer.from('ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', 'base64').subarray(1)),
    ).toBe(0xc74f20a3);
  });

  it('generate pairs that sign and verify', () => {
    const { signerKey, verifierKey } = generateNoteKey('audit.example/log');
    expect(signerKey).toMatch(/^PRIVATE\+KEY\+audit\.example\/log\+[0-9a-f]{8}\+[A-Za-z0-9+/]{44}$/);
    expect(verifierKey).toMatch(/^audit\.example\/log\+[0-9a-f]{8}\+[A-Za-z0-9+/]{44}$/);
    const msg = Buffer.from('hello\n');
    expect(parseVerifierKey(verifierKey).verify(msg, parseSignerKey(signerKey).sign(msg))).toBe(true);
  });

  it.each([
    ['a wrong key id', GO_VERIFIER.replace('c74f20a3', 'c74f20a4')],
    ['a name with a plus', 'Peter+Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'],
    ['an unknown algorithm', 'PeterNeumann+c74f20a3+Ahpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'],
    ['a short key', 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10Q='],
    ['no key', 'PeterNeumann+c74f20a3'],
  ])('refuse a verifier key with %s', (_what, vkey) => {
    expect(() => parseVerifierKey(vkey)).toThrow(NoteKeyError);
  });

  it('refuse a signer key whose id is not its own', () => {
    expect(() => parseSignerKey(GO_SIGNER.replace('c74f20a3', '00000000'))).toThrow(NoteKeyError);
    expect(() => parseSignerKey(GO_VERIFIER)).toThrow(NoteKeyError);
    expect(() => verifierKeyOf('a b', new Uint8Array(32))).toThrow(NoteKeyError);
  });
});

describe('signed notes', () => {
  const go = parseVerifierKey(GO_VERIFIER);

  it('sign exactly as Go does, and open Go’s note', () => {
    expect(signNote(GO_TEXT, [parseSignerKey(GO_SIGNER)])).toBe(GO_NOTE);
    const opened = openNote(GO_NOTE, [go]);
    expect(opened.status).toBe('verified');
    expect(opened.text).toBe(GO_TEXT);
    expect(opened.verified).toEqual([{ name: 'PeterNeumann', keyId: 0xc74f20a3, base64: expect.any(String) }]);
  });

  it('report an altered text or signature as a bad signature', () => {
    expect(openNote(GO_NOTE.replace('answer', 'Answer'), [go]).status).toBe('bad-signature');
    const sig = GO_NOTE.split(' ').pop() as string;
    const raw = Buffer.from(sig.trim(), 'base64');
    raw[20] ^= 0x01;
    const altered = GO_NOTE.replace(sig.trim(), raw.toString('base64'));
    expect(openNote(altered, [go]).status).toBe('bad-signature');
  });

  it('ignore keys it does not know, and say so when no known key signed', () => {
    const other = generateNoteKey('PeterNeumann'); // same name, other key: another key id
    const opened = openNote(GO_NOTE, [parseVerifierKey(other.verifierKey)]);
    expect(opened.status).toBe('unknown-key');
    expect(opened.unknown).toHaveLength(1);
    expect(openNote(GO_NOTE, []).status).toBe('unknown-key');
  });

  it('verify a note co-signed by the old and the new key with either (key rotation)', () => {
    const oldKey = generateNoteKey('audit.example/log');
    const newKey = generateNoteKey('audit.example/log');
    const note = signNote('tree head\n', [parseSignerKey(oldKey.signerKey), parseSignerKey(newKey.signerKey)]);
    expect(openNote(note, [parseVerifierKey(oldKey.verifierKey)]).status).toBe('verified');
    expect(openNote(note, [parseVerifierKey(newKey.verifierKey)]).status).toBe('verified');
    const both = openNote(note, [parseVerifierKey(newKey.verifierKey), parseVerifierKey(oldKey.verifierKey)]);
    expect(both.verified).toHaveLength(2);
    const onlyOld = signNote('older head\n', [parseSignerKey(oldKey.signerKey)]);
    expect(openNote(onlyOld, [parseVerifierKey(newKey.verifierKey)]).status).toBe('unknown-key');
    expect(openNote(onlyOld, [parseVerifierKey(newKey.verifierKey), parseVerifierKey(oldKey.verifierKey)]).status).toBe(
      'verified',
    );
  });

  it.each([
    ['no blank line', GO_TEXT + '\u2014 PeterNeumann x08go/ZJku=\n'],
    ['no signature', GO_TEXT + '\n'],
    ['no final newline', GO_NOTE.slice(0, -1)],
    ['a hyphen for the em dash', GO_NOTE.replace('\u2014', '-')],
    ['a tab', GO_NOTE.replace('answer', 'an\tswer')],
    ['a short signature', GO_TEXT + '\n\u2014 PeterNeumann AAAA\n'],
    ['garbage base64', GO_TEXT + '\n\u2014 PeterNeumann x08go/ZJku*S9UG\n'],
  ])('call a note with %s malformed', (_what, note) => {
    expect(openNote(note, [go]).status).toBe('malformed');
  });

  it('refuse to sign a text without a final newline, or with no signer', () => {
    expect(() => signNote('no newline', [parseSignerKey(GO_SIGNER)])).toThrow(NoteFormatError);
    expect(() => signNote('text\n', [])).toThrow(NoteFormatError);
  });
});
