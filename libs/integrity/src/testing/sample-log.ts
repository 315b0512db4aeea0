import { generateNoteKey } from '../checkpoint/note-keys';
import { AuditEventInput, InMemoryAuditLog, LinksIn, PrevAs } from './in-memory-audit-log';

export const ORIGIN = 'audit.example/activity-log';

/**
 * Three tenants: MSP m1 supervising organizations o1 and o2, and o3 on its own. Events of
 * o1 and o2 belong to their organization and to m1. A checkpoint every 37 events, the
 * signing key rotated halfway (the old key's checkpoints must still verify).
 */
export async function buildSampleLog(events = 300, linksIn: LinksIn = 'metadata', prevAs: PrevAs = 'index') {
  const oldKey = generateNoteKey(ORIGIN);
  const newKey = generateNoteKey(ORIGIN);
  const log = await InMemoryAuditLog.create(ORIGIN, [oldKey.signerKey], linksIn, prevAs);
  const tenants: Array<AuditEventInput['tenant']> = [
    { mspId: 'm1' },
    { mspId: 'm1', orgId: 'o1' },
    { mspId: 'm1', orgId: 'o2' },
    { orgId: 'o3' },
  ];
  let minute = 0;
  const time = () => new Date(Date.UTC(2024, 0, 1, 0, minute++)).toISOString();
  for (let i = 0; i < events; i++) {
    const tenant = tenants[(i * 7 + (i >> 3)) % tenants.length];
    await log.append({
      type: i % 5 === 0 ? 'ItemShared' : 'VaultAccessed',
      tenant,
      data: { n: i, note: `event ${i}` },
    });
    if (i === Math.floor(events / 2)) log.useSigners([newKey.signerKey]);
    if ((i + 1) % 37 === 0) log.checkpoint(time());
  }
  log.checkpoint(time());
  return { log, oldKey, newKey, trustedKeys: [newKey.verifierKey, oldKey.verifierKey] };
}
