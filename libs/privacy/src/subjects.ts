import { createHash } from 'node:crypto';
import { Subject, SubjectScope } from '@app/domain';
import { boundedMemo } from './bounded-memo';

/**
 * A subject's key id: the first 96 bits of SHA-256(`<scope>:<memberId>`), in hex. Derived, so
 * every process and every rebuild names the same key, and its first four hex digits are the
 * pseudonym the member is shown under once erased.
 */
export function subjectKeyId({ scope, memberId }: Subject): string {
  return subjectOf(scope, memberId).keyId;
}

export const PSEUDONYM_PREFIX = 'erased-member-';

/** What an erased member's personal values read as, everywhere: `erased-member-7f3a`. Stable across views and rebuilds. */
export function pseudonymOf(keyId: string): string {
  return `${PSEUDONYM_PREFIX}${keyId.slice(0, 4)}`;
}

/** The subject with its key id; the same object for every event of the member (read-only, like the ids it holds). */
export function subjectOf(scope: SubjectScope, memberId: string): Readonly<Subject & { keyId: string }> {
  return subjectNamed(`${scope}:${memberId}`, scope);
}

/**
 * Subjects met so far (ids only, nothing personal), by `<scope>:<memberId>`: every event of a
 * member names the same one. The member id is the rest of the name after the scope and its ':'.
 */
const subjectNamed = boundedMemo(100_000, (name: string, scope: SubjectScope): Readonly<Subject & { keyId: string }> =>
  Object.freeze({ scope, memberId: name.slice(scope.length + 1), keyId: createHash('sha256').update(name).digest('hex').slice(0, 24) }),
);

/** What a subject's wrapped key is bound to: a wrapped key moved to another row does not open. */
export const subjectKeyContext = (keyId: string) => `personal-data:${keyId}`;
