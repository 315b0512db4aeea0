import { BUSINESS_AREA_DESCRIBERS } from '@app/domain';
import { typeErrorsIn } from '@test/support/type-errors';
import { SHARING_HUB_RULES, SharingHubRules } from './sharing-hub.rules';

describe('sharing hub rules', () => {
  it('say for every vault item and folder event of the domain what the hub does', () => {
    expect(Object.keys(SHARING_HUB_RULES).sort()).toEqual(Object.keys(BUSINESS_AREA_DESCRIBERS.vault).sort());
    const ignored = Object.entries(SHARING_HUB_RULES).filter(([, rule]) => rule === 'ignored');
    expect(ignored.map(([type]) => type)).toEqual(['ItemUsed']);
  });

  it('do not compile without an entry for an event, or with a rule that reads another event’s data', () => {
    const { ItemUsed, ...withoutItemUsed } = SHARING_HUB_RULES;
    // @ts-expect-error ItemUsed has no entry, not even 'ignored'
    const missing: SharingHubRules = withoutItemUsed;
    const misread: SharingHubRules = {
      ...SHARING_HUB_RULES,
      // @ts-expect-error ItemUsed carries no folderId
      ItemUsed: { kind: 'folder', id: (d) => d.folderId, evolve: () => undefined },
    };
    expect(ItemUsed).toBe('ignored');
    expect(Object.keys(missing)).not.toContain('ItemUsed');
    expect(misread.ItemUsed).not.toBe('ignored');
  });

  // A whole compile takes seconds, more on a busy machine: its own generous timeout.
  it('are held to that by the compiler: each expected error above does occur', () => {
    expect(typeErrorsIn([__filename])).toEqual([]);
  }, 120_000);
});
