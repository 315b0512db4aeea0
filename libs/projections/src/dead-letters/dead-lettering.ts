import { RecordedEvent } from '@app/event-store';
import { setTimeout as sleep } from 'node:timers/promises';
import { isTransientFailure, MalformedEventError } from '../shared/projection-errors';
import { Projector } from '../shared/projector';
import { DeadLetterStore } from './dead-letter.store';

export interface DeadLetteringOptions {
  deadLetters: DeadLetterStore;
  /** Tries of one event on its own before it is dead-lettered (a MalformedEventError: one). */
  attempts?: number;
  /** Wait before the second try of an event on its own; doubles for each further try. */
  backoffMs?: number;
  logger: { warn(message: string): void; error(message: string): void };
}

/** A projector that can step past an event it does not apply. */
type SkippingProjector = Projector & Required<Pick<Projector, 'advanceTo'>>;

/**
 * Applies a batch so that one event a view cannot apply does not stop the view. The rule:
 *
 * - the batch fails with a *transient* failure (the read store or the event store is down,
 *   busy or full; see isTransientFailure): rethrown, so the runner backs off and retries from
 *   its checkpoint, as long as it takes. Nothing is dead-lettered while an engine is down;
 * - it fails otherwise: its events are applied one by one. An event that fails on its own is
 *   tried again (`attempts` in all, with backoff) unless its failure is transient (rethrown as
 *   above) or a MalformedEventError (deterministic: no retries). When it still fails, it is
 *   dead-lettered: recorded in the read store itself (so if that store cannot write, this
 *   throws and the runner retries instead), logged at error level, and the view's checkpoint
 *   moves past it. The events after it are applied as usual.
 *
 * A projector without `advanceTo` cannot step past an event: its batches are applied as before.
 */
export async function applyOrDeadLetter(projector: Projector, batch: RecordedEvent[], options: DeadLetteringOptions): Promise<void> {
  try {
    await projector.applyBatch(batch);
    return;
  } catch (error) {
    if (isTransientFailure(error) || !canSkip(projector)) throw error;
    if (batch.length > 1) options.logger.warn(`a batch of ${batch.length} events failed (${messageOf(error)}); applying them one by one`);
    if (batch.length === 1) return deadLetterUnlessApplied(projector, batch[0], options, error);
  }
  for (const event of batch) await applyAlone(projector as SkippingProjector, event, options);
}

async function applyAlone(projector: SkippingProjector, event: RecordedEvent, options: DeadLetteringOptions): Promise<void> {
  try {
    await projector.applyBatch([event]);
  } catch (error) {
    if (isTransientFailure(error)) throw error;
    await deadLetterUnlessApplied(projector, event, options, error);
  }
}

/** After a first failure of the event on its own: the remaining tries, then the dead letter. */
async function deadLetterUnlessApplied(projector: Projector, event: RecordedEvent, options: DeadLetteringOptions, first: unknown): Promise<void> {
  const attempts = first instanceof MalformedEventError ? 1 : options.attempts ?? 3;
  let error = first;
  let tried = 1;
  for (; tried < attempts; tried++) {
    await sleep((options.backoffMs ?? 100) * 2 ** (tried - 1));
    try {
      await projector.applyBatch([event]);
      return;
    } catch (again) {
      if (isTransientFailure(again)) throw again;
      error = again;
    }
  }
  await options.deadLetters.record({
    projector: projector.name,
    position: event.position,
    eventId: event.id,
    eventType: event.type,
    error: messageOf(error),
    failedAt: new Date().toISOString(),
    attempts: tried,
  });
  await (projector as SkippingProjector).advanceTo(event.position);
  options.logger.error(
    `dead-lettered event ${event.id} (${event.type}) at position ${event.position} after ${tried} attempt(s), and went on: ${messageOf(error)}`,
  );
}

function canSkip(projector: Projector): projector is SkippingProjector {
  return typeof projector.advanceTo === 'function';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
}
