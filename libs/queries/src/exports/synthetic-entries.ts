import { ActivityEntry, toActivityEntry } from '@app/projections';

/** An event as the store records it: what the activity-log projection takes. */
type RecordedEvent = Parameters<typeof toActivityEntry>[0];

/** Where a run of synthetic MSP Activity Log entries lives: one MSP, evenly spread in time. */
export interface SyntheticRun {
  mspId: string;
  /** occurredAt of entry 0, in ms since the epoch; entry i is later by i × stepMs (ties: see `tiesPer`). */
  startMs: number;
  stepMs: number;
  /** Entries sharing one timestamp (keyset ties); 1 by default. */
  tiesPer?: number;
  /** Global position of entry 0; entry i is at positionBase + i. */
  positionBase: bigint;
  idPrefix: string;
}

const KINDS = ['MspSignInSucceeded', 'OrganizationRenamed', 'MspMemberInvited', 'MspSettingChanged'] as const;

/**
 * Entry i of a deterministic run: real MSP events (sign-ins, organization renames, invitations,
 * setting changes) turned into log lines by the projection itself, so that summaries, targets
 * and redaction are the real ones. For tests and the export benchmark.
 */
export function syntheticEntry(run: SyntheticRun, i: number): ActivityEntry {
  const kind = KINDS[i % KINDS.length];
  const member = i % 37;
  const org = i % 101;
  const occurredAt = new Date(run.startMs + Math.floor(i / (run.tiesPer ?? 1)) * run.stepMs).toISOString();
  const admin = { type: 'member' as const, id: `admin-${member}`, email: `admin${member}@${run.mspId}.example`, name: `Admin ${member}`, role: 'msp_admin' };
  const [data, actor, orgId, streamId] = ((): [Record<string, unknown>, RecordedEvent['metadata']['actor'], string | undefined, string] => {
    switch (kind) {
      case 'MspSignInSucceeded':
        return [{ mspId: run.mspId, memberId: admin.id, email: admin.email }, { type: 'service', id: 'sign-in-service' }, undefined, `msp-member-${admin.id}`];
      case 'OrganizationRenamed':
        return [{ organizationId: `org-${org}`, previousName: `Customer ${org}`, newName: `Customer ${org} Ltd (${i})` }, admin, `org-${org}`, `organization-org-${org}`];
      case 'MspMemberInvited':
        return [{ memberId: `invitee-${i}`, email: `invitee${i}@${run.mspId}.example`, name: `Invitee ${i}`, role: 'msp_member' }, admin, undefined, `msp-${run.mspId}`];
      default:
        return [{ mspId: run.mspId, key: 'sessionTimeoutMinutes', oldValue: 30 + (i % 60), newValue: 31 + (i % 60) }, admin, undefined, `msp-settings-${run.mspId}`];
    }
  })();
  const event: RecordedEvent = {
    id: `${run.idPrefix}-${i}`,
    type: kind,
    schemaVersion: 1,
    streamId,
    revision: BigInt(i),
    position: run.positionBase + BigInt(i),
    occurredAt,
    data,
    metadata: {
      actor,
      tenant: { mspId: run.mspId, ...(orgId && { orgId }) },
      client: { ip: `203.0.113.${i % 250}`, userAgent: 'Mozilla/5.0 (synthetic)' },
      correlationId: `${run.idPrefix}-c-${i}`,
    },
  };
  const entry = toActivityEntry(event);
  if (!entry) throw new Error(`${kind} is not an Activity Log event`);
  return entry;
}

/** Entries [start, end) of a run, in ascending i. */
export function syntheticEntries(run: SyntheticRun, start: number, end: number): ActivityEntry[] {
  return Array.from({ length: end - start }, (_, k) => syntheticEntry(run, start + k));
}
