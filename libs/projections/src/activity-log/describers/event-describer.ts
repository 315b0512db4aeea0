/** What a describer may read: the event's data and the name of who did it. */
export interface SummaryView {
  /** Hide item and folder types and names (organization admins see generic details only). */
  redact: boolean;
  initiatorName: string;
}

export interface TargetRef {
  type: string;
  id: string;
  name?: string | null;
}

export interface ItemRef {
  id: string;
  /** 'folder' for folders, else the item type (password, secure_note, …). */
  type?: string | null;
  name?: string | null;
}

/**
 * How one event type reads in the Activity Log. Pure functions of the event's data, so an
 * entry can be rendered again at query time for each audience.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface EventDescriber<D = any> {
  /** Short label, e.g. 'Renamed organization'. */
  action: string;
  target(data: D): TargetRef;
  /** Vault item or folder concerned, if any: redacted for admins. */
  item?(data: D): ItemRef | null;
  /** For events a service records on behalf of a member (sign-ins): that member. */
  initiator?(data: D): { id: string; email?: string | null; name?: string | null } | undefined;
  /** A readable sentence, e.g. "Ann renamed organization 'Acme' to 'Acme Ltd'". */
  summary(data: D, view: SummaryView): string;
}

export type DescriberMap = Record<string, EventDescriber>;
