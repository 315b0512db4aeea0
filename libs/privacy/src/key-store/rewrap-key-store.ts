import { envelopeNeedsRewrap, KeyRing, rewrapEnvelope } from '@app/crypto';
import { EMAIL_INDEX_CONTEXT, EMAIL_INDEX_KEY } from '../email-index';
import { periodKeyContext } from '../retained-payload';
import { subjectKeyContext } from '../subjects';
import { KeyStore, WrappedKeyRef } from './key-store.port';

export interface KeyStoreRewrapReport {
  total: number;
  rewrapped: number;
  failed: number;
}

const PAGE = 500;

/** Master-key rotation for the key store: every wrapped key (members', months', the email filter's) rewrapped under the primary key. */
export async function rewrapKeyStore(store: KeyStore, ring: KeyRing): Promise<KeyStoreRewrapReport> {
  const report: KeyStoreRewrapReport = { total: 0, rewrapped: 0, failed: 0 };
  let after: WrappedKeyRef | undefined;
  for (let page = await store.wrappedKeys(undefined, PAGE); page.length > 0; page = await store.wrappedKeys(after, PAGE)) {
    for (const ref of page) {
      report.total++;
      try {
        const wrapped = rewrapped(ring, ref);
        if (wrapped === ref.wrapped) continue;
        await store.replaceWrapped({ ...ref, wrapped });
        report.rewrapped++;
      } catch {
        report.failed++;
      }
    }
    after = page[page.length - 1];
  }
  return report;
}

function rewrapped(ring: KeyRing, ref: WrappedKeyRef): string {
  if (ref.kind === 'subject') return ring.needsRewrap(ref.wrapped) ? ring.rewrap(ref.wrapped, subjectKeyContext(ref.id)) : ref.wrapped;
  if (ref.kind === 'period') return ring.needsRewrap(ref.wrapped) ? ring.rewrap(ref.wrapped, periodKeyContext(ref.id)) : ref.wrapped;
  if (ref.id === EMAIL_INDEX_KEY) return envelopeNeedsRewrap(ring, ref.wrapped) ? rewrapEnvelope(ring, ref.wrapped, EMAIL_INDEX_CONTEXT) : ref.wrapped;
  throw new Error(`no context known for the wrapped key ${ref.id}`);
}
