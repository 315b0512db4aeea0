import { DomainEvent, MspMemberAccessEvent, mspAccessEventCategories } from '@app/domain';
import { TargetRef } from './event-describer';
import { mspAccessDescribers } from './msp-access.describers';

type Case<D> = { data: D; action: string; target: TargetRef; summary: string };
type Cases<E extends DomainEvent> = { [T in E['type']]: Case<Extract<E, { type: T }>['data']> };

const ownerView = { redact: false, initiatorName: 'Ivy Chen' };
const adminView = { redact: true, initiatorName: 'Ivy Chen' };

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
  it('describe every event type of the area, and the table covers them all', () => {
    const types = Object.keys(mspAccessEventCategories).sort();
    expect(Object.keys(mspAccessDescribers).sort()).toEqual(types);
    expect(Object.keys(cases).sort()).toEqual(types);
  });

  describe.each(Object.entries(cases))('%s', (type, c) => {
    const describer = mspAccessDescribers[type];

    it('reads as expected', () => {
      expect(describer.action).toBe(c.action);
      expect(describer.target(c.data)).toEqual(c.target);
      expect(describer.summary(c.data, ownerView)).toBe(c.summary);
    });

    it('concerns no vault item and reads the same for admins', () => {
      expect(describer.item?.(c.data) ?? null).toBeNull();
      expect(describer.summary(c.data, adminView)).toBe(c.summary);
      expect(c.summary).not.toMatch(/\.$/);
    });
  });

  it.each(['MspSignInSucceeded', 'MspSignInFailed'])(
    'names the member who signed in as the initiator of %s',
    (type) => {
      expect(mspAccessDescribers[type].initiator?.(cases[type as 'MspSignInFailed'].data)).toEqual({
        id: 'mem-ivy',
        email: 'ivy@northwind.example',
      });
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
