import type { JWTPayload } from 'jose';
import { isMachineRole, isPanelRole, MEMBER_ID_PATTERN } from '@app/domain';
import { AuthenticationError } from './auth.errors';
import { Principal } from './principal';

/** A plausible address: no spaces or control characters, one @, a dot in the domain. */
const EMAIL = /^[^\s@\p{Cc}]{1,64}@[^\s@\p{Cc}]+\.[^\s@\p{Cc}]+$/u;
const CONTROL = /\p{Cc}/u;

interface ClaimRule {
  maxLength: number;
  /** Why a value of the right type is refused, or undefined when it is fine. */
  problem(value: string): string | undefined;
}

const idShaped: ClaimRule = {
  maxLength: 128,
  problem: (v) => (MEMBER_ID_PATTERN.test(v) ? undefined : 'must be 1 to 128 letters, digits or . _ : @ -'),
};

const RULES = {
  sub: idShaped,
  email: { maxLength: 254, problem: (v: string) => (EMAIL.test(v) ? undefined : 'must be an email address') },
  name: { maxLength: 200, problem: (v: string) => (CONTROL.test(v) ? 'must not contain control characters' : undefined) },
  mspId: idShaped,
  orgId: idShaped,
} satisfies Record<string, ClaimRule>;

/**
 * The principal a verified token names, every claim checked for type, size and shape (401
 * naming the claim otherwise): a token signed by the identity service is still input, and its
 * claims end up in events. Optional claims that are absent or empty are left out.
 */
export function principalClaims(payload: JWTPayload): Principal {
  const subject = claim(payload, 'sub');
  if (subject === undefined) throw new AuthenticationError("token has no 'sub' claim");
  const { role } = payload;
  // Machine roles belong to the API's own credentials (keys, Activity Log tokens), never to a panel token.
  if (isMachineRole(role)) throw new AuthenticationError("token claims a role only API credentials have (claim 'role')");
  if (!isPanelRole(role)) throw new AuthenticationError("token has an unknown role (claim 'role')");
  return {
    subject,
    role,
    email: claim(payload, 'email'),
    name: claim(payload, 'name'),
    mspId: claim(payload, 'mspId'),
    orgId: claim(payload, 'orgId'),
  };
}

function claim(payload: JWTPayload, name: keyof typeof RULES): string | undefined {
  const value = payload[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new AuthenticationError(`token claim '${name}' must be a string`);
  const rule: ClaimRule = RULES[name];
  if (value.length > rule.maxLength) throw new AuthenticationError(`token claim '${name}' must not exceed ${rule.maxLength} characters`);
  const problem = rule.problem(value);
  if (problem) throw new AuthenticationError(`token claim '${name}' ${problem}`);
  return value;
}
