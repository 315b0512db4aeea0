import { InvalidArgumentError } from 'commander';
import { Command, CommandRunner, Option } from 'nest-commander';
import { AppConfig } from '@app/config';
import { KafkaMspAccess, kafkaOf, kafkaSecurityOf, mspTopic, SCRAM_ITERATIONS, ScramMechanism } from '@app/streams';

interface AccessFlags {
  mechanism?: ScramMechanism;
  username?: string;
  iterations?: number;
}

function parseMechanism(value: string): ScramMechanism {
  const upper = value.toUpperCase();
  if (upper !== 'SCRAM-SHA-256' && upper !== 'SCRAM-SHA-512') throw new InvalidArgumentError('use SCRAM-SHA-256 or SCRAM-SHA-512');
  return upper;
}

function parseUsername(value: string): string {
  if (!/^[A-Za-z0-9._-]{1,200}$/.test(value)) throw new InvalidArgumentError('1 to 200 letters, digits, dots, underscores or dashes');
  return value;
}

function mspAccess(config: AppConfig): KafkaMspAccess {
  if (config.kafkaBrokers.length === 0) throw new Error('KAFKA_BROKERS is not set: name the brokers (and KAFKA_SASL_* / KAFKA_TLS* for an admin principal)');
  return new KafkaMspAccess(kafkaOf(config, 'activity-log-cli'), config.kafkaBrokers, kafkaSecurityOf(config), config.KAFKA_TOPIC_PREFIX);
}

@Command({ name: 'kafka-msp-topic', arguments: '<mspId>', description: "Print an MSP's Kafka topic name (<prefix>.msp.<escaped id>)" })
export class KafkaMspTopicCommand extends CommandRunner {
  constructor(private readonly config: AppConfig) {
    super();
  }

  async run([mspId]: string[]): Promise<void> {
    process.stdout.write(`${mspTopic(this.config.KAFKA_TOPIC_PREFIX, mspId)}\n`);
  }
}

@Command({
  name: 'kafka-grant-msp',
  arguments: '<mspId>',
  description:
    "Create (or rotate) an MSP's SCRAM credentials and ACLs on the brokers: READ/DESCRIBE on its own topic, READ on groups " +
    "'<topic>.*', nothing else. Prints the credentials once, as JSON. Connects as KAFKA_SASL_USERNAME (needs ALTER on the cluster).",
})
export class KafkaGrantMspCommand extends CommandRunner {
  constructor(private readonly config: AppConfig) {
    super();
  }

  async run([mspId]: string[], flags: AccessFlags): Promise<void> {
    const credentials = await mspAccess(this.config).grant(mspId, {
      mechanism: flags.mechanism ?? 'SCRAM-SHA-512', username: flags.username, iterations: flags.iterations,
    });
    process.stdout.write(`${JSON.stringify({ ...credentials, bootstrapServers: this.config.kafkaBrokers.join(',') }, null, 2)}\n`);
  }

  @Option({ flags: '-m, --mechanism <mechanism>', description: 'SCRAM-SHA-512 (default) or SCRAM-SHA-256' })
  parseMechanism(value: string): ScramMechanism {
    return parseMechanism(value);
  }

  @Option({ flags: '-u, --username <name>', description: 'the principal (default: the topic name)' })
  parseUsername(value: string): string {
    return parseUsername(value);
  }

  @Option({ flags: '--iterations <count>', description: `SCRAM iterations, ${SCRAM_ITERATIONS.min} to ${SCRAM_ITERATIONS.max} (default ${SCRAM_ITERATIONS.default})` })
  parseIterations(value: string): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n < SCRAM_ITERATIONS.min || n > SCRAM_ITERATIONS.max) {
      throw new InvalidArgumentError(`a whole number from ${SCRAM_ITERATIONS.min} to ${SCRAM_ITERATIONS.max}`);
    }
    return n;
  }
}

@Command({ name: 'kafka-revoke-msp', arguments: '<mspId>', description: "Delete an MSP's Kafka ACLs and SCRAM credential" })
export class KafkaRevokeMspCommand extends CommandRunner {
  constructor(private readonly config: AppConfig) {
    super();
  }

  async run([mspId]: string[], flags: AccessFlags): Promise<void> {
    const plan = await mspAccess(this.config).revoke(mspId, { mechanism: flags.mechanism ?? 'SCRAM-SHA-512', username: flags.username });
    process.stdout.write(`revoked ${plan.username}: its ACLs and its ${flags.mechanism ?? 'SCRAM-SHA-512'} credential\n`);
  }

  @Option({ flags: '-m, --mechanism <mechanism>', description: 'the credential to delete: SCRAM-SHA-512 (default) or SCRAM-SHA-256' })
  parseMechanism(value: string): ScramMechanism {
    return parseMechanism(value);
  }

  @Option({ flags: '-u, --username <name>', description: 'the principal (default: the topic name)' })
  parseUsername(value: string): string {
    return parseUsername(value);
  }
}
