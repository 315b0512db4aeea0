import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { EventMetadata } from '@app/event-store';
import { mspPrincipal, orgPrincipal } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';

/** What a validly signed token with `"sub": {"id": "x"}` wrote before tokens' claims were checked (issue 10, item 4). */
const poisonMetadata = (orgId: string) =>
  ({ actor: { type: 'member', id: { id: 'x' }, role: 'org_member' }, tenant: { mspId: 'msp-b', orgId }, client: { ip: '198.51.100.7' } }) as unknown as EventMetadata;

describe('A poison event in the store', () => {
  let t: TestApp;
  let poison: { position: bigint; eventIds: string[] };

  beforeAll(async () => {
    t = await startTestApp({ MIN_POSITION_TIMEOUT_MS: '5000' });
    const ownerB = await t.token(mspPrincipal('msp_owner', 'msp-b'));
    const orgB = (await t.command('/organizations', ownerB, { name: 'Poisoned' })).id;
    const data = { itemId: 'i-poison', itemType: 'password', itemName: 'Bank', orgId: orgB, ownerMemberId: 'x', ownerName: 'X' };
    poison = await t.store.append('vaultItem-i-poison', [{ type: 'ItemCreated', data, metadata: poisonMetadata(orgB) }], 'any');
  });
  afterAll(() => t.close());

  it("lets every other tenant's commands reach the log, as they would without it", async () => {
    const ownerA = await t.token(mspPrincipal('msp_owner', 'msp-a'));
    const created = await t.command('/organizations', ownerA, { name: 'Unaffected' });
    expect(BigInt(created.position)).toBeGreaterThan(poison.position);
    const log = await t.query('/activity-log/msp', ownerA).expect(200);
    expect(log.body.items.map((e: { id: string }) => e.id)).toEqual(created.eventIds);
    const member = await t.token(orgPrincipal('org_member', created.id));
    await t.command('/vault/items', member, { itemType: 'password', itemName: 'Fine' });
    await t.query('/sharing-hub', await t.token(orgPrincipal('org_owner', created.id))).expect(200);
  });

  it('reports the views degraded on /health, with how many events each dead-lettered, and still answers 200', async () => {
    const res = await t.http().get('/health').expect(200);
    expect(res.body.status).toBe('degraded');
    expect(res.body.info.readModels).toMatchObject({
      status: 'up',
      degraded: true,
      'activity-log': { deadLetters: 1, behind: '0' },
      'sharing-hub': { deadLetters: 1, behind: '0' },
      organizations: { deadLetters: 0 },
    });
  });

  it('lists the dead letters with `cli dead-letters`', async () => {
    const run = spawnSync(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/cli/src/main.ts', 'dead-letters', '--view', 'activity-log'],
      { cwd: join(__dirname, '..'), env: { PATH: process.env.PATH, DATA_DIR: t.config.DATA_DIR }, encoding: 'utf8', timeout: 60_000 },
    );
    expect({ code: run.status, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    const letters = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(letters).toEqual([
      {
        projector: 'activity-log',
        position: poison.position.toString(),
        eventId: poison.eventIds[0],
        eventType: 'ItemCreated',
        error: expect.stringContaining('metadata.actor.id must be a non-empty string, got object'),
        failedAt: expect.any(String),
        attempts: 1,
      },
    ]);
  }, 60_000);
});
