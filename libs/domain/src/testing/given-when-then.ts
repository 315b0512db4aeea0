import { Decider, DomainEvent, fold } from '../shared/decider';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ErrorClass = new (...args: any[]) => Error;

/**
 * Decider tests read as specifications:
 *   given(decider, pastEvents).when(command).then(newEvents)
 *   given(decider, pastEvents).when(command).thenRefuses(Refused, /terminated/)
 */
export function given<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, past: E[] = []) {
  const state = fold(decider, past);
  return {
    when(command: C) {
      const run = () => decider.decide(command, state);
      return {
        then(expected: E[]): void {
          expect(run()).toEqual(expected);
        },
        thenRefuses(errorClass: ErrorClass, message?: RegExp | string): void {
          expect(run).toThrow(errorClass);
          if (message) expect(run).toThrow(message);
        },
      };
    },
  };
}
