import { revealUnsealed } from '@app/privacy/testing/privacy.testing';
import { EVENT_TYPES } from '@app/domain';
import { CATALOG_SAMPLES } from '@app/domain/testing/catalog-samples';
import { catalogEvents } from '../testing/catalog-events';
import { toActivityEntry } from './activity-log.projection';
import { AUDIENCES, audienceOfRole } from './audience';
import { viewEvent } from './audience-view';
import { presentEntry } from './present-entry';

const tenant = { mspId: 'msp-1', orgId: 'org-sample' };
const events = catalogEvents(tenant);

describe('viewEvent: what an audience may see of an event, on every channel', () => {
  it('has a sample event for every event type of the catalog', () => {
    expect(CATALOG_SAMPLES.map(([type]) => type).sort()).toEqual([...EVENT_TYPES].sort());
  });

  describe.each(events.map(({ event, hidden }) => [event.type, event, hidden] as const))('%s', (_type, event, hidden) => {
    it('is the routing fields and the line as the log queries present the stored line', () => {
      for (const audience of AUDIENCES) {
        expect(viewEvent(event, audience, revealUnsealed)).toEqual({
          id: event.id,
          type: event.type,
          schemaVersion: 1,
          streamId: event.streamId,
          revision: '0',
          position: event.position.toString(),
          occurredAt: event.occurredAt,
          tenant,
          entry: presentEntry(toActivityEntry(event)!, audience, revealUnsealed),
        });
      }
    });

    it('never carries the data or the raw actor, and hides item and folder names and types from the MSP and admins', () => {
      for (const audience of ['msp', 'org_admin'] as const) {
        const text = JSON.stringify(viewEvent(event, audience, revealUnsealed));
        expect(viewEvent(event, audience, revealUnsealed)).not.toHaveProperty('data');
        expect(text).not.toMatch(/"metadata"/);
        for (const secret of hidden) expect([audience, text.includes(secret)]).toEqual([audience, false]);
      }
    });

    if (hidden.length > 0) {
      it('shows the owner what it hides from others', () => {
        const text = JSON.stringify(viewEvent(event, 'org_owner', revealUnsealed));
        expect(hidden.some((secret) => text.includes(secret))).toBe(true);
      });
    }
  });

  it('shows nothing of an event the Activity Log does not show', () => {
    expect(viewEvent({ ...events[0].event, type: 'SomethingInternal' }, 'msp', revealUnsealed)).toBeUndefined();
  });
});

describe('audienceOfRole', () => {
  it.each([
    ['msp_owner', 'msp'], ['msp_admin', 'msp'], ['msp_member', 'msp'],
    ['org_owner', 'org_owner'], ['org_admin', 'org_admin'], ['org_member', 'org_admin'], ['service', 'org_admin'],
    ['msp_api_client', 'msp'], ['org_api_token_owner', 'org_owner'], ['org_api_token_admin', 'org_admin'],
  ] as const)('reads %s as the %s audience', (role, audience) => {
    expect(audienceOfRole(role)).toBe(audience);
  });
});
