import { Forbidden, InvalidInput, NotFound, Refused } from '../shared/domain-errors';
import { Initiator } from '../shared/initiator';
import { given } from '../testing/given-when-then';
import { orgMemberAccessDecider as decider } from './org-member-access.decider';
import { OrgMemberAccessEvent } from './org-member-access.events';

const orgId = 'org-1';
const memberId = 'm-3';
const mia: Initiator = { memberId, role: 'org_member', email: 'mia@acme.test', name: 'Mia', orgId };
const colleague: Initiator = { memberId: 'm-2', role: 'org_admin', email: 'adam@acme.test', orgId };
const service: Initiator = { memberId: 'svc-sign-in', role: 'service', orgId };
const stranger: Initiator = { memberId, role: 'org_member', email: 'mia@acme.test', orgId: 'org-2' };
const who = { orgId, memberId, email: 'mia@acme.test', name: 'Mia' };

const accessed: OrgMemberAccessEvent = { type: 'AdminPanelAccessed', data: who };
const mfaOn: OrgMemberAccessEvent = { type: 'MemberMfaEnabled', data: who };

describe('Organization member access decider', () => {
  describe('RecordAdminPanelAccess and RecordVaultAccess', () => {
    it('records the member’s own access, named from the token', () =>
      given(decider).when({ type: 'RecordAdminPanelAccess', memberId, by: mia }).then([accessed]));
    it('records a vault access with the vault’s id and name', () =>
      given(decider).when({ type: 'RecordVaultAccess', memberId, vaultId: 'v-1', vaultName: 'Shared', by: mia })
        .then([{ type: 'VaultAccessed', data: { ...who, vaultId: 'v-1', vaultName: 'Shared' } }]));
    it('lets the service record it with the member’s email', () =>
      given(decider).when({ type: 'RecordVaultAccess', memberId, email: 'mia@acme.test', rosterStatus: 'active', by: service })
        .then([{ type: 'VaultAccessed', data: { orgId, memberId, email: 'mia@acme.test' } }]));
    it('lets the service omit the email once the member is known', () =>
      given(decider, [accessed]).when({ type: 'RecordAdminPanelAccess', memberId, rosterStatus: 'active', by: service }).then([accessed]));
    it('needs an email for a member it does not know yet', () =>
      given(decider).when({ type: 'RecordAdminPanelAccess', memberId, rosterStatus: 'active', by: service }).thenRefuses(InvalidInput, /email/));
    it('forbids recording it for another member', () => {
      for (const type of ['RecordAdminPanelAccess', 'RecordVaultAccess'] as const) {
        given(decider).when({ type, memberId, by: colleague }).thenRefuses(Forbidden);
      }
    });
    it('answers not found to another organization or an initiator without one', () => {
      given(decider, [accessed]).when({ type: 'RecordAdminPanelAccess', memberId, by: stranger }).thenRefuses(NotFound, /m-3 not found/);
      given(decider).when({ type: 'RecordAdminPanelAccess', memberId, by: { memberId, role: 'org_admin' } }).thenRefuses(NotFound);
    });
  });

  describe('RecordMemberSignInSuccess and RecordMemberSignInFailure', () => {
    it('records a successful sign-in', () =>
      given(decider).when({ type: 'RecordMemberSignInSuccess', memberId, email: 'mia@acme.test', name: 'Mia', rosterStatus: 'active', by: service })
        .then([{ type: 'MemberSignInSucceeded', data: who }]));
    it('records a failed sign-in with its reason', () =>
      given(decider, [accessed]).when({ type: 'RecordMemberSignInFailure', memberId, reason: 'wrong_mfa_code', rosterStatus: 'active', by: service })
        .then([{ type: 'MemberSignInFailed', data: { ...who, reason: 'wrong_mfa_code' } }]));
    it('keeps the member’s client as the service saw it', () =>
      given(decider).when({ type: 'RecordMemberSignInSuccess', memberId, email: 'mia@acme.test', ip: '2001:db8::7', userAgent: 'Firefox/128', rosterStatus: 'active', by: service })
        .then([{ type: 'MemberSignInSucceeded', data: { orgId, memberId, email: 'mia@acme.test', ip: '2001:db8::7', userAgent: 'Firefox/128' } }]));
    it('ignores a client in the body of a member recording for themselves: their own request is their client', () =>
      given(decider).when({ type: 'RecordAdminPanelAccess', memberId, ip: '192.0.2.99', userAgent: 'forged', by: mia }).then([accessed]));
    it('rejects a reason outside the fixed list', () =>
      given(decider, [accessed]).when({ type: 'RecordMemberSignInFailure', memberId, reason: 'bad_luck', rosterStatus: 'active', by: service })
        .thenRefuses(InvalidInput, /Unknown sign-in failure reason 'bad_luck'/));
    it('forbids anyone but the service to record sign-ins', () =>
      given(decider).when({ type: 'RecordMemberSignInSuccess', memberId, by: mia }).thenRefuses(Forbidden, /sign-in service/));
    it('answers not found to another organization', () =>
      given(decider, [accessed]).when({ type: 'RecordMemberSignInSuccess', memberId, by: { ...service, orgId: 'org-2' } }).thenRefuses(NotFound));
  });

  describe('EnableMemberMfa and DisableMemberMfa', () => {
    it('enables MFA, then disables it', () => {
      given(decider, [accessed]).when({ type: 'EnableMemberMfa', memberId, by: mia }).then([mfaOn]);
      given(decider, [mfaOn]).when({ type: 'DisableMemberMfa', memberId, by: mia }).then([{ type: 'MemberMfaDisabled', data: who }]);
    });
    it('refuses to enable it twice or to disable it when off', () => {
      given(decider, [mfaOn]).when({ type: 'EnableMemberMfa', memberId, by: mia }).thenRefuses(Refused, /already enabled/);
      given(decider).when({ type: 'DisableMemberMfa', memberId, by: mia }).thenRefuses(Refused, /not enabled/);
      given(decider, [mfaOn, { type: 'MemberMfaDisabled', data: who }]).when({ type: 'DisableMemberMfa', memberId, by: mia }).thenRefuses(Refused, /not enabled/);
    });
    it('forbids anyone but the member, the service included', () => {
      for (const by of [colleague, service]) {
        given(decider).when({ type: 'EnableMemberMfa', memberId, by }).thenRefuses(Forbidden, /Only the member may/);
      }
    });
    it('answers not found to another organization', () =>
      given(decider, [mfaOn]).when({ type: 'DisableMemberMfa', memberId, by: stranger }).thenRefuses(NotFound));
  });
  describe('the roster: recording for someone else needs a member the organization lists', () => {
    const signIn = { type: 'RecordMemberSignInSuccess', memberId, email: 'mia@acme.test', by: service } as const;
    it.each(['pending', 'active', 'suspended'] as const)('records for a member who is %s on the roster', (rosterStatus) =>
      given(decider).when({ ...signIn, rosterStatus }).then([{ type: 'MemberSignInSucceeded', data: { orgId, memberId, email: 'mia@acme.test' } }]));
    it.each([undefined, 'declined'] as const)('answers not found for a member %s on the roster: another organization’s looks missing', (rosterStatus) => {
      for (const type of ['RecordMemberSignInSuccess', 'RecordMemberSignInFailure', 'RecordAdminPanelAccess', 'RecordVaultAccess'] as const) {
        given(decider).when({ ...signIn, type, reason: 'wrong_password', rosterStatus }).thenRefuses(NotFound, 'Member m-3 not found in this organization');
      }
    });
    it('needs no roster for a member recording their own access: their token vouches for them', () =>
      given(decider).when({ type: 'RecordVaultAccess', memberId, by: mia }).then([{ type: 'VaultAccessed', data: who }]));
    it('still forbids a colleague, whatever the roster says', () =>
      given(decider).when({ type: 'RecordAdminPanelAccess', memberId, rosterStatus: 'active', by: colleague }).thenRefuses(Forbidden));
  });
});
