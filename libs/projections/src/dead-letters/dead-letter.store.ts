/** An event a view could not apply: the view went on past it, and this says which and why. */
export interface DeadLetter {
  /** The view (projector name) that could not apply the event. */
  projector: string;
  position: bigint;
  eventId: string;
  eventType: string;
  /** The last error's message, cut to ERROR_MESSAGE_LIMIT characters. */
  error: string;
  /** When it was dead-lettered, ISO-8601 UTC. */
  failedAt: string;
  /** How many times it was tried on its own. */
  attempts: number;
}

export const ERROR_MESSAGE_LIMIT = 2000;

/** Dead letters of every view, in the read store beside the views themselves. */
export interface DeadLetterStore {
  /** Records (or replaces) the dead letter of this view and event. */
  record(letter: DeadLetter): Promise<void>;
  /** Oldest first by view, then position; only one view's when given. */
  list(query?: { projector?: string; limit?: number }): Promise<DeadLetter[]>;
  /** How many each view has; views without any are absent. */
  counts(): Promise<Record<string, number>>;
  remove(projector: string, eventId: string): Promise<void>;
  /** Forgets a view's dead letters (its rebuild replays those events). */
  clear(projector: string): Promise<void>;
}

export const DEAD_LETTER_STORE = Symbol('DEAD_LETTER_STORE');

export function cutErrorMessage(message: string): string {
  return message.length > ERROR_MESSAGE_LIMIT ? `${message.slice(0, ERROR_MESSAGE_LIMIT - 1)}…` : message;
}
