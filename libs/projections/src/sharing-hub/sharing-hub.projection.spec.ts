import { RecordedEvent } from '@app/event-store';
import { applyEvent, policyChangeOf, projectBatch, recordKeyOf } from './sharing-hub.projection';
import { keyOf, SharingHubRecord } from './sharing-hub.record';
import { ANN, BOB, OPS, Timeline } from './sharing-hub.test-events';

/** Folds events one by one, as separate batches would. */
function fold(events: RecordedEvent[], start: Map<string, SharingHubRecord> = new Map()) {
  const records = new Map(start);
  const history = [];
  for (const event of events) {
    const key = recordKeyOf(event);
    if (!key) continue;
    const applied = applyEvent(records.get(keyOf(key)), event);
    if (!applied) continue;
    records.set(keyOf(key), applied.record);
    history.push(applied.history);
  }
  return { records, history };
}

describe('sharing hub projection', () => {
  let t: Timeline;
  beforeEach(() => (t = new Timeline('org-1')));

  it('creates an item record with creator, owner, folder, tenant and timestamps', () => {
    const event = t.itemCreated('i1', 'Bank', { folderId: 'f1', folderName: 'Finance' });
    const applied = applyEvent(undefined, event)!;
    expect(applied.record).toEqual({
      kind: 'item',
      id: 'i1',
      orgId: 'org-1',
      mspId: 'msp-1',
      itemType: 'password',
      name: 'Bank',
      createdBy: { id: 'ann', name: 'Ann Archer', email: 'ann@acme.example' },
      createdAt: event.occurredAt,
      owner: { id: 'ann', name: 'Ann Archer' },
      sharedWith: [],
      folder: { id: 'f1', name: 'Finance' },
      deleted: false,
      deletedAt: null,
      updatedAt: event.occurredAt,
      lastPosition: event.position,
    });
    expect(applied.history).toEqual({
      eventId: event.id,
      position: event.position,
      occurredAt: event.occurredAt,
      orgId: 'org-1',
      recordId: 'i1',
      kind: 'item',
      change: 'created',
      by: { id: 'ann', name: 'Ann Archer', email: 'ann@acme.example' },
      details: { ownerId: 'ann', ownerName: 'Ann Archer', folderId: 'f1', folderName: 'Finance' },
    });
  });

  it('creates a folder record without item type or folder; an organization without MSP has mspId null', () => {
    const direct = new Timeline('org-2', undefined, null);
    const { record } = applyEvent(undefined, direct.folderCreated('f1', 'Finance'))!;
    expect(record).toMatchObject({ kind: 'folder', id: 'f1', orgId: 'org-2', mspId: null, itemType: null, name: 'Finance', folder: null });
    expect(record.owner).toEqual({ id: 'ann', name: 'Ann Archer' });
  });

  it('tracks shares, rights changes and revocations with their history', () => {
    const { records, history } = fold([
      t.itemCreated('i1'),
      t.itemShared('i1', BOB, 'view'),
      t.itemShared('i1', OPS, 'edit'),
      t.itemRightsChanged('i1', BOB, 'view', 'manage'),
      t.itemAccessRevoked('i1', OPS, 'edit'),
    ]);
    expect(records.get('item:i1')!.sharedWith).toEqual([{ principal: BOB, rights: 'manage' }]);
    expect(history.map((h) => [h.change, h.principal?.id, h.rights, h.previousRights])).toEqual([
      ['created', undefined, undefined, undefined],
      ['shared', 'bob', 'view', undefined],
      ['shared', 'ops', 'edit', undefined],
      ['rights_changed', 'bob', 'manage', 'view'],
      ['access_revoked', 'ops', undefined, 'edit'],
    ]);
  });

  it("drops the new owner's own share when the owner changes, as the domain does", () => {
    const { records, history } = fold([
      t.itemCreated('i1'),
      t.itemShared('i1', BOB, 'edit'),
      t.itemShared('i1', OPS, 'view'),
      t.itemOwnerChanged('i1', { id: 'bob', name: 'Bob Builder' }),
    ]);
    const record = records.get('item:i1')!;
    expect(record.owner).toEqual({ id: 'bob', name: 'Bob Builder' });
    expect(record.sharedWith).toEqual([{ principal: OPS, rights: 'view' }]);
    expect(history[3]).toMatchObject({
      change: 'owner_changed',
      details: {
        previousOwner: { id: 'ann', name: 'Ann Archer' },
        newOwner: { id: 'bob', name: 'Bob Builder' },
        droppedShare: { principal: BOB, rights: 'edit' },
      },
    });
  });

  it('tracks moves, renames, deletion and restoration; an update that keeps the name changes nothing', () => {
    const events = [
      t.itemCreated('i1', 'Bank'),
      t.itemMoved('i1', null, { id: 'f1', name: 'Finance' }),
      t.itemFieldsUpdated('i1'),
      t.itemUsed('i1'),
      t.itemRenamed('i1', 'Bank', 'Bank (old)'),
      t.itemDeleted('i1'),
    ];
    const { records, history } = fold(events);
    const record = records.get('item:i1')!;
    expect(record).toMatchObject({ name: 'Bank (old)', folder: { id: 'f1', name: 'Finance' }, deleted: true, deletedAt: events[5].occurredAt });
    expect(record.updatedAt).toBe(events[5].occurredAt);
    expect(history.map((h) => h.change)).toEqual(['created', 'moved', 'renamed', 'deleted']);
    expect(history[1].details).toEqual({ previousFolder: null, newFolder: { id: 'f1', name: 'Finance' } });
    expect(history[2].details).toEqual({ previousName: 'Bank', newName: 'Bank (old)' });

    const restore = t.itemRestored('i1');
    const restored = applyEvent(record, restore)!;
    expect(restored.record).toMatchObject({ deleted: false, deletedAt: null, updatedAt: restore.occurredAt, lastPosition: restore.position });
    expect(restored.history.change).toBe('restored');
    const out = applyEvent(restored.record, t.itemMoved('i1', { id: 'f1', name: 'Finance' }, null))!;
    expect(out.record.folder).toBeNull();
  });

  it('tracks folder shares, revocations and deletion', () => {
    const { records, history } = fold([
      t.folderCreated('f1'),
      t.folderShared('f1', OPS, 'manage'),
      t.folderShared('f1', BOB, 'view'),
      t.folderAccessRevoked('f1', OPS, 'manage'),
      t.folderDeleted('f1'),
    ]);
    expect(records.get('folder:f1')).toMatchObject({ sharedWith: [{ principal: BOB, rights: 'view' }], deleted: true });
    expect(history.map((h) => `${h.kind}:${h.change}`)).toEqual([
      'folder:created',
      'folder:shared',
      'folder:shared',
      'folder:access_revoked',
      'folder:deleted',
    ]);
  });

  it('changes nothing for an event at or below the record\'s lastPosition (idempotent replays)', () => {
    const created = t.itemCreated('i1');
    const share = t.itemShared('i1', BOB, 'view');
    const { record } = applyEvent(applyEvent(undefined, created)!.record, share)!;
    expect(applyEvent(record, share)).toBeUndefined();
    expect(applyEvent(record, created)).toBeUndefined();
    expect(applyEvent(record, { ...t.itemAccessRevoked('i1', BOB, 'view'), position: share.position - 1n })).toBeUndefined();
  });

  it('ignores events of another organization than the record, events before creation, and other types', () => {
    const { record } = applyEvent(undefined, t.itemCreated('i1'))!;
    const other = new Timeline('org-x', t.clock);
    expect(applyEvent(record, other.itemShared('i1', BOB, 'view'))).toBeUndefined();
    expect(applyEvent(undefined, t.itemShared('i2', BOB, 'view'))).toBeUndefined();
    const forged = t.itemCreated('i3');
    expect(applyEvent(undefined, { ...forged, data: { ...forged.data, orgId: 'org-x' } })).toBeUndefined();
    const renamed = t.event('OrganizationRenamed', 'organization-org-1', { orgId: 'org-1', name: 'X' });
    expect(recordKeyOf(renamed)).toBeUndefined();
    expect(applyEvent(record, renamed)).toBeUndefined();
    expect(recordKeyOf(t.itemUsed('i1'))).toBeUndefined();
    expect(applyEvent(record, t.itemUsed('i1'))).toBeUndefined();
  });

  it('reads the sharing policy from PolicyEnabled / PolicyDisabled of restrict_sharing_outside_org only', () => {
    const on = t.policy(true);
    expect(policyChangeOf(on)).toEqual({ orgId: 'org-1', restrictSharingOutsideOrg: true, position: on.position, occurredAt: on.occurredAt });
    expect(policyChangeOf(t.policy(false))).toMatchObject({ orgId: 'org-1', restrictSharingOutsideOrg: false });
    expect(policyChangeOf(t.policy(true, 'require_mfa'))).toBeUndefined();
    expect(policyChangeOf(t.itemCreated('i1'))).toBeUndefined();
  });

  describe('projectBatch', () => {
    it('gives the same records and history as event-by-event application, and keeps the latest policy per org', () => {
      const other = new Timeline('org-2', t.clock);
      const events = [
        t.itemCreated('i1'),
        other.folderCreated('f9'),
        t.policy(true),
        t.itemShared('i1', BOB, 'view'),
        other.policy(true),
        t.folderCreated('f1'),
        t.itemMoved('i1', null, { id: 'f1', name: 'Work' }),
        t.policy(false),
        t.event('MemberInvited', 'orgMember-x', { orgId: 'org-1' }),
      ];
      const batch = projectBatch(events, new Map());
      const expected = fold(events);
      expect(new Map(batch.records.map((r) => [keyOf(r), r]))).toEqual(expected.records);
      expect(batch.history).toEqual(expected.history);
      expect(batch.policies.map((p) => [p.orgId, p.restrictSharingOutsideOrg])).toEqual([
        ['org-1', false],
        ['org-2', true],
      ]);
    });

    it('continues from loaded records, never mutates them, and re-applying a batch over its result adds nothing', () => {
      const first = projectBatch([t.itemCreated('i1')], new Map());
      const loaded = new Map(first.records.map((r) => [keyOf(r), r]));
      const snapshot = structuredClone([...loaded]);
      const events = [t.itemShared('i1', BOB, 'view'), t.itemShared('i1', OPS, 'edit')];
      const second = projectBatch(events, loaded);
      expect([...loaded]).toEqual(snapshot);
      expect(second.records).toHaveLength(1);
      expect(second.records[0].sharedWith).toHaveLength(2);
      expect(second.history).toHaveLength(2);

      const replay = projectBatch(events, new Map(second.records.map((r) => [keyOf(r), r])));
      expect(replay).toEqual({ records: [], history: [], policies: [] });
    });

    it('keeps the creator apart from the owner after a transfer', () => {
      const batch = projectBatch(
        [t.itemCreated('i1', 'Bank', { actor: { ...ANN, name: undefined } }), t.itemOwnerChanged('i1', { id: 'bob', name: 'Bob Builder' })],
        new Map(),
      );
      expect(batch.records[0].createdBy).toEqual({ id: 'ann', name: 'ann', email: 'ann@acme.example' });
      expect(batch.records[0].owner).toEqual({ id: 'bob', name: 'Bob Builder' });
    });
  });
});
