import { DecryptionFailedError, MalformedCiphertextError } from './crypto.errors';
import { envelopeNeedsRewrap, openEnvelope, rewrapEnvelope, sealEnvelope } from './envelope';
import { KeyRing } from './key-ring';
import { MasterKey } from './master-key';

describe('envelope encryption', () => {
  const context = 'integration:i-1:clientSecret';

  it('seals with a fresh data key per value and opens with the ring', () => {
    const ring = new KeyRing(MasterKey.generate());
    const a = sealEnvelope(ring, 'the secret', context);
    const b = sealEnvelope(ring, 'the secret', context);
    expect(a.split(':')[0]).not.toBe(b.split(':')[0]);
    expect(a).not.toContain('the secret');
    expect(openEnvelope(ring, a, context).toString()).toBe('the secret');
  });

  it('does not open as another integration’s value, nor with parts swapped between envelopes', () => {
    const ring = new KeyRing(MasterKey.generate());
    const mine = sealEnvelope(ring, 'mine', context);
    const theirs = sealEnvelope(ring, 'theirs', 'integration:i-2:clientSecret');
    expect(() => openEnvelope(ring, mine, 'integration:i-2:clientSecret')).toThrow(DecryptionFailedError);
    const spliced = `${mine.split(':')[0]}:${theirs.split(':')[1]}`;
    expect(() => openEnvelope(ring, spliced, context)).toThrow(DecryptionFailedError);
    expect(() => openEnvelope(ring, 'garbage', context)).toThrow(MalformedCiphertextError);
  });

  it('rewraps under a new master key without touching the sealed value', () => {
    const oldKey = MasterKey.generate();
    const sealed = sealEnvelope(new KeyRing(oldKey), 'rotate me', context);
    const ring = new KeyRing(MasterKey.generate(), [oldKey]);
    expect(envelopeNeedsRewrap(ring, sealed)).toBe(true);
    const rewrapped = rewrapEnvelope(ring, sealed, context);
    expect(rewrapped.split(':')[1]).toBe(sealed.split(':')[1]);
    expect(envelopeNeedsRewrap(ring, rewrapped)).toBe(false);
    expect(openEnvelope(new KeyRing(ring.primary), rewrapped, context).toString()).toBe('rotate me');
  });
});
