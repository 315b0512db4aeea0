import { RecordedEvent } from '@app/event-store';
import { CheckpointStore, Projector } from '@app/projections';
import { RevealerSource } from '@app/privacy';
import { topicMessagesOf } from './kafka-messages';
import { KafkaPublisher } from './kafka-publisher';

export const KAFKA_RELAY = 'kafka-relay';

/**
 * Publishes every event of the store to Kafka (DESIGN §5), at least once: the checkpoint moves
 * only after the broker acknowledged the whole batch, so a relay killed at any point resends
 * from the last acknowledged batch; duplicates are possible, gaps and per-key reordering are not.
 */
export class KafkaRelay implements Projector {
  readonly name = KAFKA_RELAY;

  constructor(
    private readonly publisher: KafkaPublisher,
    private readonly checkpoints: CheckpointStore,
    private readonly topicPrefix: string,
    private readonly personalData: RevealerSource,
  ) {}

  async applyBatch(events: RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.publisher.publish(topicMessagesOf(events, this.topicPrefix, await this.personalData.revealerFor(events)));
    await this.checkpoints.advance(this.name, events[events.length - 1].position);
  }

  checkpoint(): Promise<bigint | undefined> {
    return this.checkpoints.get(this.name);
  }

  reset(): Promise<void> {
    return this.checkpoints.clear(this.name);
  }
}
