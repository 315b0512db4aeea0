import { InvalidInput } from '@app/domain';
import { CursorSigner } from '@app/projections';

/** Where a poller is: strictly after `after` (a global position), within the first request's time bounds. */
export interface PullPosition {
  after: bigint | undefined;
  startTime: string | undefined;
  endTime: string | undefined;
}

const MAX_POSITION = 2n ** 63n - 1n;
const NOT_ISSUED = 'cursor is not one this API issued to this credential for this feed';

/**
 * Pull cursors are signed (the deployment's CursorSigner) under a binding of the reader and the
 * feed, neither stored in the cursor: one handed to one credential for one feed is refused (400)
 * from any other, or for another feed, and cannot be edited.
 */
export class PullCursors {
  constructor(private readonly signer: CursorSigner) {}

  encode(position: PullPosition, viewer: string, feed: string): string {
    const { after, startTime, endTime } = position;
    return this.signer.sign({ p: after?.toString() ?? null, s: startTime ?? null, e: endTime ?? null }, binding(viewer, feed));
  }

  decode(cursor: string, viewer: string, feed: string): PullPosition {
    const payload = this.signer.verify(cursor, binding(viewer, feed));
    if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) throw notIssued();
    const { p, s, e } = payload as { p?: unknown; s?: unknown; e?: unknown };
    if (p !== null && (typeof p !== 'string' || !/^\d{1,19}$/.test(p) || BigInt(p) > MAX_POSITION)) throw notIssued();
    if (!isInstantOrNull(s) || !isInstantOrNull(e)) throw notIssued();
    return { after: p === null ? undefined : BigInt(p), startTime: s ?? undefined, endTime: e ?? undefined };
  }
}

function binding(viewer: string, feed: string): string {
  return JSON.stringify(['pull', viewer, feed]);
}

function isInstantOrNull(value: unknown): value is string | null {
  return value === null || (typeof value === 'string' && !Number.isNaN(Date.parse(value)));
}

function notIssued(): InvalidInput {
  return new InvalidInput(NOT_ISSUED, 'cursor');
}
