import { Command, Decider, DomainEvent, Role } from '@app/domain';
import { EventStore, Tenant } from '@app/event-store';
import { RequestContext } from '@app/auth';
import { TenantDirectory } from '@app/tenancy';
import { DecidedStates } from './decided-states';

/** What a binding's hooks may read: other aggregates' states (folded, cached), and which MSP supervises an organization. */
export interface BindingIo {
  store: EventStore;
  states: DecidedStates;
  tenants: TenantDirectory;
}

/**
 * How the executor reaches one decider: the commands it takes (by their entries of the role matrix,
 * so a command added to the domain is routed without a change here), the stream its state lives in,
 * what the answer's `id` names, and whose events they are. `R` is what a route hands over when
 * `resolve` must complete it into a command first (by default, the command itself).
 */
export interface CommandBinding<C extends Command, E extends DomainEvent, S, R extends { type: C['type'] } = C> {
  readonly permissions: Readonly<Record<C['type'], readonly Role[]>>;
  readonly decider: Decider<C, E, S>;
  streamId(command: C, ctx: RequestContext): string;
  aggregateId(command: C, ctx: RequestContext): string;
  /** Who may ever see the events: from the verified principal, never from the request body. */
  tenant(command: C, ctx: RequestContext, io: BindingIo): Tenant | Promise<Tenant>;
  /** Optional: turns what the route sent into the command, reading what it needs first (e.g. a target folder). */
  resolve?(request: R, ctx: RequestContext, io: BindingIo): Promise<C>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the executor routes every binding alike
export type AnyCommandBinding = CommandBinding<any, any, any, any>;

/** A binding with its types taken from the decider (and from `resolve`, when it has one). */
export function bindDecider<C extends Command, E extends DomainEvent, S, R extends { type: C['type'] } = C>(
  decider: Decider<C, E, S>,
  binding: Omit<CommandBinding<NoInfer<C>, E, S, R>, 'decider'>,
): CommandBinding<C, E, S, R> {
  return { decider, ...binding };
}

/** MSP-side events: the principal's own MSP. */
export const mspTenant = (_: unknown, ctx: RequestContext): Tenant => ({ mspId: ctx.principal.mspId });

/** Organization-side events: the principal's organization, and the MSP supervising it (so its feed shows them). */
export const supervisedOrganizationTenant = (_: unknown, ctx: RequestContext, io: BindingIo): Promise<Tenant> =>
  io.tenants.organizationTenant(ctx.principal);
