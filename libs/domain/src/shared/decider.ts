/** A fact as the domain sees it: the envelope (ids, positions, metadata) belongs to the store. */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  type: Type;
  data: Data;
}

/**
 * A pure aggregate: given its past events (folded with `evolve` from `initialState`),
 * `decide` answers a command with new events or throws a DomainError. No I/O, no clock:
 * anything time- or id-dependent arrives in the command.
 */
export interface Decider<Command, Event extends DomainEvent, State> {
  initialState: State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State): Event[];
}

export function fold<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, events: E[]): S {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState);
}
