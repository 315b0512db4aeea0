import { Inject } from '@nestjs/common';
import { Command, CommandRunner, Option } from 'nest-commander';
import { EVENT_STORE, EventFilter, EventStore, serializeEvent } from '@app/event-store';
import { parseBigInt, parseLimit } from './read-options';

interface ReadAllFlags {
  backwards?: boolean;
  after?: bigint;
  limit?: number;
  typePrefix?: string[];
  streamPrefix?: string[];
}

@Command({ name: 'read-all', description: 'Print the global event history as JSON lines, in position order' })
export class ReadAllCommand extends CommandRunner {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    super();
  }

  async run(_: string[], flags: ReadAllFlags): Promise<void> {
    if (flags.typePrefix && flags.streamPrefix) {
      throw new Error('use either --type-prefix or --stream-prefix, not both');
    }
    const filter: EventFilter | undefined = flags.typePrefix
      ? { eventTypePrefixes: flags.typePrefix }
      : flags.streamPrefix
        ? { streamPrefixes: flags.streamPrefix }
        : undefined;
    const events = await this.store.readAll({
      direction: flags.backwards ? 'backwards' : 'forwards',
      fromPosition: flags.after,
      limit: flags.limit ?? 1000,
      filter,
    });
    events.forEach((e) => process.stdout.write(`${JSON.stringify(serializeEvent(e))}\n`));
  }

  @Option({ flags: '-b, --backwards', description: 'newest first' })
  parseBackwards(): boolean {
    return true;
  }

  @Option({ flags: '-a, --after <position>', description: 'start after this global position (exclusive)' })
  parseAfter(value: string): bigint {
    return parseBigInt(value);
  }

  @Option({ flags: '-l, --limit <count>', description: 'most events to print (default 1000)' })
  parseLimit(value: string): number {
    return parseLimit(value);
  }

  @Option({ flags: '-t, --type-prefix <prefix...>', description: 'only event types starting with one of these' })
  parseTypePrefix(value: string, previous: string[] = []): string[] {
    return [...previous, value];
  }

  @Option({ flags: '-s, --stream-prefix <prefix...>', description: 'only streams starting with one of these' })
  parseStreamPrefix(value: string, previous: string[] = []): string[] {
    return [...previous, value];
  }
}
