import { Share } from '@app/domain';
import { Evolution, NewRecord } from './sharing-hub.rules';

/**
 * What a Sharing Hub rule made of an event's data, checked before it reaches a record: a rule
 * reads the data as its type declares it, and data of another shape (an old writer, a bad
 * token) would otherwise end up as a record the hub shows, or as a row the store refuses.
 * Each returns what is wrong, or undefined.
 */
export function problemInNewRecord(r: NewRecord): string | undefined {
  if (r.orgId !== undefined && !isText(r.orgId)) return 'orgId is not a string';
  if (!isText(r.ownerMemberId)) return 'ownerMemberId is not a string';
  if (r.ownerName !== undefined && r.ownerName !== null && typeof r.ownerName !== 'string') return 'ownerName is not a string';
  if (!isText(r.name)) return 'the name is not a string';
  if (r.itemType !== null && !isText(r.itemType)) return 'itemType is not a string';
  return problemInFolder(r.folder);
}

export function problemInEvolution(e: Evolution | undefined): string | undefined {
  if (!e) return undefined;
  const { name, owner, sharedWith, folder } = e.record;
  if (name !== undefined && !isText(name)) return 'the name is not a string';
  if (owner !== undefined && (!isRecord(owner) || !isText(owner.id))) return 'the owner has no id';
  if (owner && owner.name !== null && typeof owner.name !== 'string') return "the owner's name is not a string";
  if (sharedWith !== undefined && (!Array.isArray(sharedWith) || !sharedWith.every(isShare))) return 'a share names no principal or rights';
  if (folder !== undefined) {
    const problem = problemInFolder(folder);
    if (problem) return problem;
  }
  if (e.entry?.principal !== undefined && !isPrincipal(e.entry.principal)) return 'the principal is not a member or group';
  for (const rights of [e.entry?.rights, e.entry?.previousRights]) if (rights !== undefined && !isText(rights)) return 'the rights are not a string';
  return undefined;
}

function problemInFolder(folder: unknown): string | undefined {
  if (folder === null) return undefined;
  return isRecord(folder) && isText(folder.id) && isText(folder.name) ? undefined : 'the folder has no id or name';
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';
const isPrincipal = (p: unknown): boolean => isRecord(p) && isText(p.type) && isText(p.id) && typeof p.displayName === 'string';
const isShare = (s: unknown): s is Share => isRecord(s) && isPrincipal(s.principal) && isText(s.rights);
