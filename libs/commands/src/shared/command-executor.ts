import { Inject, Injectable } from '@nestjs/common';
import {
  CARD_NUMBER_REFUSAL, CommandType, DomainEvent, findCardNumber, Forbidden, InvalidInput, mayExecute, Refused, ROLE_MATRIX,
} from '@app/domain';
import { EVENT_STORE, EventMetadata, EventStore, RecordedEvent, Tenant, WrongExpectedRevisionError } from '@app/event-store';
import { eventMetadata, RequestContext } from '@app/auth';
import { TenantDirectory } from '@app/tenancy';
import type { CommandRequest } from '../command-bindings';
import { AnyCommandBinding, BindingIo } from './command-binding';
import { CommandResultDto } from './command-result.dto';

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

/**
 * Runs every command: refuses (403) one the principal's role may not send, before reading or
 * writing anything; then finds the command's binding, lets it resolve the command, and loads,
 * decides and appends with the expected revision. A lost race (someone appended between our read
 * and our write) is retried on fresh state a bounded number of times, then answered 409.
 */
@Injectable()
export class CommandExecutor {
  private readonly routes: ReadonlyMap<CommandType, AnyCommandBinding>;
  private readonly io: BindingIo;

  constructor(
    @Inject(COMMAND_BINDINGS) bindings: readonly AnyCommandBinding[],
    @Inject(EVENT_STORE) private readonly store: EventStore,
    tenants: TenantDirectory,
  ) {
    this.routes = routeTable(bindings);
    this.io = { store, tenants };
  }

  async execute(request: CommandRequest, ctx: RequestContext): Promise<CommandResultDto> {
    const { role } = ctx.principal;
    if (!mayExecute(role, request.type)) throw new Forbidden(`role ${role} may not ${request.type}`);
    const binding = this.routes.get(request.type)!;
    const command = binding.resolve ? await binding.resolve(request, ctx, this.io) : request;
    const target: Target = {
      binding,
      command,
      streamId: binding.streamId(command, ctx),
      aggregateId: binding.aggregateId(command, ctx),
      tenant: await binding.tenant(command, ctx, this.io),
    };
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(target, ctx);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        if (attempt === MAX_ATTEMPTS) {
          throw new Refused(`${target.streamId} changed concurrently ${MAX_ATTEMPTS} times in a row; try again`);
        }
      }
    }
  }

  private async attempt({ binding, command, streamId, aggregateId, tenant }: Target, ctx: RequestContext): Promise<CommandResultDto> {
    const past = await this.store.readStream(streamId);
    const state = past.map(toDomainEvent).reduce(binding.decider.evolve, binding.decider.initialState);
    const events: DomainEvent[] = binding.decider.decide(command, state);
    const metadata = eventMetadata(ctx, tenant);
    refuseCardNumbers(events, metadata);
    const expected = past.length === 0 ? 'no_stream' : past[past.length - 1].revision;
    const result = await this.store.append(
      streamId,
      events.map((e) => ({ type: e.type, data: e.data as Record<string, unknown>, metadata })),
      expected,
    );
    return {
      id: aggregateId,
      streamId,
      revision: result.nextExpectedRevision.toString(),
      position: result.position.toString(),
      eventIds: result.eventIds,
    };
  }
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
function refuseCardNumbers(events: DomainEvent[], metadata: EventMetadata): void {
  const paths = findCardNumber({ data: events.map((e) => e.data), metadata });
  if (!paths) return;
  const fields = paths.map((path) => path.replace(/^data\.\d+\./, ''));
  throw new InvalidInput(CARD_NUMBER_REFUSAL, fields);
}

function toDomainEvent(event: RecordedEvent): DomainEvent {
  return { type: event.type, data: event.data };
}
