import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';
import { AuthenticatedRequest, Principal } from '@app/auth';

/** Fixed namespace of the name-based (v5) ids derived from an Idempotency-Key. */
const NAMESPACE = '6f1c1d3e-4a4b-5c7e-9e2f-1a2b3c4d5e6f';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** Keys belong to the principal who sent them: the same key of another principal is another key. */
export function idempotencyScope(principal: Principal): string {
  return [principal.subject, principal.mspId ?? '', principal.orgId ?? ''].join('|');
}

/**
 * What makes a keyed request this request and no other: the principal's scope, the key, the verb
 * and the route. A retry has the same seed, so everything derived from it comes out the same.
 * Undefined without a (well-formed) key, or outside an authenticated write.
 */
export function idempotencySeed(request: AuthenticatedRequest): string | undefined {
  const key = request.header('idempotency-key');
  if (!request.context || !WRITES.has(request.method) || key === undefined || !IDEMPOTENCY_KEY_PATTERN.test(key)) return undefined;
  return JSON.stringify([idempotencyScope(request.context.principal), key, request.method, request.originalUrl]);
}

/** A UUID (v5) that only this seed and label give. */
export const derivedId = (seed: string, label: string): string => uuidv5(JSON.stringify([seed, label]), NAMESPACE);

/**
 * The ids of the events a keyed command writes, by their index in the append: on a retry they are
 * the same, so the executor finds the events a first attempt committed, and the store never takes
 * them twice.
 */
export interface CommandEventIds {
  eventId(index: number): string;
}

export function commandEventIds(seed: string): CommandEventIds {
  return { eventId: (index) => derivedId(seed, `event:${index}`) };
}

/**
 * The id of an aggregate the route creates (an organization, an item…): derived from the
 * Idempotency-Key when the request has one, so a retry names the same aggregate; a new UUID v7
 * otherwise. `label` tells two new ids of one route apart.
 */
export const NewId = createParamDecorator((label: string | undefined, host: ExecutionContext): string => {
  const seed = idempotencySeed(host.switchToHttp().getRequest<AuthenticatedRequest>());
  return seed ? derivedId(seed, `new:${label ?? 'id'}`) : uuidv7();
});
