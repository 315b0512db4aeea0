import { openReadDatabase, sqliteCheckpointStore } from '@app/projections';
import { KafkaPublisher } from './kafka-publisher';
import { KafkaRelay } from './kafka-relay';
import { interleavedEvents } from './relayed-events.fixture';
import { unsealedData } from '@app/privacy/testing/privacy.testing';

describe('KafkaRelay', () => {
  const events = interleavedEvents([{ streamId: 'organization-o1', tenant: { mspId: 'msp-a', orgId: 'o1' }, count: 3 }]);
  const setup = (publish: () => Promise<void>) => {
    const checkpoints = sqliteCheckpointStore(openReadDatabase(':memory:'));
    return { checkpoints, relay: new KafkaRelay({ publish } as unknown as KafkaPublisher, checkpoints, 'p', unsealedData) };
  };

  it('advances its checkpoint to the batch end once the broker acknowledged it', async () => {
    const { relay } = setup(async () => undefined);
    await relay.applyBatch(events);
    expect(await relay.checkpoint()).toBe(3n);
  });

  it('keeps its checkpoint when the send fails, so the batch is sent again', async () => {
    const { relay, checkpoints } = setup(() => Promise.reject(new Error('broker down')));
    await checkpoints.advance('kafka-relay', 1n);
    await expect(relay.applyBatch(events)).rejects.toThrow('broker down');
    expect(await relay.checkpoint()).toBe(1n);
  });

  it('forgets its checkpoint on reset', async () => {
    const { relay } = setup(async () => undefined);
    await relay.applyBatch(events);
    await relay.reset();
    expect(await relay.checkpoint()).toBeUndefined();
  });
});
