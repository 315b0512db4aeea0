import { Admin } from 'kafkajs';

export interface TopicSettings {
  partitions: number;
  replication: number;
  /** retention.ms of the topics created (-1: forever); absent: the broker's default. */
  retentionMs?: number;
}

/** Creates topics on first use with the configured partitions and replication, remembering which exist. */
export class KafkaTopicCreator {
  private readonly existing = new Set<string>();

  constructor(
    private readonly admin: Admin,
    private readonly settings: TopicSettings,
  ) {}

  async ensure(topics: string[]): Promise<void> {
    if (topics.every((topic) => this.existing.has(topic))) return;
    (await this.admin.listTopics()).forEach((topic) => this.existing.add(topic));
    const missing = topics.filter((topic) => !this.existing.has(topic));
    if (missing.length === 0) return;
    const { partitions: numPartitions, replication: replicationFactor, retentionMs } = this.settings;
    const configEntries = retentionMs === undefined ? [] : [{ name: 'retention.ms', value: String(retentionMs) }];
    // Resolves false, not an error, when another relay created some of them meanwhile.
    await this.admin.createTopics({
      topics: missing.map((topic) => ({ topic, numPartitions, replicationFactor, configEntries })),
      waitForLeaders: true,
    });
    missing.forEach((topic) => this.existing.add(topic));
  }
}
