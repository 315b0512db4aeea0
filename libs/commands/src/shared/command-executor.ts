import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  CARD_NUMBER_REFUSAL, CommandType, DomainEvent, ERASURE_EVENT_TYPES, findCardNumber, Forbidden, InvalidInput, mayExecute, memberScopeOf, Refused,
  ROLE_MATRIX,
} from '@app/domain';
import { EVENT_STORE, EventStore, NewEvent, RecordedEvent, Tenant, WrongExpectedRevisionError } from '@app/event-store';
import { eventMetadata, RequestContext } from '@app/auth';
import { TenantDirectory } from '@app/tenancy';
import { PersonalData } from '@app/privacy';
import type { CommandRequest } from '../command-bindings';
import { AnyCommandBinding, BindingIo } from './command-binding';
import { CommandResultDto } from './command-result.dto';
import { DecidedState, DecidedStates, STATE_CACHE_STREAMS } from './decided-states';
import { CommandEventIds } from './idempotency/derived-ids';
import { StreamSerializer } from './stream-serializer';

/** DI token for the bindings the executor routes commands to. */
export const COMMAND_BINDINGS = Symbol('COMMAND_BINDINGS');

const MAX_ATTEMPTS = 5;

interface Target {
  binding: AnyCommandBinding;
  command: { type: CommandType };
  streamId: string;
  aggregateId: string;
  tenant: Tenant;
}

/** What running a command gave: its result, and whether its events had been committed before (a retried key). */
export interface ExecutedCommand {
  result: CommandResultDto;
  alreadyCommitted: boolean;
}

/**
 * Runs every command: refuses (403) one the principal's role may not send, before reading or
 * writing anything; then finds the command's binding, lets it resolve the command, and loads,
 * decides and appends with the expected revision. Commands on one stream run one at a time in
 * this process (StreamSerializer), so a lost race means another process wrote between our read
 * and our write: retried on fresh state a bounded number of times, then answered 409.
 *
 * With `ids` (a command sent with an Idempotency-Key), the events get ids derived from the key: a
 * retry whose first attempt committed finds them in the stream and answers their result instead
 * of deciding again.
 */
@Injectable()
export class CommandExecutor {
  private readonly routes: ReadonlyMap<CommandType, AnyCommandBinding>;
  private readonly io: BindingIo;
  private readonly streams = new StreamSerializer();

  /** Folded states by stream (revealed, so dropped on an erasure and after the key cache's TTL). */
  readonly states: DecidedStates;

  constructor(
    @Inject(COMMAND_BINDINGS) bindings: readonly AnyCommandBinding[],
    @Inject(EVENT_STORE) private readonly store: EventStore,
    tenants: TenantDirectory,
    private readonly personalData: PersonalData,
    @Optional() @Inject(STATE_CACHE_STREAMS) stateCacheStreams?: number,
  ) {
    this.routes = routeTable(bindings);
    this.states = new DecidedStates(store, (events) => this.domainEvents(events), stateCacheStreams);
    this.io = { store, states: this.states, tenants };
  }

  async execute(request: CommandRequest, ctx: RequestContext): Promise<CommandResultDto> {
    return (await this.run(request, ctx)).result;
  }

  /** A command sent with an Idempotency-Key: its events get the ids `ids` gives, and a retry finds them once committed. */
  executeKeyed(request: CommandRequest, ctx: RequestContext, ids: CommandEventIds): Promise<ExecutedCommand> {
    return this.run(request, ctx, ids);
  }

  private async run(request: CommandRequest, ctx: RequestContext, ids?: CommandEventIds): Promise<ExecutedCommand> {
    const { role } = ctx.principal;
    if (!mayExecute(role, request.type)) throw new Forbidden(`role ${role} may not ${request.type}`);
    const target = await this.targetOf(request, ctx);
    return this.streams.run(target.streamId, () => this.withRetries(target, ctx, ids));
  }

  private async targetOf(request: CommandRequest, ctx: RequestContext): Promise<Target> {
    const binding = this.routes.get(request.type)!;
    const command = binding.resolve ? await binding.resolve(request, ctx, this.io) : request;
    return {
      binding,
      command,
      streamId: binding.streamId(command, ctx),
      aggregateId: binding.aggregateId(command, ctx),
      tenant: await binding.tenant(command, ctx, this.io),
    };
  }

  private async withRetries(target: Target, ctx: RequestContext, ids?: CommandEventIds): Promise<ExecutedCommand> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(target, ctx, ids);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        if (attempt === MAX_ATTEMPTS) {
          throw new Refused(`${target.streamId} changed concurrently ${MAX_ATTEMPTS} times in a row; try again`);
        }
      }
    }
  }

  private async attempt(target: Target, ctx: RequestContext, ids?: CommandEventIds): Promise<ExecutedCommand> {
    const { binding, command, streamId } = target;
    let loaded: DecidedState<unknown>;
    if (ids) {
      // A keyed retry must find its first attempt's events wherever they are: the whole stream, read as before.
      const past = await this.store.readStream(streamId);
      const committed = committedBefore(past, ids);
      if (committed) {
        await this.eraseAfter(committed, target);
        return { result: resultOf(target, committed), alreadyCommitted: true };
      }
      loaded = { state: (await this.domainEvents(past)).reduce(binding.decider.evolve, binding.decider.initialState), revision: past.at(-1)?.revision };
    } else {
      loaded = await this.states.load(binding.decider, streamId);
    }
    const events: DomainEvent[] = binding.decider.decide(command, loaded.state);
    const expected = loaded.revision === undefined ? 'no_stream' : loaded.revision;
    const newEvents = this.toNewEvents(events, target, ctx, ids);
    refuseCardNumbers(newEvents);
    const result = await this.append(streamId, newEvents, expected);
    this.states.remember(binding.decider, streamId, loaded.state, events, result.nextExpectedRevision);
    await this.eraseAfter(events, target);
    return {
      result: {
        id: target.aggregateId,
        streamId,
        revision: result.nextExpectedRevision.toString(),
        position: result.position.toString(),
        eventIds: result.eventIds,
      },
      alreadyCommitted: false,
    };
  }

  /** The store checks `expected` on every append; a state that lost that check is not kept. */
  private async append(streamId: string, events: NewEvent[], expected: bigint | 'no_stream') {
    try {
      return await this.store.append(streamId, events, expected);
    } catch (error) {
      this.states.forget(streamId);
      throw error;
    }
  }

  /**
   * An erasure is recorded first, then the member's key is deleted, here and now (the answer means
   * erased). Should this process die in between, the erasure follower deletes it when it starts.
   */
  private async eraseAfter(events: readonly DomainEvent[], { tenant }: Target): Promise<void> {
    const scope = memberScopeOf(tenant);
    for (const event of events) {
      if (!scope || !(ERASURE_EVENT_TYPES as readonly string[]).includes(event.type)) continue;
      await this.personalData.erase({ scope, memberId: (event.data as { memberId: string }).memberId });
      // Folded states hold revealed values, and the member's may be in any stream's: none is kept.
      this.states.clear();
    }
  }

  /**
   * The stream as the decider folds it: personal values revealed in memory only (an erased member's
   * read as their pseudonym), and without the events whose payload passed retention (`activity`
   * events, which no decider needs).
   */
  private async domainEvents(past: readonly RecordedEvent[]): Promise<DomainEvent[]> {
    return this.personalData.reveal(past.filter((event) => !event.expired).map(toDomainEvent));
  }

  private toNewEvents(events: DomainEvent[], { tenant }: Target, ctx: RequestContext, ids?: CommandEventIds): NewEvent[] {
    const metadata = eventMetadata(ctx, tenant);
    return events.map((e, index) => ({
      ...(ids && { id: ids.eventId(index) }),
      type: e.type,
      data: e.data as Record<string, unknown>,
      metadata,
    }));
  }
}

/** The events a first attempt of this keyed command appended, in order, if it did: the ids it gave them, from index 0. */
function committedBefore(past: readonly RecordedEvent[], ids: CommandEventIds): RecordedEvent[] | undefined {
  const first = ids.eventId(0);
  const start = past.findIndex((event) => event.id === first);
  if (start < 0) return undefined;
  let end = start + 1;
  while (end < past.length && past[end].id === ids.eventId(end - start)) end++;
  return past.slice(start, end);
}

/** The answer the first attempt gave, rebuilt from the events it committed. */
function resultOf({ aggregateId, streamId }: Target, committed: RecordedEvent[]): CommandResultDto {
  const last = committed[committed.length - 1];
  return {
    id: aggregateId,
    streamId,
    revision: last.revision.toString(),
    position: last.position.toString(),
    eventIds: committed.map((event) => event.id),
  };
}

/** Each command type to its one binding; every command of the role matrix must have one. */
function routeTable(bindings: readonly AnyCommandBinding[]): ReadonlyMap<CommandType, AnyCommandBinding> {
  const routes = new Map<CommandType, AnyCommandBinding>();
  for (const binding of bindings) {
    for (const type of Object.keys(binding.permissions) as CommandType[]) {
      if (routes.has(type)) throw new Error(`Command ${type} has two bindings`);
      routes.set(type, binding);
    }
  }
  const unbound = (Object.keys(ROLE_MATRIX) as CommandType[]).filter((type) => !routes.has(type));
  if (unbound.length > 0) throw new Error(`Commands without a binding: ${unbound.join(', ')}`);
  return routes;
}

/**
 * The last line behind the body check: nothing about to be stored (the events' data, and their
 * metadata, which also carries token claims and the user agent) may hold a full card number.
 */
function refuseCardNumbers(events: NewEvent[]): void {
  const paths = findCardNumber({ data: events.map((e) => e.data), metadata: events[0]?.metadata });
  if (!paths) return;
  const fields = paths.map((path) => path.replace(/^data\.\d+\./, ''));
  throw new InvalidInput(CARD_NUMBER_REFUSAL, fields[0], fields.slice(1));
}

function toDomainEvent(event: RecordedEvent): DomainEvent {
  return { type: event.type, data: event.data };
}
