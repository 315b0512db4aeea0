import { v7 as uuidv7 } from 'uuid';
import { DomainError, organizationStream } from '@app/domain';
import { EventStore, SqliteEventStore } from '@app/event-store';
import { initiatorOf, Principal, RequestContext } from '@app/auth';
import { embeddedTenantDirectory } from '@app/tenancy/tenant-directory.testing';
import { ALL_COMMAND_BINDINGS, CommandRequest } from '../command-bindings';
import { CommandExecutor } from './command-executor';

const contextOf = (principal: Principal): RequestContext => ({
  principal,
  initiator: initiatorOf(principal),
  client: { ip: '198.51.100.7' },
  correlationId: uuidv7(),
  commandId: uuidv7(),
});

const owner = contextOf({ subject: 'olga', role: 'msp_owner', mspId: 'msp-1' });
const admin = contextOf({ subject: 'adam', role: 'msp_admin', mspId: 'msp-1' });

describe('CommandExecutor (real SQLite event store)', () => {
  let store: EventStore;
  let closeDirectory: () => void;
  let executor: CommandExecutor;

  beforeEach(() => {
    store = new SqliteEventStore({ file: ':memory:' });
    // No projector runs: an organization-side command that looked up its tenant would wait (and fail the test).
    const { tenants, close } = embeddedTenantDirectory(store, 20_000);
    closeDirectory = close;
    executor = new CommandExecutor(ALL_COMMAND_BINDINGS, store, tenants);
  });

  const afterCleanup: (() => void)[] = [];
  afterEach(async () => {
    afterCleanup.splice(0).forEach((close) => close());
    await store.close();
    closeDirectory();
  });

  async function createOrganization(): Promise<string> {
    const organizationId = uuidv7();
    await executor.execute({ type: 'CreateOrganization', organizationId, name: 'Acme', by: owner.initiator }, owner);
    return organizationId;
  }

  const refusal = (request: CommandRequest, ctx: RequestContext) => executor.execute(request, ctx).catch((e: unknown) => e);

  it('runs a command its role may send: decides, appends with the tenant, answers ids and positions', async () => {
    const organizationId = await createOrganization();
    const result = await executor.execute({ type: 'DeployOrganization', organizationId, by: admin.initiator }, admin);
    expect(result).toMatchObject({ id: organizationId, streamId: organizationStream(organizationId), revision: '1', position: '2' });
    const events = await store.readStream(organizationStream(organizationId));
    expect(events.map((e) => e.type)).toEqual(['OrganizationCreated', 'OrganizationDeployed']);
    expect(events[1].metadata).toMatchObject({ tenant: { mspId: 'msp-1', orgId: organizationId }, actor: { id: 'adam', role: 'msp_admin' } });
  });

  it('checks the role matrix on the command it runs: an admin sending TerminateOrganization is refused (403), nothing written', async () => {
    const organizationId = await createOrganization();
    const head = await store.headPosition();
    const error = await refusal({ type: 'TerminateOrganization', organizationId, by: admin.initiator }, admin);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'forbidden', message: 'role msp_admin may not TerminateOrganization' });
    expect(await store.headPosition()).toBe(head);
    expect((await store.readStream(organizationStream(organizationId))).map((e) => e.type)).toEqual(['OrganizationCreated']);
  });

  it('refuses before reading anything: no folder is resolved and no tenant looked up for a role that may not send the command', async () => {
    await createOrganization();
    const outsider = contextOf({ subject: 'olga', role: 'msp_owner', mspId: 'msp-1', orgId: 'org-1' });
    const request: CommandRequest = {
      type: 'CreateItem', itemId: uuidv7(), itemType: 'password', itemName: 'x', folderId: uuidv7(), by: outsider.initiator,
    };
    // Resolving the (missing) folder first would answer 404; looking up the tenant first would wait for the directory.
    expect(await refusal(request, outsider)).toMatchObject({ kind: 'forbidden', message: 'role msp_owner may not CreateItem' });
  });

  it('treats a command type it does not know as a bug, not as a refusal', async () => {
    const error = await refusal({ type: 'LaunchRockets', by: owner.initiator } as unknown as CommandRequest, owner);
    expect(error).not.toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ message: 'Command LaunchRockets has no entry in the role matrix' });
  });

  it('retries a lost race on fresh state: two concurrent commands on one stream both land, in some order', async () => {
    const organizationId = await createOrganization();
    await Promise.all([
      executor.execute({ type: 'DeployOrganization', organizationId, by: owner.initiator }, owner),
      executor.execute({ type: 'RenameOrganization', organizationId, name: 'Acme Corp', by: owner.initiator }, owner),
    ]);
    const types = (await store.readStream(organizationStream(organizationId))).map((e) => e.type);
    expect(types.slice(1).sort()).toEqual(['OrganizationDeployed', 'OrganizationRenamed']);
  });

  describe('never stores a full card number, whatever carries it', () => {
    it.each([
      ['the command (not through the HTTP body check)', owner, { name: 'Acme 4111 1111 1111 1111' }, ['name']],
      ['a token claim', contextOf({ subject: 'olga', role: 'msp_owner', mspId: 'msp-1', name: 'Olga ４１１１ １１１１ １１１１ １１１１' }), {}, ['metadata.actor.name']],
      ['the user agent', { ...owner, client: { ip: '198.51.100.7', userAgent: 'bot/4111.1111.1111.1111' } }, {}, ['metadata.client.userAgent']],
    ])('refuses (400) one in %s and writes nothing', async (_where, ctx, fields, paths) => {
      const head = await store.headPosition();
      const request = { type: 'CreateOrganization', organizationId: uuidv7(), name: 'Acme', ...fields, by: ctx.initiator } as CommandRequest;
      const error = await refusal(request, ctx);
      expect(error).toMatchObject({ kind: 'invalid', field: paths });
      expect(JSON.stringify(error)).not.toMatch(/1111/);
      expect((error as Error).message).not.toMatch(/1111/);
      expect(await store.headPosition()).toBe(head);
    });

    it('accepts ids that only look like card numbers: UUIDs and a numeric member id', async () => {
      const numeric = contextOf({ subject: '1234567890123452', role: 'msp_owner', mspId: 'msp-1' });
      await executor.execute({ type: 'CreateOrganization', organizationId: '48420868-5172-7843-8807-789243269111', name: 'Acme', by: numeric.initiator }, numeric);
    });
  });

  it('will not start unless every command of the role matrix has exactly one binding', () => {
    const { tenants, close } = embeddedTenantDirectory(store, 10);
    afterCleanup.push(close);
    expect(() => new CommandExecutor(ALL_COMMAND_BINDINGS.slice(1), store, tenants)).toThrow(/Commands without a binding: CreateMspAccount/);
    expect(() => new CommandExecutor([...ALL_COMMAND_BINDINGS, ALL_COMMAND_BINDINGS[0]], store, tenants)).toThrow(
      'Command CreateMspAccount has two bindings',
    );
  });
});
