import { Inject } from '@nestjs/common';
import { Command, CommandRunner, Option } from 'nest-commander';
import { EVENT_STORE, EventStore, serializeEvent } from '@app/event-store';
import { parseBigInt, parseLimit } from './read-options';

interface ReadStreamFlags {
  backwards?: boolean;
  from?: bigint;
  limit?: number;
}

@Command({ name: 'read-stream', arguments: '<streamId>', description: 'Print one stream as JSON lines, in revision order' })
export class ReadStreamCommand extends CommandRunner {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    super();
  }

  async run([streamId]: string[], flags: ReadStreamFlags): Promise<void> {
    const events = await this.store.readStream(streamId, {
      direction: flags.backwards ? 'backwards' : 'forwards',
      fromRevision: flags.from,
      limit: flags.limit,
    });
    events.forEach((e) => process.stdout.write(`${JSON.stringify(serializeEvent(e))}\n`));
  }

  @Option({ flags: '-b, --backwards', description: 'newest first' })
  parseBackwards(): boolean {
    return true;
  }

  @Option({ flags: '-f, --from <revision>', description: 'first revision to print (inclusive)' })
  parseFrom(value: string): bigint {
    return parseBigInt(value);
  }

  @Option({ flags: '-l, --limit <count>', description: 'most events to print' })
  parseLimit(value: string): number {
    return parseLimit(value);
  }
}
