import { ChainLink, isChainLink } from '../tenant/tenant-chain';

/** What the verifier needs from an event's stored bytes: its id (to name it) and its chain links. */
export interface EventInfo {
  id?: string;
  links: ChainLink[];
}

/** Reads a leaf's bytes; undefined (or a throw) when they are not an event with links. */
export type EventReader = (bytes: Uint8Array) => EventInfo | undefined;

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The default reader. The leaf bytes are UTF-8 JSON in one of two shapes (README,
 * "Canonical bytes"):
 *  - the stored event itself, links at `metadata.integrity.chains` (links written by the appender);
 *  - an envelope `{"integrity":{"chains":[…]},"event":<stored event>}` (links added by a
 *    single downstream writer of the log, when several processes append events).
 * Bytes with links in both places are refused: one leaf, one reading.
 */
export const readStoredEventJson: EventReader = (bytes) => {
  const value = JSON.parse(decoder.decode(bytes));
  const inside = value?.metadata?.integrity?.chains;
  const outside = value?.integrity?.chains;
  if ((inside === undefined) === (outside === undefined)) return undefined;
  const chains = inside ?? outside;
  if (!Array.isArray(chains) || !chains.every(isChainLink)) return undefined;
  const id = inside ? value.id : value?.event?.id;
  return { id: typeof id === 'string' ? id : undefined, links: chains };
};
