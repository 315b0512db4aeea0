import {
  FolderAccessRevoked,
  FolderCreated,
  FolderShared,
  ItemAccessRevoked,
  ItemCreated,
  ItemMovedToFolder,
  ItemOwnerChanged,
  ItemShared,
  ItemSharingRightsChanged,
  ItemUpdated,
  PolicyDisabled,
  PolicyEnabled,
  withoutShare,
  withShare,
} from '@app/domain';
import { RecordedEvent } from '@app/event-store';
import {
  HubPerson,
  keyOf,
  SharingHistoryEntry,
  SharingHubKey,
  SharingHubRecord,
  SharingPolicyChange,
} from './sharing-hub.record';

/** The one policy the Sharing Hub shows beside every record of an organization. */
export const SHARING_POLICY_KEY = 'restrict_sharing_outside_org';

const ITEM_EVENTS = new Set([
  'ItemCreated',
  'ItemUpdated',
  'ItemShared',
  'ItemSharingRightsChanged',
  'ItemAccessRevoked',
  'ItemOwnerChanged',
  'ItemMovedToFolder',
  'ItemDeleted',
  'ItemRestored',
]);
const FOLDER_EVENTS = new Set(['FolderCreated', 'FolderShared', 'FolderAccessRevoked', 'FolderDeleted']);

/** The record an event is about, or undefined when the hub ignores the event. */
export function recordKeyOf(event: RecordedEvent): SharingHubKey | undefined {
  const data = event.data as { itemId?: unknown; folderId?: unknown };
  if (ITEM_EVENTS.has(event.type) && typeof data.itemId === 'string') return { kind: 'item', id: data.itemId };
  if (FOLDER_EVENTS.has(event.type) && typeof data.folderId === 'string') return { kind: 'folder', id: data.folderId };
  return undefined;
}

/** What one event does to its record: the new record and the history entry, or undefined for no change. */
export interface Applied {
  record: SharingHubRecord;
  history: SharingHistoryEntry;
}

/**
 * Evolves one record by one event. Pure. Returns undefined (nothing changes) when the event is
 * not about this record, was already applied (position <= lastPosition), belongs to another
 * organization than the record, or changes nothing the hub shows (an update that keeps the name).
 */
export function applyEvent(current: SharingHubRecord | undefined, event: RecordedEvent): Applied | undefined {
  const key = recordKeyOf(event);
  if (!key) return undefined;
  if (event.type === 'ItemCreated' || event.type === 'FolderCreated') {
    return current ? undefined : created(event as RecordedEvent<ItemCreated['data'] | FolderCreated['data']>);
  }
  if (!current || current.kind !== key.kind || current.id !== key.id) return undefined;
  if (event.position <= current.lastPosition) return undefined;
  const tenantOrg = event.metadata.tenant?.orgId;
  if (tenantOrg !== undefined && tenantOrg !== current.orgId) return undefined;
  return evolve(current, event);
}

function created(event: RecordedEvent<ItemCreated['data'] | FolderCreated['data']>): Applied | undefined {
  const orgId = tenantOrgOf(event, event.data.orgId);
  if (!orgId) return undefined;
  const by = personOf(event);
  const { ownerMemberId, ownerName } = event.data;
  const createdBy = by.id === ownerMemberId && by.name === null ? { ...by, name: ownerName } : by;
  const base = {
    orgId,
    mspId: event.metadata.tenant?.mspId ?? null,
    createdBy,
    createdAt: event.occurredAt,
    owner: { id: ownerMemberId, name: ownerName ?? null },
    sharedWith: [],
    deleted: false,
    deletedAt: null,
    updatedAt: event.occurredAt,
    lastPosition: event.position,
  };
  const owner = { ownerId: ownerMemberId, ownerName };
  if (event.type === 'FolderCreated') {
    const data = event.data as FolderCreated['data'];
    const record: SharingHubRecord = { ...base, kind: 'folder', id: data.folderId, itemType: null, name: data.folderName, folder: null };
    return { record, history: entry(record, event, 'created', { details: owner }) };
  }
  const data = event.data as ItemCreated['data'];
  const folder = data.folderId ? { id: data.folderId, name: data.folderName ?? data.folderId } : null;
  const record: SharingHubRecord = { ...base, kind: 'item', id: data.itemId, itemType: data.itemType, name: data.itemName, folder };
  const details = folder ? { ...owner, folderId: folder.id, folderName: folder.name } : owner;
  return { record, history: entry(record, event, 'created', { details }) };
}

function evolve(record: SharingHubRecord, event: RecordedEvent): Applied | undefined {
  const touched = { updatedAt: event.occurredAt, lastPosition: event.position };
  const done = (next: SharingHubRecord, change: Omit<SharingHistoryEntry, keyof EntryBase | 'change'>, type: SharingHistoryEntry['change']) => ({
    record: next,
    history: entry(next, event, type, change),
  });
  switch (event.type) {
    case 'ItemUpdated': {
      const { itemName } = event.data as ItemUpdated['data'];
      if (typeof itemName !== 'string' || itemName === record.name) return undefined;
      const details = { previousName: record.name, newName: itemName };
      return done({ ...record, ...touched, name: itemName }, { details }, 'renamed');
    }
    case 'ItemShared':
    case 'FolderShared': {
      const { principal, rights } = event.data as (ItemShared | FolderShared)['data'];
      const sharedWith = withShare(record.sharedWith, { principal, rights });
      return done({ ...record, ...touched, sharedWith }, { principal, rights }, 'shared');
    }
    case 'ItemSharingRightsChanged': {
      const { principal, previousRights, newRights } = event.data as ItemSharingRightsChanged['data'];
      const sharedWith = withShare(record.sharedWith, { principal, rights: newRights });
      return done({ ...record, ...touched, sharedWith }, { principal, rights: newRights, previousRights }, 'rights_changed');
    }
    case 'ItemAccessRevoked':
    case 'FolderAccessRevoked': {
      const { principal, previousRights } = event.data as (ItemAccessRevoked | FolderAccessRevoked)['data'];
      const sharedWith = withoutShare(record.sharedWith, principal);
      return done({ ...record, ...touched, sharedWith }, { principal, previousRights }, 'access_revoked');
    }
    case 'ItemOwnerChanged': {
      const data = event.data as ItemOwnerChanged['data'];
      const newOwner = { type: 'member' as const, id: data.newOwnerMemberId };
      const dropped = record.sharedWith.find((s) => s.principal.type === 'member' && s.principal.id === newOwner.id);
      const sharedWith = withoutShare(record.sharedWith, newOwner);
      const details = {
        previousOwner: { id: data.previousOwnerMemberId, name: data.previousOwnerName },
        newOwner: { id: data.newOwnerMemberId, name: data.newOwnerName },
        ...(dropped && { droppedShare: dropped }),
      };
      const owner = { id: data.newOwnerMemberId, name: data.newOwnerName ?? null };
      return done({ ...record, ...touched, owner, sharedWith }, { details }, 'owner_changed');
    }
    case 'ItemMovedToFolder': {
      const data = event.data as ItemMovedToFolder['data'];
      const folder = data.newFolderId ? { id: data.newFolderId, name: data.newFolderName ?? data.newFolderId } : null;
      const previous = data.previousFolderId ? { id: data.previousFolderId, name: data.previousFolderName ?? data.previousFolderId } : null;
      return done({ ...record, ...touched, folder }, { details: { previousFolder: previous, newFolder: folder } }, 'moved');
    }
    case 'ItemDeleted':
    case 'FolderDeleted':
      return done({ ...record, ...touched, deleted: true, deletedAt: event.occurredAt }, {}, 'deleted');
    case 'ItemRestored':
      return done({ ...record, ...touched, deleted: false, deletedAt: null }, {}, 'restored');
    default:
      return undefined;
  }
}

type EntryBase = Pick<SharingHistoryEntry, 'eventId' | 'position' | 'occurredAt' | 'orgId' | 'recordId' | 'kind' | 'by'>;

function entry(
  record: SharingHubRecord,
  event: RecordedEvent,
  change: SharingHistoryEntry['change'],
  extra: Omit<SharingHistoryEntry, keyof EntryBase | 'change'>,
): SharingHistoryEntry {
  return {
    eventId: event.id,
    position: event.position,
    occurredAt: event.occurredAt,
    orgId: record.orgId,
    recordId: record.id,
    kind: record.kind,
    change,
    by: personOf(event),
    ...extra,
  };
}

function personOf(event: RecordedEvent): HubPerson {
  const actor = event.metadata.actor;
  return { id: actor.id, name: actor.name ?? null, email: actor.email ?? null };
}

/** The organization of an event: its tenant, which must agree with the organization its data names. */
function tenantOrgOf(event: RecordedEvent, dataOrgId: string | undefined): string | undefined {
  const tenantOrg = event.metadata.tenant?.orgId;
  if (tenantOrg !== undefined && dataOrgId !== undefined && tenantOrg !== dataOrgId) return undefined;
  return tenantOrg ?? dataOrgId;
}

/** The sharing policy an event sets, or undefined when it is not about 'restrict_sharing_outside_org'. */
export function policyChangeOf(event: RecordedEvent): SharingPolicyChange | undefined {
  if (event.type !== 'PolicyEnabled' && event.type !== 'PolicyDisabled') return undefined;
  const data = event.data as (PolicyEnabled | PolicyDisabled)['data'];
  if (data.policyKey !== SHARING_POLICY_KEY) return undefined;
  const orgId = tenantOrgOf(event, data.orgId);
  if (!orgId) return undefined;
  return { orgId, restrictSharingOutsideOrg: event.type === 'PolicyEnabled', position: event.position, occurredAt: event.occurredAt };
}

/** What a batch writes: every record it changed (latest state), its history entries, and policy changes. */
export interface ProjectedBatch {
  records: SharingHubRecord[];
  history: SharingHistoryEntry[];
  policies: SharingPolicyChange[];
}

/**
 * Applies events in order to the records loaded for them (keyed by `keyOf`). Pure: the input map
 * is left untouched. Events already applied to a record change nothing and add no history.
 */
export function projectBatch(events: readonly RecordedEvent[], loaded: ReadonlyMap<string, SharingHubRecord>): ProjectedBatch {
  const records = new Map(loaded);
  const changed = new Set<string>();
  const history: SharingHistoryEntry[] = [];
  const policies = new Map<string, SharingPolicyChange>();
  for (const event of events) {
    const policy = policyChangeOf(event);
    if (policy) {
      const before = policies.get(policy.orgId);
      if (!before || policy.position > before.position) policies.set(policy.orgId, policy);
      continue;
    }
    const key = recordKeyOf(event);
    if (!key) continue;
    const k = keyOf(key);
    const applied = applyEvent(records.get(k), event);
    if (!applied) continue;
    records.set(k, applied.record);
    changed.add(k);
    history.push(applied.history);
  }
  return { records: [...changed].map((k) => records.get(k)!), history, policies: [...policies.values()] };
}
