import { InvalidInput, NotFound, Refused } from '../shared/domain-errors';
import { Initiator } from '../shared/initiator';
import { given } from '../testing/given-when-then';
import { activityLogTokenDecider as decider } from './activity-log-token.decider';
import { ActivityLogTokenEvent } from './activity-log-token.events';

const orgId = 'org-1';
const tokenId = 'tok-1';
const now = '2025-03-01T10:00:00.000Z';
const by: Initiator = { memberId: 'm-1', role: 'org_owner', orgId };
const other: Initiator = { memberId: 'm-9', role: 'org_owner', orgId: 'org-2' };
const ref = { orgId, tokenId, name: 'SIEM export' };
const tokenHash = 'ab'.repeat(32);
const issued = { scope: 'admin' as const, tokenHash };
const created: ActivityLogTokenEvent = { type: 'ActivityLogTokenCreated', data: { ...ref, ...issued } };
const revoked: ActivityLogTokenEvent = { type: 'ActivityLogTokenRevoked', data: ref };

describe('Activity Log token decider', () => {
  describe('CreateActivityLogToken', () => {
    it('creates a token without expiry, keeping only its hash', () =>
      given(decider).when({ type: 'CreateActivityLogToken', tokenId, name: 'SIEM export', now, ...issued, by }).then([created]));
    it('records an owner-view token as such: the owner who creates it decides', () =>
      given(decider).when({ type: 'CreateActivityLogToken', tokenId, name: 'SIEM export', now, scope: 'owner', tokenHash, by })
        .then([{ type: 'ActivityLogTokenCreated', data: { ...ref, scope: 'owner', tokenHash } }]));
    it('creates a token with an expiry, normalized to UTC', () =>
      given(decider).when({ type: 'CreateActivityLogToken', tokenId, name: 'SIEM export', expiresAt: '2025-06-01T12:00:00+02:00', now, ...issued, by })
        .then([{ type: 'ActivityLogTokenCreated', data: { ...ref, expiresAt: '2025-06-01T10:00:00.000Z', ...issued } }]));
    it('rejects an expiry that is not a date or not in the future', () => {
      given(decider).when({ type: 'CreateActivityLogToken', tokenId, name: 'x', expiresAt: 'soon', now, ...issued, by }).thenRefuses(InvalidInput, /ISO-8601/);
      given(decider).when({ type: 'CreateActivityLogToken', tokenId, name: 'x', expiresAt: now, now, ...issued, by }).thenRefuses(InvalidInput, /in the future/);
    });
    it('rejects an unknown scope and anything but a SHA-256 as the hash', () => {
      given(decider).when({ type: 'CreateActivityLogToken', tokenId, name: 'x', now, scope: 'root' as never, tokenHash, by }).thenRefuses(InvalidInput, /scope/);
      given(decider).when({ type: 'CreateActivityLogToken', tokenId, name: 'x', now, scope: 'admin', tokenHash: 'alt_secret', by }).thenRefuses(InvalidInput, /SHA-256/);
    });
    it('refuses to create it twice', () =>
      given(decider, [created]).when({ type: 'CreateActivityLogToken', tokenId, name: 'x', now, ...issued, by }).thenRefuses(Refused, /already exists/));
    it('answers not found to an initiator without an organization', () =>
      given(decider).when({ type: 'CreateActivityLogToken', tokenId, name: 'x', now, ...issued, by: { memberId: 'x', role: 'msp_owner', mspId: 'm' } }).thenRefuses(NotFound));
  });

  describe('RevokeActivityLogToken', () => {
    it('revokes a token', () =>
      given(decider, [created]).when({ type: 'RevokeActivityLogToken', tokenId, by }).then([revoked]));
    it('revokes a token recorded before tokens were issued (no hash)', () =>
      given(decider, [{ type: 'ActivityLogTokenCreated', data: ref }]).when({ type: 'RevokeActivityLogToken', tokenId, by }).then([revoked]));
    it('refuses to revoke it twice', () =>
      given(decider, [created, revoked]).when({ type: 'RevokeActivityLogToken', tokenId, by }).thenRefuses(Refused, /already revoked/));
    it('answers not found for an unknown token', () =>
      given(decider).when({ type: 'RevokeActivityLogToken', tokenId, by }).thenRefuses(NotFound, /tok-1 not found/));
    it('answers not found to another organization', () =>
      given(decider, [created]).when({ type: 'RevokeActivityLogToken', tokenId, by: other }).thenRefuses(NotFound));
  });
});
