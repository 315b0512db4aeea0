import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStreamTicketStore } from './sqlite-stream-ticket.store';
import { describeStreamTicketStoreContract } from './stream-ticket.store.contract';

describe('SqliteStreamTicketStore', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'tickets-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describeStreamTicketStoreContract('sqlite', async () => new SqliteStreamTicketStore(join(dir, 'stream-tickets.sqlite')));

  it('shares tickets between two processes’ stores on one file: what one puts, the other takes, once', async () => {
    const file = join(dir, 'shared.sqlite');
    const [a, b] = [new SqliteStreamTicketStore(file), new SqliteStreamTicketStore(file)];
    const ticket = { hash: 'h'.repeat(64), principal: { subject: 's', role: 'org_admin' as const, orgId: 'o' }, target: 'GET /x?', expiresAt: Date.now() + 1000 };
    await a.put(ticket);
    expect(await b.take(ticket.hash)).toEqual(ticket);
    expect(await a.take(ticket.hash)).toBeUndefined();
    await a.close();
    await b.close();
  });
});
