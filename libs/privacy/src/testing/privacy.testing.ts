import { KeyRing, MasterKey } from '@app/crypto';
import { EventStore } from '@app/event-store';
import { DataKeys } from '../data-keys';
import { EmailIndex } from '../email-index';
import { Erasure } from '../erasure';
import { EventSealer } from '../event-sealer';
import { KeyStore } from '../key-store/key-store.port';
import { PersonalData } from '../personal-data';
import { PlaintextCache } from '../plaintext-cache';
import { PrivacyEventStore } from '../privacy-event-store';
import { Revealer } from '../revealer';

/** One process's view of personal data over a key store: what PrivacyModule wires, for tests and benches. */
export interface PrivacyParts {
  keys: DataKeys;
  emails: EmailIndex;
  erasure: Erasure;
  personalData: PersonalData;
  /** The event store with the at-rest layer over `adapter`. */
  wrap(adapter: EventStore): PrivacyEventStore;
}

export function privacyParts(store: KeyStore, ring: KeyRing = new KeyRing(MasterKey.generate()), now: () => Date = () => new Date()): PrivacyParts {
  const keys = new DataKeys(store, ring, { now: () => now().getTime() });
  const emails = new EmailIndex(store, ring);
  const plaintext = new PlaintextCache();
  const erasure = new Erasure(store, keys, plaintext, emails, now);
  const personalData = new PersonalData(keys, new Revealer(keys, plaintext), emails, erasure);
  return { keys, emails, erasure, personalData, wrap: (adapter) => new PrivacyEventStore(adapter, new EventSealer(keys, emails, now), keys) };
}

/**
 * A Reveal for values a test built in clear (no at-rest layer): it changes nothing, and throws if it
 * meets a sealed value, so that a test cannot pass sealed data through it by mistake.
 */
export const revealUnsealed = <T>(value: T): T => {
  if (JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? v.toString() : v))?.includes('pd1:')) {
    throw new Error('revealUnsealed met a sealed value: use PersonalData.revealerFor');
  }
  return value;
};

/** A RevealerSource for data written in clear (tests, benches over generated data): see revealUnsealed. */
export const unsealedData = { revealerFor: async () => revealUnsealed };
