import { EVENT_TYPES } from '@app/domain';
import { DESCRIBERS } from './index';

describe('DESCRIBERS', () => {
  it('describe every event type of the catalog, and nothing else', () => {
    expect(Object.keys(DESCRIBERS).sort()).toEqual([...EVENT_TYPES].sort());
  });

  it('give every describer an action label', () => {
    for (const [type, describer] of Object.entries(DESCRIBERS)) expect([type, describer.action.length > 0]).toEqual([type, true]);
  });
});
