import { Forbidden, NotFound, Refused } from '../shared/domain-errors';
import { Initiator } from '../shared/initiator';
import { given } from '../testing/given-when-then';
import { mspMemberAccessDecider as decider } from './msp-member-access.decider';
import { MspMemberAccessEvent } from './msp-member-access.events';

const mspId = 'msp-1';
const memberId = 'm-1';
const service: Initiator = { memberId: 'signin', role: 'service', mspId };
const self: Initiator = { memberId, role: 'msp_member', email: 'ivy@msp.test', mspId };
const colleague: Initiator = { ...self, memberId: 'm-2', role: 'msp_owner' };
const foreign: Initiator = { ...self, mspId: 'msp-2' };
const member = { memberId, email: 'ivy@msp.test' };

const signedIn: MspMemberAccessEvent = { type: 'MspSignInSucceeded', data: { ...member, mspId } };
const totpOn: MspMemberAccessEvent = { type: 'MspTwoFactorEnabled', data: { ...member, method: 'totp' } };
const totpOff: MspMemberAccessEvent = { type: 'MspTwoFactorDisabled', data: { ...member, method: 'totp' } };

describe('MSP member access decider', () => {
  describe('RecordMspSignInSuccess and RecordMspSignInFailure', () => {
    const success = { type: 'RecordMspSignInSuccess', memberId, email: 'ivy@msp.test', listStatus: 'active', by: service } as const;
    const failure = { type: 'RecordMspSignInFailure', memberId, email: 'ivy@msp.test', reason: 'wrong_password', listStatus: 'active', by: service } as const;
    it('records a first sign-in, with the member’s address, in the service token’s MSP', () =>
      given(decider).when({ ...success, ip: '203.0.113.7', userAgent: 'Firefox' })
        .then([{ type: 'MspSignInSucceeded', data: { ...member, mspId, ip: '203.0.113.7', userAgent: 'Firefox' } }]));
    it('records a failed sign-in with its reason', () =>
      given(decider, [signedIn]).when(failure).then([{ type: 'MspSignInFailed', data: { ...member, mspId, reason: 'wrong_password' } }]));
    it('follows a changed email', () =>
      given(decider, [{ type: 'MspSignInSucceeded', data: { ...member, mspId, email: 'old@msp.test' } }, signedIn])
        .when({ type: 'ChangeMspPassword', memberId, by: self })
        .then([{ type: 'MspPasswordChanged', data: member }]));
    it('answers not found for a member of another MSP, or a token without one', () => {
      given(decider, [signedIn]).when({ ...success, by: { ...service, mspId: 'msp-2' } }).thenRefuses(NotFound, /m-1 not found/);
      given(decider).when({ ...failure, by: { memberId: 's', role: 'service' } }).thenRefuses(NotFound);
    });
  });

  describe('the MSP’s member list: a sign-in is recorded only for a member it holds', () => {
    const success = { type: 'RecordMspSignInSuccess', memberId, email: 'ivy@msp.test', by: service } as const;
    it.each(['invited', 'active', 'suspended'] as const)('records for a member who is %s', (listStatus) =>
      given(decider).when({ ...success, listStatus }).then([{ type: 'MspSignInSucceeded', data: { ...member, mspId } }]));
    it.each([undefined, 'revoked', 'removed'] as const)('answers not found for a member %s: another MSP’s looks missing', (listStatus) => {
      given(decider).when({ ...success, listStatus }).thenRefuses(NotFound, 'Member m-1 not found in this MSP');
      given(decider).when({ ...success, type: 'RecordMspSignInFailure', reason: 'account_locked', listStatus }).thenRefuses(NotFound, /not found in this MSP/);
    });
  });

  describe('ChangeMspPassword', () => {
    const change = { type: 'ChangeMspPassword', memberId, by: self } as const;
    it('records a password change by the member', () =>
      given(decider, [signedIn]).when(change).then([{ type: 'MspPasswordChanged', data: member }]));
    it('forbids anyone else', () => given(decider, [signedIn]).when({ ...change, by: colleague }).thenRefuses(Forbidden, /their own/));
    it('answers not found for a member never signed in, or of another MSP', () => {
      given(decider).when(change).thenRefuses(NotFound);
      given(decider, [signedIn]).when({ ...change, by: foreign }).thenRefuses(NotFound);
    });
  });

  describe('EnableMspTwoFactor and DisableMspTwoFactor', () => {
    const enable = { type: 'EnableMspTwoFactor', memberId, method: 'totp', by: self } as const;
    const disable = { type: 'DisableMspTwoFactor', memberId, by: self } as const;
    it('enables two-factor with a method', () => given(decider, [signedIn]).when(enable).then([totpOn]));
    it('refuses to enable it twice', () =>
      given(decider, [signedIn, totpOn]).when({ ...enable, method: 'webauthn' }).thenRefuses(Refused, /already enabled \(totp\)/));
    it('disables it, naming the method it had', () => given(decider, [signedIn, totpOn]).when(disable).then([totpOff]));
    it('refuses to disable it when off', () => {
      given(decider, [signedIn]).when(disable).thenRefuses(Refused, /not enabled/);
      given(decider, [signedIn, totpOn, totpOff]).when(disable).thenRefuses(Refused, /not enabled/);
    });
    it('enables it again after disabling', () =>
      given(decider, [signedIn, totpOn, totpOff]).when({ ...enable, method: 'sms' })
        .then([{ type: 'MspTwoFactorEnabled', data: { ...member, method: 'sms' } }]));
    it('forbids anyone else', () => {
      given(decider, [signedIn]).when({ ...enable, by: colleague }).thenRefuses(Forbidden);
      given(decider, [signedIn, totpOn]).when({ ...disable, by: colleague }).thenRefuses(Forbidden);
    });
    it('answers not found for a member never signed in, or of another MSP', () => {
      given(decider).when(enable).thenRefuses(NotFound);
      given(decider, [signedIn, totpOn]).when({ ...disable, by: foreign }).thenRefuses(NotFound);
    });
  });
});
