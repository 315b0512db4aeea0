import { DomainEvent } from '../shared/decider';

export const MSP_SIGN_IN_FAILURE_REASONS = ['wrong_password', 'mfa_failed', 'account_locked', 'account_suspended'] as const;
export const MSP_TWO_FACTOR_METHODS = ['totp', 'webauthn', 'sms'] as const;

export type MspSignInFailureReason = (typeof MSP_SIGN_IN_FAILURE_REASONS)[number];
export type MspTwoFactorMethod = (typeof MSP_TWO_FACTOR_METHODS)[number];

type Member = { memberId: string; email: string };
/** A sign-in may open the stream, so it carries the MSP; ip and userAgent are the member's, not the service's. */
type SignIn = Member & { mspId: string; ip?: string; userAgent?: string };

export type MspSignInSucceeded = DomainEvent<'MspSignInSucceeded', SignIn>;
export type MspSignInFailed = DomainEvent<'MspSignInFailed', SignIn & { reason: MspSignInFailureReason }>;
export type MspPasswordChanged = DomainEvent<'MspPasswordChanged', Member>;
export type MspTwoFactorEnabled = DomainEvent<'MspTwoFactorEnabled', Member & { method: MspTwoFactorMethod }>;
export type MspTwoFactorDisabled = DomainEvent<'MspTwoFactorDisabled', Member & { method: MspTwoFactorMethod }>;

export type MspMemberAccessEvent =
  | MspSignInSucceeded
  | MspSignInFailed
  | MspPasswordChanged
  | MspTwoFactorEnabled
  | MspTwoFactorDisabled;
