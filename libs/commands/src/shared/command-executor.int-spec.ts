import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { DomainError, mspMemberAccessStream, organizationDecider, organizationStream, Refused } from '@app/domain';
import { EventStore, SqliteEventStore } from '@app/event-store';
import { initiatorOf, Principal, RequestContext } from '@app/auth';
import { embeddedTenantDirectory } from '@app/tenancy/tenant-directory.testing';
import { SqliteKeyStore } from '@app/privacy';
import { privacyParts } from '@app/privacy/testing/privacy.testing';
import { ALL_COMMAND_BINDINGS, CommandRequest } from '../command-bindings';
import { CommandExecutor } from './command-executor';
import { commandEventIds } from './idempotency/derived-ids';

const contextOf = (principal: Principal): RequestContext => ({
  principal,
  initiator: initiatorOf(principal),
  client: { ip: '198.51.100.7' },
  correlationId: uuidv7(),
  commandId: uuidv7(),
});

const owner = contextOf({ subject: 'olga', role: 'msp_owner', mspId: 'msp-1' });
const admin = contextOf({ subject: 'adam', role: 'msp_admin', mspId: 'msp-1' });
const signUp = contextOf({ subject: 'sign-up-service', role: 'service', mspId: 'msp-1' });
const signIns = contextOf({ subject: 'sign-in-service', role: 'service', mspId: 'msp-1' });

/** The MSP account msp-1, whose owner olga is on its member list: sign-ins may be recorded for her. */
const createMsp = (executor: CommandExecutor) =>
  executor.execute({
    type: 'CreateMspAccount', mspId: 'msp-1', name: 'MSP 1', ownerMemberId: 'olga', ownerEmail: 'olga@msp.example', ownerName: 'Olga', by: signUp.initiator,
  }, signUp);

const signIn = (userAgent: string): CommandRequest => ({
  type: 'RecordMspSignInSuccess', memberId: 'olga', email: 'olga@msp.example', userAgent, by: signIns.initiator,
});
const olgasStream = mspMemberAccessStream('msp-1', 'olga');
/** The events here are written unsealed (no at-rest layer): revealing them changes nothing. */
const { personalData } = privacyParts(new SqliteKeyStore(':memory:'));

describe('CommandExecutor (real SQLite event store)', () => {
  let store: EventStore;
  let closeDirectory: () => void;
  let executor: CommandExecutor;

  beforeEach(() => {
    store = new SqliteEventStore({ file: ':memory:' });
    // No projector runs: an organization-side command that looked up its tenant would wait (and fail the test).
    const { tenants, close } = embeddedTenantDirectory(store, 20_000);
    closeDirectory = close;
    executor = new CommandExecutor(ALL_COMMAND_BINDINGS, store, tenants, personalData);
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
      expect(error).toMatchObject({ kind: 'invalid', field: paths[0], otherFields: paths.slice(1) });
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
    expect(() => new CommandExecutor(ALL_COMMAND_BINDINGS.slice(1), store, tenants, personalData)).toThrow(/Commands without a binding: CreateMspAccount/);
    expect(() => new CommandExecutor([...ALL_COMMAND_BINDINGS, ALL_COMMAND_BINDINGS[0]], store, tenants, personalData)).toThrow(
      'Command CreateMspAccount has two bindings',
    );
  });
  describe('one stream at a time in this process', () => {
    it('runs 200 concurrent sign-ins of one member, every one of them, in one unbroken stream', async () => {
      await createMsp(executor);
      const outcomes = await Promise.allSettled(Array.from({ length: 200 }, (_, i) => executor.execute(signIn(`ua-${i}`), signIns)));
      expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
      const events = await store.readStream(olgasStream);
      expect(events.map((e) => e.revision)).toEqual(Array.from({ length: 200 }, (_, i) => BigInt(i)));
      expect(new Set(events.map((e) => e.data.userAgent)).size).toBe(200);
      const revisions = outcomes.map((o) => (o as PromiseFulfilledResult<{ revision: string }>).value.revision);
      expect(new Set(revisions).size).toBe(200);
    });

    it('runs other streams alongside, and keeps no queue once the streams are idle', async () => {
      const serializer = (executor as unknown as { streams: { busy: boolean } }).streams;
      await createMsp(executor);
      await Promise.all([createOrganization(), createOrganization(), ...['a', 'b', 'c'].map((ua) => executor.execute(signIn(ua), signIns))]);
      expect(serializer.busy).toBe(false);
      expect(await store.readStream(olgasStream)).toHaveLength(3);
    });
  });

  describe('a write from another process (a second executor on the same SQLite file)', () => {
    let dir: string;
    let stores: SqliteEventStore[];
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'executor-'));
      stores = [];
    });
    afterEach(async () => {
      await Promise.all(stores.map((s) => s.close()));
      rmSync(dir, { recursive: true, force: true });
    });

    /** An executor on its own connection to the shared file; `beforeAppend` runs before each of its appends. */
    function processOn(beforeAppend?: () => Promise<unknown>): { executor: CommandExecutor; appends: () => number } {
      const own = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
      stores.push(own);
      let appends = 0;
      const append = own.append.bind(own);
      own.append = async (...args) => {
        appends++;
        await beforeAppend?.();
        return append(...args);
      };
      const { tenants, close } = embeddedTenantDirectory(own, 10);
      afterCleanup.push(close);
      return { executor: new CommandExecutor(ALL_COMMAND_BINDINGS, own, tenants, personalData), appends: () => appends };
    }

    it('loses the race to it, retries on fresh state, and both sign-ins land', async () => {
      const other = processOn();
      await createMsp(other.executor);
      let raced = false;
      const here = processOn(async () => {
        if (raced) return;
        raced = true;
        await other.executor.execute(signIn('other process'), signIns);
      });
      const result = await here.executor.execute(signIn('this process'), signIns);
      expect(here.appends()).toBe(2);
      expect(result.revision).toBe('1');
      const events = await stores[0].readStream(olgasStream);
      expect(events.map((e) => e.data.userAgent)).toEqual(['other process', 'this process']);
    });

    it('still gives up after 5 lost races in a row (409), having written nothing of its own', async () => {
      const other = processOn();
      await createMsp(other.executor);
      const here = processOn(() => other.executor.execute(signIn('other process'), signIns));
      const error = await here.executor.execute(signIn('this process'), signIns).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Refused);
      expect((error as Error).message).toBe(`${olgasStream} changed concurrently 5 times in a row; try again`);
      expect(here.appends()).toBe(5);
      const events = await stores[0].readStream(olgasStream);
      expect(events.map((e) => e.data.userAgent)).toEqual(Array(5).fill('other process'));
    });
  });

  describe('a stale cached state (each executor keeps the states it folded, by stream and revision)', () => {
    let dir: string;
    let stores: SqliteEventStore[];
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'executor-cache-'));
      stores = [];
    });
    afterEach(async () => {
      await Promise.all(stores.map((s) => s.close()));
      rmSync(dir, { recursive: true, force: true });
    });

    function processOn(beforeAppend?: () => Promise<unknown>, cachedStreams?: number) {
      const own = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
      stores.push(own);
      let appends = 0;
      const append = own.append.bind(own);
      own.append = async (...args) => {
        appends++;
        await beforeAppend?.();
        return append(...args);
      };
      const { tenants, close } = embeddedTenantDirectory(own, 10);
      afterCleanup.push(close);
      return { executor: new CommandExecutor(ALL_COMMAND_BINDINGS, own, tenants, personalData, cachedStreams), store: own, appends: () => appends };
    }

    const org = (type: 'DeployOrganization' | 'SuspendOrganization' | 'ReactivateOrganization', organizationId: string): CommandRequest =>
      ({ type, organizationId, by: admin.initiator }) as CommandRequest;

    /** An organization created and deployed by `here`, so its state (active, revision 1) is cached there. */
    async function deployedBy(executor: CommandExecutor): Promise<string> {
      const organizationId = uuidv7();
      await executor.execute({ type: 'CreateOrganization', organizationId, name: 'Acme', by: owner.initiator }, owner);
      await executor.execute(org('DeployOrganization', organizationId), admin);
      return organizationId;
    }

    const typesIn = async (store: EventStore, organizationId: string) =>
      (await store.readStream(organizationStream(organizationId))).map((e) => e.type);

    it('decides on what another process wrote after the state was cached: reads the events after the cached revision', async () => {
      const here = processOn();
      const other = processOn();
      const organizationId = await deployedBy(here.executor);
      await other.executor.execute(org('SuspendOrganization', organizationId), admin);
      // On the cached state (active) this suspension would be accepted; on the stream's it is refused.
      await expect(here.executor.execute(org('SuspendOrganization', organizationId), admin)).rejects.toThrow("is suspended and cannot be suspended");
      const reactivated = await here.executor.execute(org('ReactivateOrganization', organizationId), admin);
      expect(reactivated.revision).toBe('3');
      expect(await typesIn(here.store, organizationId)).toEqual(['OrganizationCreated', 'OrganizationDeployed', 'OrganizationSuspended', 'OrganizationReactivated']);
    });

    it('a write between its read and its append: the store refuses the stale expectation, and the retry refuses on fresh state', async () => {
      const other = processOn();
      let race = false;
      const here = processOn(async () => {
        if (!race) return;
        race = false;
        await other.executor.execute(org('SuspendOrganization', organizationId), admin);
      });
      const organizationId = await deployedBy(here.executor);
      race = true;
      const appendsBefore = here.appends();
      await expect(here.executor.execute(org('SuspendOrganization', organizationId), admin)).rejects.toThrow('is suspended and cannot be suspended');
      expect(here.appends() - appendsBefore).toBe(1); // the append that lost; the retry decided not to write
      expect(await typesIn(here.store, organizationId)).toEqual(['OrganizationCreated', 'OrganizationDeployed', 'OrganizationSuspended']);
    });

    it('even an entry that claims a revision the stream never reached commits nothing: the store refuses it, the retry reads the stream', async () => {
      const here = processOn();
      const organizationId = await deployedBy(here.executor);
      // A corrupted entry: the organization suspended, at revision 7 (the stream holds revisions 0 and 1, active).
      const suspended = { exists: true, organizationId, mspId: 'msp-1', name: 'Acme', status: 'suspended' } as const;
      here.executor.states.remember(organizationDecider, organizationStream(organizationId), suspended, [], 7n);
      const appendsBefore = here.appends();
      await expect(here.executor.execute(org('ReactivateOrganization', organizationId), admin)).rejects.toThrow('is active and cannot be reactivated');
      expect(here.appends() - appendsBefore).toBe(1);
      expect(await typesIn(here.store, organizationId)).toEqual(['OrganizationCreated', 'OrganizationDeployed']);
    });

    it('keeps no folded state once a member is erased: states hold revealed values, and the member could be in any of them', async () => {
      const here = processOn();
      await createMsp(here.executor);
      const member = { mspId: 'msp-1', memberId: 'mia', by: owner.initiator };
      await here.executor.execute({ type: 'InviteMspMember', ...member, email: 'mia@msp.example', role: 'msp_member' } as CommandRequest, owner);
      await here.executor.execute({ type: 'RevokeMspInvitation', ...member } as CommandRequest, owner);
      await deployedBy(here.executor);
      expect(here.executor.states.size).toBeGreaterThan(1);
      await here.executor.execute({ type: 'EraseMspMemberPersonalData', ...member } as CommandRequest, owner);
      expect(here.executor.states.size).toBe(0);
    });

    it('with the cache off (0 streams), every command folds the whole stream, and decides the same', async () => {
      const here = processOn(undefined, 0);
      const organizationId = await deployedBy(here.executor);
      await here.executor.execute(org('SuspendOrganization', organizationId), admin);
      await expect(here.executor.execute(org('SuspendOrganization', organizationId), admin)).rejects.toThrow('is suspended and cannot be suspended');
    });
  });

  describe('a command sent with an Idempotency-Key (derived event ids)', () => {
    const keyed = (key: string) => commandEventIds(JSON.stringify(['olga|msp-1|', key, 'POST', '/organizations']));

    it('writes its events under the derived ids, and a retry finds them and answers the same result', async () => {
      const organizationId = uuidv7();
      const create: CommandRequest = { type: 'CreateOrganization', organizationId, name: 'Acme', by: owner.initiator };
      const first = await executor.executeKeyed(create, owner, keyed('k-1'));
      expect(first).toMatchObject({ alreadyCommitted: false, result: { id: organizationId, eventIds: [keyed('k-1').eventId(0)] } });
      const again = await executor.executeKeyed(create, owner, keyed('k-1'));
      expect(again).toEqual({ ...first, alreadyCommitted: true });
      expect(await store.readStream(organizationStream(organizationId))).toHaveLength(1);
    });

    it('answers the result of the committed events even where deciding again would refuse', async () => {
      const organizationId = await createOrganization();
      const deploy: CommandRequest = { type: 'DeployOrganization', organizationId, by: owner.initiator };
      const first = await executor.executeKeyed(deploy, owner, keyed('k-2'));
      await executor.execute({ type: 'RenameOrganization', organizationId, name: 'Later', by: owner.initiator }, owner);
      expect(await executor.executeKeyed(deploy, owner, keyed('k-2'))).toEqual({ ...first, alreadyCommitted: true });
      // A fresh key decides again: the organization is already deployed.
      await expect(executor.executeKeyed(deploy, owner, keyed('k-3'))).rejects.toThrow(Refused);
    });

    it('writes once when two retries of one key race', async () => {
      const organizationId = uuidv7();
      const create: CommandRequest = { type: 'CreateOrganization', organizationId, name: 'Acme', by: owner.initiator };
      const outcomes = await Promise.all([1, 2, 3, 4].map(() => executor.executeKeyed(create, owner, keyed('k-4'))));
      expect(outcomes.filter((o) => !o.alreadyCommitted)).toHaveLength(1);
      expect(new Set(outcomes.map((o) => JSON.stringify(o.result))).size).toBe(1);
      expect(await store.readStream(organizationStream(organizationId))).toHaveLength(1);
    });
  });
});
