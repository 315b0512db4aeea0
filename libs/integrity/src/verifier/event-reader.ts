import { ChainLink, isChainLink } from '../tenant/tenant-chain';

/** What the verifier needs from an event's stored bytes: its id (to name it) and its chain links. */
export interface EventInfo {
  id?: string;
  links: ChainLink[];
}

/** Reads an event's canonical bytes; undefined (or a throw) when they are not an event. */
export type EventReader = (bytes: Uint8Array) => EventInfo | undefined;

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The default reader: the bytes are the UTF-8 JSON of the stored event, with its id at
 * `id` and its links at `metadata.integrity.chains` (see the README, "Canonical bytes").
 */
export const readStoredEventJson: EventReader = (bytes) => {
  const event = JSON.parse(decoder.decode(bytes));
  const chains = event?.metadata?.integrity?.chains;
  if (!Array.isArray(chains) || !chains.every(isChainLink)) return undefined;
  return { id: typeof event.id === 'string' ? event.id : undefined, links: chains };
};
