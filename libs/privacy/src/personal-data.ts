import { Subject, SubjectScope } from '@app/domain';
import { DataKeys } from './data-keys';
import { EmailIndex } from './email-index';
import { Erasure } from './erasure';
import { Reveal, Revealer } from './revealer';

/**
 * What the read side and the command side ask of personal data: reveal it (for a presenter, or a
 * decider in memory), find the members behind an email (the email filter), erase a member.
 */
export class PersonalData {
  private readonly revealer: Revealer;

  constructor(
    private readonly keys: DataKeys,
    revealer: Revealer,
    private readonly emails: EmailIndex,
    private readonly erasure: Erasure,
  ) {
    this.revealer = revealer;
  }

  /** A synchronous reveal for these values (and anything else whose keys were loaded): loads the keys they need first. */
  async revealerFor(...values: unknown[]): Promise<Reveal> {
    await this.keys.loadSubjects(this.revealer.keyIdsIn(values));
    return this.revealer.reveal;
  }

  async reveal<T>(value: T): Promise<T> {
    return (await this.revealerFor(value))(value);
  }

  /** The members of the scope that used this email (an erased member no longer does). */
  membersWithEmail(scope: SubjectScope, email: string): Promise<string[]> {
    return this.emails.membersWithEmail(scope, email);
  }

  erase(subject: Subject): Promise<boolean> {
    return this.erasure.erase(subject);
  }
}

/** What a presenter needs of PersonalData: a synchronous reveal for a batch. */
export type RevealerSource = Pick<PersonalData, 'revealerFor'>;
