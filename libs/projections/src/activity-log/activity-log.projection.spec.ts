import { v7 as uuidv7 } from 'uuid';
import { Actor, ClientInfo, RecordedEvent } from '@app/event-store';
import { toActivityEntry } from './activity-log.projection';

const SERVICE: Actor = { type: 'service', id: 'sign-in-service', role: 'service' };
const MIA: Actor = { type: 'member', id: 'mia', email: 'mia@acme.example', role: 'org_member' };
const SERVICE_CLIENT: ClientInfo = { ip: '10.0.0.5', userAgent: 'sign-in-service/2.3' };

function recorded(type: string, data: Record<string, unknown>, actor: Actor, client: ClientInfo = SERVICE_CLIENT): RecordedEvent {
  return {
    id: uuidv7(),
    type,
    schemaVersion: 1,
    streamId: 'orgMember-org-1/mia',
    revision: 0n,
    position: 1n,
    occurredAt: '2026-06-01T00:00:00.000Z',
    data,
    metadata: { actor, tenant: { orgId: 'org-1' }, client },
  };
}

const mia = { orgId: 'org-1', memberId: 'mia', email: 'mia@acme.example' };
const member = { ip: '2001:db8::7', userAgent: 'Firefox/128' };

describe('toActivityEntry: whose client an entry shows', () => {
  it.each(['MemberSignInSucceeded', 'MemberSignInFailed', 'AdminPanelAccessed', 'VaultAccessed'])(
    'shows the member’s client on %s recorded for them by a service, not the service’s',
    (type) => {
      const entry = toActivityEntry(recorded(type, { ...mia, ...member, reason: 'wrong_password' }, SERVICE))!;
      expect(entry.initiator).toMatchObject({ type: 'member', id: 'mia' });
      expect({ ip: entry.ip, userAgent: entry.userAgent }).toEqual(member);
    },
  );

  it.each(['MspSignInSucceeded', 'MspSignInFailed'])('does the same for an MSP member’s %s', (type) => {
    const data = { memberId: 'ivy', mspId: 'msp-1', email: 'ivy@msp.example', ...member, reason: 'mfa_failed' };
    const entry = toActivityEntry(recorded(type, data, SERVICE))!;
    expect(entry.initiator.id).toBe('ivy');
    expect({ ip: entry.ip, userAgent: entry.userAgent }).toEqual(member);
  });

  it('shows no client rather than the service’s when the service gave none', () => {
    const entry = toActivityEntry(recorded('MemberSignInSucceeded', mia, SERVICE))!;
    expect({ ip: entry.ip, userAgent: entry.userAgent }).toEqual({ ip: null, userAgent: null });
  });

  it('shows the request’s client when the member recorded it themselves', () => {
    const own: ClientInfo = { ip: '198.51.100.7', userAgent: 'panel' };
    const entry = toActivityEntry(recorded('AdminPanelAccessed', mia, MIA, own))!;
    expect({ ip: entry.ip, userAgent: entry.userAgent }).toEqual(own);
  });

  it('shows the request’s client for an event its actor did in person', () => {
    const entry = toActivityEntry(recorded('MemberMfaEnabled', mia, MIA, { ip: '198.51.100.8' }))!;
    expect({ ip: entry.ip, userAgent: entry.userAgent }).toEqual({ ip: '198.51.100.8', userAgent: null });
  });
});
