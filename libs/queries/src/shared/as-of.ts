import { applyDecorators, Inject, Injectable } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { InvalidInput } from '@app/domain';
import { AUDIT_LOG, AuditLog } from '@app/event-store';

const AS_OF = /^(\d{1,19}|\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?)$/;

/** The `asOf=` query parameter of the log routes and the Sharing Hub record. */
export function AsOfParam() {
  return applyDecorators(
    ApiPropertyOptional({
      description:
        'The view as it stood then: an ISO-8601 time (what the store had committed by then, on its own commit clock, ' +
        'not the events’ occurredAt) or a global position (entries up to it). Repeat it with a cursor.',
      example: '2026-06-01T12:00:00Z',
    }),
    IsOptional(),
    Matches(AS_OF, { message: 'asOf must be an ISO-8601 time (2026-06-01T12:00:00Z) or a global position (digits)' }),
  );
}

/**
 * Turns `asOf` into the last store position committed then. A position is taken as is; a time
 * goes through the integrity log's commit index (tree size per write transaction, on a clock
 * that never goes back), so a skewed occurredAt cannot put an event before or after its time.
 */
@Injectable()
export class AsOf {
  constructor(@Inject(AUDIT_LOG) private readonly log: AuditLog) {}

  async position(asOf: string | undefined): Promise<bigint | undefined> {
    if (asOf === undefined) return undefined;
    if (/^\d+$/.test(asOf)) return BigInt(asOf);
    const time = new Date(asOf);
    if (Number.isNaN(time.getTime())) throw new InvalidInput('asOf is not a valid date or time', 'asOf');
    const size = await this.log.sizeAtTime(time.toISOString(), true);
    return size === 0 ? 0n : ((await this.log.positionOfLeaf(size - 1)) ?? 0n);
  }
}
