import { MalformedCiphertextError } from './crypto.errors';
import { DataKey, openWithDataKey, sealWithDataKey } from './data-key';
import { KeyRing } from './key-ring';

/**
 * Envelope encryption in one string, for a value that has a data key of its own:
 * `<wrapped data key>:<sealed value>`, both bound to `context` (say whose value it is and
 * which, e.g. `integration:<id>:clientSecret`). When several values share one data key
 * (all the secrets of one integration, all the personal data of one person), use
 * KeyRing.wrap / sealWithDataKey directly instead and store the wrapped key once.
 */
export function sealEnvelope(ring: KeyRing, plaintext: string | Buffer, context: string): string {
  const dataKey = DataKey.generate();
  try {
    return `${ring.wrap(dataKey, context)}:${sealWithDataKey(dataKey, plaintext, context)}`;
  } finally {
    dataKey.destroy();
  }
}

export function openEnvelope(ring: KeyRing, envelope: string, context: string): Buffer {
  const { wrappedKey, sealed } = splitEnvelope(envelope);
  const dataKey = ring.unwrap(wrappedKey, context);
  try {
    return openWithDataKey(dataKey, sealed, context);
  } finally {
    dataKey.destroy();
  }
}

/** Master-key rotation: rewraps the data key under the primary; the sealed value is untouched. */
export function rewrapEnvelope(ring: KeyRing, envelope: string, context: string): string {
  const { wrappedKey, sealed } = splitEnvelope(envelope);
  return `${ring.rewrap(wrappedKey, context)}:${sealed}`;
}

export function envelopeNeedsRewrap(ring: KeyRing, envelope: string): boolean {
  return ring.needsRewrap(splitEnvelope(envelope).wrappedKey);
}

function splitEnvelope(envelope: string): { wrappedKey: string; sealed: string } {
  const parts = envelope.split(':');
  if (parts.length !== 2) throw new MalformedCiphertextError('not an envelope (<wrapped key>:<sealed value>)');
  return { wrappedKey: parts[0], sealed: parts[1] };
}
