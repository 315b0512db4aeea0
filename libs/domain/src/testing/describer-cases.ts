import { DescriberMap, SummaryView, TargetRef } from '../catalog/event-describer';
import { DomainEvent } from '../shared/decider';

/** What one event type of an area is expected to read as. */
export type Case<D> = { data: D; action: string; target: TargetRef; summary: string };
/** One case per event type of the union, each typed against that event's data. */
export type Cases<E extends DomainEvent> = { [T in E['type']]: Case<Extract<E, { type: T }>['data']> };

export interface AreaDescriberOptions {
  /** Name of who did it, as the views read it (default 'Ann Lee'). */
  initiatorName?: string;
  /**
   * Whether each event is recorded by its own initiator, i.e. no describer names one
   * (default true). Areas where some describers name the initiator test that themselves.
   */
  ownInitiator?: boolean;
}

/** The views of an area: as its owner reads it, and as an organization admin (redacted) does. */
export const areaViews = (initiatorName = 'Ann Lee'): { ownerView: SummaryView; adminView: SummaryView } => ({
  ownerView: { redact: false, initiatorName },
  adminView: { redact: true, initiatorName },
});

/**
 * Registers, inside the current `describe`, the tests every area shares: its table of cases
 * covers every event type its describers know, and each case reads as expected, concerns no
 * vault item and reads the same for admins.
 */
export function describeAreaDescribers<E extends DomainEvent>(
  describers: DescriberMap,
  cases: Cases<E>,
  options: AreaDescriberOptions = {},
): void {
  const { ownerView, adminView } = areaViews(options.initiatorName);
  const ownInitiator = options.ownInitiator ?? true;

  it('describe every event type of the area, and the table covers them all', () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(describers).sort());
  });

  describe.each(Object.entries<Case<unknown>>(cases))('%s', (type, c) => {
    const describer = describers[type];

    it('reads as expected', () => {
      expect(describer.action).toBe(c.action);
      expect(describer.target(c.data)).toEqual(c.target);
      expect(describer.summary(c.data, ownerView)).toBe(c.summary);
    });

    if (ownInitiator) {
      it('concerns no vault item, is recorded by its own initiator, and reads the same for admins', () => {
        expect(describer.item?.(c.data) ?? null).toBeNull();
        expect(describer.initiator).toBeUndefined();
        expect(describer.summary(c.data, adminView)).toBe(c.summary);
        expect(c.summary).not.toMatch(/\.$/);
      });
    } else {
      it('concerns no vault item and reads the same for admins', () => {
        expect(describer.item?.(c.data) ?? null).toBeNull();
        expect(describer.summary(c.data, adminView)).toBe(c.summary);
        expect(c.summary).not.toMatch(/\.$/);
      });
    }
  });
}
