import { Logger } from '@nestjs/common';
import { CredentialDirectory } from './credential-directory';

/** How coarse lastUsedAt is: a credential's use is written at most once per this interval per process. */
export const USAGE_RESOLUTION_MS = 60_000;

/**
 * Keeps the directory's lastUsedAt roughly current without a write per request, and without an
 * event per request: it is an operational hint, not an audit fact (the requests' own log lines
 * are). A failed write is logged and never fails the request.
 */
export class UsageRecorder {
  private readonly logger = new Logger('CredentialUsage');
  private readonly written = new Map<string, number>();

  constructor(private readonly directory: CredentialDirectory, private readonly now: () => number = Date.now) {}

  used(credentialId: string): void {
    const now = this.now();
    if (now - (this.written.get(credentialId) ?? Number.NEGATIVE_INFINITY) < USAGE_RESOLUTION_MS) return;
    this.written.set(credentialId, now);
    this.directory.recordUse(credentialId, new Date(now).toISOString()).catch((error: unknown) => {
      this.written.delete(credentialId);
      this.logger.warn(`could not note the use of credential ${credentialId}: ${error instanceof Error ? error.message : String(error)}`);
    });
  }
}
