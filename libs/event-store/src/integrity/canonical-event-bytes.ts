import { hash } from 'node:crypto';
import { Tenant } from '../event-envelope';

/** The stored columns of an event, data and metadata as the JSON text the store keeps. */
export interface StoredEventColumns {
  id: string;
  type: string;
  schemaVersion: number | bigint;
  streamId: string;
  revision: bigint;
  occurredAt: string;
  data: string;
  metadata: string;
}

/**
 * The event's canonical stored bytes, the data of its Merkle leaf: the stored columns joined by
 * string concatenation, never a parse/stringify round trip (which could reorder or re-escape).
 * Data and metadata are taken as stored, so sealed personal values are hashed as the
 * ciphertext they are and erasing a key never changes a leaf.
 */
export function canonicalEventBytes(c: StoredEventColumns): Buffer {
  return Buffer.from(canonicalEventText(c), 'utf8');
}

function canonicalEventText(c: StoredEventColumns): string {
  const q = JSON.stringify;
  return (
    `{"id":${q(c.id)},"type":${q(c.type)},"schemaVersion":${c.schemaVersion},"streamId":${q(c.streamId)},` +
    `"revision":"${c.revision}","occurredAt":${q(c.occurredAt)},"data":${c.data},"metadata":${c.metadata}}`
  );
}

/**
 * The RFC 9162 leaf hash of the canonical bytes, SHA-256(0x00 ‖ bytes), computed the cheap way on
 * the append path: the 0x00 is a leading NUL of the text (UTF-8 encodes U+0000 as the single byte
 * 0x00) and the hash is one-shot over the text itself (no Buffer of it). Equal to
 * leafHash(canonicalEventBytes(c)): every column is JSON text (quoted, or JSON.stringify's
 * output), so no lone surrogate is there for the two UTF-8 encodings to differ on.
 */
export function canonicalLeafHash(c: StoredEventColumns): Buffer {
  return hash('sha256', `\u0000${canonicalEventText(c)}`, 'buffer');
}

const SAFE = /^[A-Za-z0-9._~-]+$/;

/** A tenant id as it appears in a scope: percent-encoded outside [A-Za-z0-9._~-] so any id is one printable word. */
function scopeId(id: string): string {
  return SAFE.test(id) ? id : encodeURIComponent(id).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export const mspScope = (mspId: string) => `msp:${scopeId(mspId)}`;
export const orgScope = (orgId: string) => `org:${scopeId(orgId)}`;

/** The chains an event of this tenant belongs to: its MSP's and its organization's, sorted ("msp:" < "org:"). */
export function scopesOfTenant(tenant: Tenant | undefined): string[] {
  const scopes: string[] = [];
  if (tenant?.mspId) scopes.push(mspScope(tenant.mspId));
  if (tenant?.orgId) scopes.push(orgScope(tenant.orgId));
  return scopes;
}
