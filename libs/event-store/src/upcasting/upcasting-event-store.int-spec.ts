import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collect, event } from '../contract/event-store.contract';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { UpcasterRegistry } from './upcaster-registry';
import { UpcastingEventStore } from './upcasting-event-store';

describe('UpcastingEventStore over SQLite', () => {
  it('reads an event stored at v1 in the v2 shape, through every read path, without rewriting it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'es-upcast-'));
    const raw = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    const registry = new UpcasterRegistry().register('OrganizationRenamed', 1, (d) => ({ newName: d.name }));
    const store = new UpcastingEventStore(raw, registry);
    await store.append('organization-1', [event('OrganizationRenamed', { name: 'Acme' })], 'no_stream');

    const expected = { schemaVersion: 2, data: { newName: 'Acme' } };
    expect((await store.readStream('organization-1'))[0]).toMatchObject(expected);
    expect((await store.readAll())[0]).toMatchObject(expected);
    const sub = store.subscribeToAll();
    expect((await collect(sub, 1).done)[0]).toMatchObject(expected);
    await sub.stop();
    expect((await raw.readAll())[0]).toMatchObject({ schemaVersion: 1, data: { name: 'Acme' } });

    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
