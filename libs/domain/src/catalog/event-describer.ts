import { DomainEvent } from '../shared/decider';
import { ActivityCategory, BusinessCategory, MspCategory } from './activity-category';

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

/** The vault item or folder an entry concerns. */
export interface ItemOrFolderRef {
  id: string;
  /** 'folder' for folders, else the item type (password, secure_note, …). */
  type?: string | null;
  name?: string | null;
}

/**
 * How one event type reads in the Activity Log, and in which category. Pure functions of the
 * event's data, so an entry can be rendered again at query time for each audience.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface EventDescriber<D = any, C extends ActivityCategory = ActivityCategory> {
  /** The one Activity Log category of the event type (DESIGN §3). */
  category: C;
  /** Short label, e.g. 'Renamed organization'. */
  action: string;
  target(data: D): TargetRef;
  /** Vault item or folder concerned, if any: redacted for admins. */
  item?(data: D): ItemOrFolderRef | null;
  /**
   * For events a service records on behalf of a member (sign-ins): that member, and the client they
   * used as the service reported it (the request's client is the service's own).
   */
  initiator?(data: D): OnBehalfOf | undefined;
  /** A readable sentence, e.g. "Ann renamed organization 'Acme' to 'Acme Ltd'". */
  summary(data: D, view: SummaryView): string;
}

/** The member an event was recorded for, with their client when the recorder gave it. */
export interface OnBehalfOf {
  id: string;
  email?: string | null;
  name?: string | null;
  client?: { ip?: string | null; userAgent?: string | null };
}

/** Describers looked up by event type, whatever the data (the type names it). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DescriberMap<C extends ActivityCategory = ActivityCategory> = Record<string, EventDescriber<any, C>>;

/**
 * Exactly one describer per event type of an area's union, each typed against that event's
 * data and placed in one of the area's categories: a type without one, an unknown type or a
 * category of the other log does not compile.
 */
export type AreaDescribers<E extends DomainEvent, C extends ActivityCategory> = {
  [T in E['type']]: EventDescriber<Extract<E, { type: T }>['data'], C>;
};

/** The areas of the MSP Activity Log: its six categories only. */
export type MspAreaDescribers<E extends DomainEvent> = AreaDescribers<E, MspCategory>;

/** The areas of the Business Activity Log: its categories only. */
export type BusinessAreaDescribers<E extends DomainEvent> = AreaDescribers<E, BusinessCategory>;
