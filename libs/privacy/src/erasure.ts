import { Logger } from '@nestjs/common';
import { ERASURE_EVENT_TYPES, memberScopeOf, Subject } from '@app/domain';
import { EventStore, RecordedEvent, Subscription } from '@app/event-store';
import { DataKeys } from './data-keys';
import { EmailIndex } from './email-index';
import { KeyStore } from './key-store/key-store.port';
import { PlaintextCache } from './plaintext-cache';
import { subjectOf } from './subjects';

/** Deletes a member's key (and their email-filter entries), and forgets it in this process. Idempotent. */
export class Erasure {
  constructor(
    private readonly store: KeyStore,
    private readonly keys: DataKeys,
    private readonly plaintext: PlaintextCache,
    private readonly emails: EmailIndex,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** True when a key was deleted now (false: already erased, or never had one). */
  async erase({ scope, memberId }: Subject): Promise<boolean> {
    const subject = subjectOf(scope, memberId);
    const deleted = await this.store.eraseSubject(subject, this.now().toISOString());
    this.forget(subject.keyId);
    return deleted;
  }

  /** Another process erased it: drop what this one holds. */
  forget(keyId: string): void {
    this.keys.forgetSubject(keyId);
    this.plaintext.dropKey(keyId);
    this.emails.forget(keyId);
  }

  /** Completes erasures a crash cut short (a key left beside its tombstone). */
  sweep(): Promise<number> {
    return this.store.sweepErased();
  }
}

/** Whose data an erasure event erased: the member it names, in the scope of the event's tenant. */
export function erasedSubjectOf(event: RecordedEvent): Subject | undefined {
  if (!(ERASURE_EVENT_TYPES as readonly string[]).includes(event.type)) return undefined;
  const memberId = (event.data as { memberId?: unknown }).memberId;
  const scope = memberScopeOf(event.metadata?.tenant ?? {});
  return scope && typeof memberId === 'string' && memberId !== '' ? { scope, memberId } : undefined;
}

export const ERASURE_CHECKPOINT = 'erasure-checkpoint';

/**
 * Follows the erasure events of the store, in every process that holds keys: the event is
 * written first and the key deleted after, so a process that died in between deletes it when it
 * starts again (from the checkpoint kept in the key store), and every other process drops the key
 * from its memory as soon as it sees the event.
 */
export class ErasureFollower {
  private readonly logger = new Logger('Erasure');
  private subscription: Subscription | undefined;
  private loop: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly events: EventStore,
    private readonly store: KeyStore,
    private readonly erasure: Erasure,
    private readonly retryMs = 1000,
  ) {}

  start(): void {
    this.stopped = false;
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.subscription?.stop();
    await this.loop;
    this.loop = undefined;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.erasure.sweep();
        await this.follow();
      } catch (error) {
        if (this.stopped) return;
        this.logger.error(`following erasures failed, retrying in ${this.retryMs} ms: ${error instanceof Error ? error.message : String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, this.retryMs));
      }
    }
  }

  private async follow(): Promise<void> {
    const stored = await this.store.getMeta(ERASURE_CHECKPOINT);
    const subscription = this.events.subscribeToAll({
      fromPosition: stored === undefined ? undefined : BigInt(stored),
      filter: { eventTypePrefixes: [...ERASURE_EVENT_TYPES] },
    });
    this.subscription = subscription;
    if (this.stopped) await subscription.stop();
    for await (const event of subscription) {
      const subject = erasedSubjectOf(event);
      if (subject) await this.erasure.erase(subject);
      await this.advance(event.position);
    }
  }

  private async advance(position: bigint): Promise<void> {
    const stored = await this.store.getMeta(ERASURE_CHECKPOINT);
    if (stored === undefined || BigInt(stored) < position) await this.store.setMeta(ERASURE_CHECKPOINT, position.toString());
  }
}
