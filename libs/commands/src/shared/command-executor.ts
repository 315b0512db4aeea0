import { Inject, Injectable } from '@nestjs/common';
import { Decider, DomainEvent, Refused } from '@app/domain';
import { EVENT_STORE, EventStore, RecordedEvent, Tenant, WrongExpectedRevisionError } from '@app/event-store';
import { eventMetadata, RequestContext } from '@app/auth';
import { CommandResultDto } from './command-result.dto';

export interface Execution<C, E extends DomainEvent, S> {
  decider: Decider<C, E, S>;
  aggregateId: string;
  streamId: string;
  command: C;
  context: RequestContext;
  /** Who may ever see the events: from the verified principal, never from the request body. */
  tenant: Tenant;
}

const MAX_ATTEMPTS = 5;

/**
 * Load, decide, append with the expected revision. A lost race (someone appended between our
 * read and our write) is retried on fresh state a bounded number of times, then answered 409.
 */
@Injectable()
export class CommandExecutor {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute<C, E extends DomainEvent, S>(execution: Execution<C, E, S>): Promise<CommandResultDto> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(execution);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        if (attempt === MAX_ATTEMPTS) {
          throw new Refused(`${execution.streamId} changed concurrently ${MAX_ATTEMPTS} times in a row; try again`);
        }
      }
    }
  }

  private async attempt<C, E extends DomainEvent, S>(x: Execution<C, E, S>): Promise<CommandResultDto> {
    const past = await this.store.readStream(x.streamId);
    const state = past.map(toDomainEvent<E>).reduce(x.decider.evolve, x.decider.initialState);
    const events = x.decider.decide(x.command, state);
    const metadata = eventMetadata(x.context, x.tenant);
    const expected = past.length === 0 ? 'no_stream' : past[past.length - 1].revision;
    const result = await this.store.append(
      x.streamId,
      events.map((e) => ({ type: e.type, data: e.data as Record<string, unknown>, metadata })),
      expected,
    );
    return {
      id: x.aggregateId,
      streamId: x.streamId,
      revision: result.nextExpectedRevision.toString(),
      position: result.position.toString(),
      eventIds: result.eventIds,
    };
  }
}

function toDomainEvent<E extends DomainEvent>(event: RecordedEvent): E {
  return { type: event.type, data: event.data } as E;
}
