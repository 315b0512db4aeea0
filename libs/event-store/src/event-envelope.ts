/** DESIGN §3: the envelope every event carries, in every store. */
export type ActorType = 'member' | 'service' | 'api-client';

export interface Actor {
  type: ActorType;
  id: string;
  email?: string;
  name?: string;
  role?: string;
}

export interface Tenant {
  mspId?: string;
  orgId?: string;
}

export interface ClientInfo {
  ip: string;
  userAgent?: string;
}

export interface EventMetadata {
  actor: Actor;
  tenant: Tenant;
  client: ClientInfo;
  correlationId?: string;
  causationId?: string;
}

/** What a writer hands to `append`: the store assigns revision, position and time. */
export interface NewEvent<D = Record<string, unknown>> {
  /** UUID; generated (v7) when absent. The de-duplication key everywhere. */
  id?: string;
  type: string;
  schemaVersion?: number;
  data: D;
  metadata: EventMetadata;
}

/** An event as read back from the store. Revision and position are bigint, never JS numbers. */
export interface RecordedEvent<D = Record<string, unknown>> {
  id: string;
  type: string;
  schemaVersion: number;
  streamId: string;
  revision: bigint;
  position: bigint;
  occurredAt: string;
  data: D;
  metadata: EventMetadata;
  /**
   * Set when the payload passed its tenant's retention and can no longer be read (its key was
   * deleted): `data` is then `{}` and the metadata holds no actor details or client. The event's
   * existence, position, type, time and tenant remain. Readers skip such an event.
   */
  expired?: true;
}

/** The JSON form of an envelope: bigint fields become strings of digits. */
export type SerializedEvent = Omit<RecordedEvent, 'revision' | 'position'> & {
  revision: string;
  position: string;
};

export function serializeEvent(event: RecordedEvent): SerializedEvent {
  return { ...event, revision: event.revision.toString(), position: event.position.toString() };
}
