import { DataKeys } from './data-keys';
import { PlaintextCache } from './plaintext-cache';
import { isToken, mayHoldToken, openToken, TOKEN_PATTERN, tokenKeyIds } from './personal-token';
import { pseudonymOf } from './subjects';

/** What a token that does not open under its own key (an altered byte) reads as. */
export const UNREADABLE = '[unreadable]';

/** Turns sealed values back into what the presenter shows. Synchronous: built once the keys a batch needs were loaded. */
export interface Reveal {
  <T>(value: T): T;
}

/**
 * Reveals every personal value inside a value (a string, or the strings of an object or array, at
 * any depth, a token inside a sentence too): clear text for a living member, the member's
 * pseudonym once erased. Only for keys loaded before (PersonalData.revealerFor); a token whose key
 * was not loaded is a bug of the caller, and throws.
 */
export class Revealer {
  readonly reveal: Reveal = <T>(value: T): T => this.deep(value) as T;

  constructor(
    private readonly keys: DataKeys,
    private readonly plaintext: PlaintextCache,
  ) {}

  text(value: string): string {
    if (!mayHoldToken(value)) return value;
    // Most sealed values are a whole token, most of them revealed before (a page read again): the cache
    // holds only whole tokens, so a value found there is one, and is answered without the pattern.
    if (this.plaintext.has(value) || isToken(value)) return this.open(value, value.slice(4, 28));
    return value.replace(TOKEN_PATTERN, (token, keyId: string, body: string) => this.open(token, keyId, body));
  }

  /** The key ids of every token inside these values, to load before revealing them. */
  keyIdsIn(values: readonly unknown[]): Set<string> {
    return keyIdsIn(values, (value) => this.plaintext.has(value));
  }

  /** The value revealed: arrays and plain objects copied only where something inside them changed. */
  private deep(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) {
      let out: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const revealed = this.deep(value[i]);
        if (revealed !== value[i]) (out ??= value.slice())[i] = revealed;
      }
      return out ?? value;
    }
    if (isPlainObject(value)) {
      let out: Record<string, unknown> | undefined;
      for (const k in value) {
        if (!Object.hasOwn(value, k)) continue;
        const revealed = this.deep(value[k]);
        if (revealed !== value[k]) (out ??= { ...value })[k] = revealed;
      }
      return out ?? value;
    }
    return value;
  }

  /** `body` is the token's when it is not given (a whole token). */
  private open(token: string, keyId: string, body?: string): string {
    const key = this.keys.subjectKey(keyId);
    if (key === undefined) throw new Error(`personal data of key ${keyId} was not loaded before revealing it`);
    if (key === 'absent') return pseudonymOf(keyId);
    const cached = this.plaintext.get(token);
    if (cached !== undefined) return cached;
    const text = openToken(key, keyId, body ?? token.slice(29, -1));
    if (text === undefined) return UNREADABLE;
    this.plaintext.set(token, text);
    return text;
  }
}

/** The key ids of every token inside these values; `known` a cheaper test than the pattern for a whole token seen before. */
export function keyIdsIn(values: readonly unknown[], known: (value: string) => boolean = () => false): Set<string> {
  const ids = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      if (!mayHoldToken(value)) return;
      if (known(value) || isToken(value)) ids.add(value.slice(4, 28));
      else tokenKeyIds(value, ids);
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (isPlainObject(value)) for (const k in value) if (Object.hasOwn(value, k)) walk(value[k]);
  };
  values.forEach(walk);
  return ids;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
