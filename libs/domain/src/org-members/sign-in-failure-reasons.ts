export const SIGN_IN_FAILURE_REASONS = [
  'wrong_password',
  'wrong_mfa_code',
  'mfa_required',
  'account_suspended',
  'account_locked',
  'sso_failed',
] as const;

export type SignInFailureReason = (typeof SIGN_IN_FAILURE_REASONS)[number];

export function isSignInFailureReason(value: unknown): value is SignInFailureReason {
  return typeof value === 'string' && (SIGN_IN_FAILURE_REASONS as readonly string[]).includes(value);
}
