import { v7 as uuidv7 } from 'uuid';
import { mspApiKeyStream } from '@app/domain';
import { EventMetadata, SqliteEventStore } from '@app/event-store';
import { CredentialsProjector, openReadDatabase, SqliteCredentialsStore } from '@app/projections';
import { testKey } from '@app/projections/credentials/credentials.test-events';
import { CredentialDirectory } from './credential-directory';
import { CredentialEventWatcher } from './credential-event-watcher';

const metadata: EventMetadata = { actor: { type: 'member', id: 'm-1' }, tenant: { mspId: 'msp-1' }, client: { ip: '127.0.0.1' } };

/** The directory against a real event store and read store, with the projector driven by hand (it may lag, or not run). */
describe('CredentialDirectory', () => {
  let events: SqliteEventStore;
  let records: SqliteCredentialsStore;
  let projector: CredentialsProjector;
  let watcher: CredentialEventWatcher;
  let directory: CredentialDirectory;

  const project = async () => projector.applyBatch(await events.readAll({ fromPosition: await projector.checkpoint() }));
  const generate = async (keyId = uuidv7()) => {
    await events.append(mspApiKeyStream(keyId), [{ type: 'MspApiKeyGenerated', data: { keyId, mspId: 'msp-1', name: 'SIEM', ...testKey('a') }, metadata }], 'no_stream');
    return keyId;
  };

  beforeEach(() => {
    events = new SqliteEventStore({ file: ':memory:' });
    records = new SqliteCredentialsStore(openReadDatabase(':memory:'));
    projector = new CredentialsProjector(records);
    watcher = new CredentialEventWatcher(events, () => records.checkpoint(), { pollMs: 60_000 });
    directory = new CredentialDirectory(records, events, watcher, { freshnessMs: 0, catchUpTimeoutMs: 300 });
  });
  afterEach(async () => {
    await watcher.stop();
    await events.close();
  });

  it('sees a revocation the directory’s projector has not applied, from the event store itself', async () => {
    const keyId = await generate();
    await project();
    expect((await directory.byId(keyId))?.status).toBe('active');
    await events.append(mspApiKeyStream(keyId), [{ type: 'MspApiKeyRevoked', data: { keyId, name: 'SIEM' }, metadata }], 'any');
    expect(await directory.byId(keyId)).toMatchObject({ id: keyId, status: 'revoked' });
    expect((await records.get(keyId))?.status).toBe('active');
  });

  it('waits for the directory to apply a rotation it knows of, and says 503 when it does not in time', async () => {
    const keyId = await generate();
    await project();
    await events.append(mspApiKeyStream(keyId), [{ type: 'MspApiKeyRotated', data: { keyId, name: 'SIEM', ...testKey('b'), previousThumbprint: testKey('a').thumbprint }, metadata }], 'any');
    await expect(directory.byId(keyId)).rejects.toThrow(/has not caught up/);
    setTimeout(() => void project(), 50);
    expect((await directory.byId(keyId))?.thumbprint).toBe(testKey('b').thumbprint);
  });

  it('finds a key generated a moment ago once the directory catches up, and none that does not exist', async () => {
    await project();
    const keyId = await generate();
    setTimeout(() => void project(), 50);
    expect((await directory.byId(keyId))?.id).toBe(keyId);
    expect(await directory.byId(uuidv7())).toBeUndefined();
  });

  it('refuses to vouch for a credential when the event store cannot be read', async () => {
    const keyId = await generate();
    await project();
    await events.close();
    await expect(directory.byId(keyId)).rejects.toThrow(/Cannot confirm the credential is still valid/);
  });
});
