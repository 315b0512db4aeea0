/** Why the domain refused a command; the HTTP layer maps each kind to its status code. */
export type DomainErrorKind = 'not_found' | 'conflict' | 'forbidden' | 'invalid';

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The aggregate does not exist, or not for this tenant (404: existence is not leaked). */
export class NotFound extends DomainError {
  readonly kind = 'not_found';
}

/** Refused by an invariant or a state machine (409). */
export class Refused extends DomainError {
  readonly kind = 'conflict';
}

/** The initiator may not do this to this aggregate, whatever its role allows in general (403). */
export class Forbidden extends DomainError {
  readonly kind = 'forbidden';
}

/** The command's content is wrong in a way only the domain can tell (400), e.g. a card number; names the field(s). */
export class InvalidInput extends DomainError {
  readonly kind = 'invalid';
  constructor(message: string, readonly field?: string, readonly otherFields: readonly string[] = []) {
    super(message);
  }
}
