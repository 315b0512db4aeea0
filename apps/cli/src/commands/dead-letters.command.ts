import { Inject } from '@nestjs/common';
import { Command, CommandRunner, Option } from 'nest-commander';
import { DEAD_LETTER_STORE, DeadLetterStore } from '@app/projections';
import { parseLimit } from './read-options';

interface DeadLetterFlags {
  view?: string;
  limit?: number;
  dismiss?: string;
}

/** Lists the events the views could not apply (what makes /health say "degraded"), or dismisses one. */
@Command({
  name: 'dead-letters',
  description:
    'List the events the views dead-lettered, as JSON lines (oldest first). `rebuild <view>` replays them; ' +
    '--dismiss forgets one that can never be applied.',
})
export class DeadLettersCommand extends CommandRunner {
  constructor(@Inject(DEAD_LETTER_STORE) private readonly deadLetters: DeadLetterStore) {
    super();
  }

  async run(_: string[], flags: DeadLetterFlags): Promise<void> {
    if (flags.dismiss !== undefined) {
      if (!flags.view) throw new Error('--dismiss needs --view <view>');
      await this.deadLetters.remove(flags.view, flags.dismiss);
      process.stdout.write(`dismissed ${flags.dismiss} from ${flags.view}\n`);
      return;
    }
    const letters = await this.deadLetters.list({ projector: flags.view, limit: flags.limit ?? 1000 });
    for (const letter of letters) process.stdout.write(`${JSON.stringify({ ...letter, position: letter.position.toString() })}\n`);
  }

  @Option({ flags: '-v, --view <view>', description: 'only this view (activity-log, sharing-hub, organizations)' })
  parseView(value: string): string {
    return value;
  }

  @Option({ flags: '-l, --limit <count>', description: 'most letters to print (default 1000)' })
  parseLimit(value: string): number {
    return parseLimit(value);
  }

  @Option({ flags: '--dismiss <eventId>', description: "forget this event's dead letter (with --view)" })
  parseDismiss(value: string): string {
    return value;
  }
}
