import { areaViews, Cases, describeAreaDescribers } from '../testing/describer-cases';
import { mspAccessDescribers } from './msp-access.catalog';
import { MspMemberAccessEvent } from './msp-member-access.events';

const { ownerView } = areaViews('Ivy Chen');

const ivy = { memberId: 'mem-ivy', email: 'ivy@northwind.example' };
const ivyTarget = { type: 'member', id: 'mem-ivy', name: 'ivy@northwind.example' };
const signIn = { ...ivy, mspId: 'msp-1', ip: '203.0.113.7', userAgent: 'Mozilla/5.0' };

const cases: Cases<MspMemberAccessEvent> = {
  MspSignInSucceeded: {
    data: signIn,
    action: 'Signed in',
    target: ivyTarget,
    summary: 'Ivy Chen signed in',
  },
  MspSignInFailed: {
    data: { ...signIn, reason: 'wrong_password' },
    action: 'Failed to sign in',
    target: ivyTarget,
    summary: 'Ivy Chen failed to sign in (wrong password)',
  },
  MspPasswordChanged: {
    data: ivy,
    action: 'Changed password',
    target: ivyTarget,
    summary: 'Ivy Chen changed their password',
  },
  MspTwoFactorEnabled: {
    data: { ...ivy, method: 'totp' },
    action: 'Enabled two-factor authentication',
    target: ivyTarget,
    summary: 'Ivy Chen enabled two-factor authentication (authenticator app)',
  },
  MspTwoFactorDisabled: {
    data: { ...ivy, method: 'webauthn' },
    action: 'Disabled two-factor authentication',
    target: ivyTarget,
    summary: 'Ivy Chen disabled two-factor authentication (security key)',
  },
};

describe('MSP access describers', () => {
  describeAreaDescribers(mspAccessDescribers, cases, {
    initiatorName: 'Ivy Chen',
    ownInitiator: false,
  });

  it.each(['MspSignInSucceeded', 'MspSignInFailed'])(
    'names the member who signed in, and the client they used, as the initiator of %s',
    (type) => {
      expect(mspAccessDescribers[type].initiator?.(cases[type as 'MspSignInFailed'].data)).toEqual({
        id: 'mem-ivy',
        email: 'ivy@northwind.example',
        client: { ip: '203.0.113.7', userAgent: 'Mozilla/5.0' },
      });
      expect(mspAccessDescribers[type].initiator?.({ ...ivy, mspId: 'msp-1', reason: 'wrong_password' })?.client).toEqual({ ip: null, userAgent: null });
    },
  );

  it.each(['MspPasswordChanged', 'MspTwoFactorEnabled', 'MspTwoFactorDisabled'])(
    'leaves the initiator of %s to the actor (the member acts in person)',
    (type) => expect(mspAccessDescribers[type].initiator).toBeUndefined(),
  );

  it.each([
    ['wrong_password', 'wrong password'],
    ['mfa_failed', 'two-factor check failed'],
    ['account_locked', 'account locked'],
    ['account_suspended', 'account suspended'],
  ])('reads the failure reason %s', (reason, label) => {
    expect(mspAccessDescribers.MspSignInFailed.summary({ ...signIn, reason }, ownerView)).toBe(
      `Ivy Chen failed to sign in (${label})`,
    );
  });

  it('reads an SMS second factor', () => {
    expect(mspAccessDescribers.MspTwoFactorEnabled.summary({ ...ivy, method: 'sms' }, ownerView)).toBe(
      'Ivy Chen enabled two-factor authentication (SMS)',
    );
  });
});
