import { Inject, Injectable } from '@nestjs/common';
import { AUDIT_PREVIOUS_KEYS, AUDIT_SIGNER, publishedKeys } from '@app/audit';
import { AUDIT_LOG, AuditLog } from '@app/event-store';
import { NoteSigner } from '@app/integrity';

/** The integrity log with its checkpoint signer and the verifier keys it publishes: what the audit commands share. */
@Injectable()
export class SignedAuditLog {
  constructor(
    @Inject(AUDIT_LOG) readonly log: AuditLog,
    @Inject(AUDIT_SIGNER) readonly signer: NoteSigner,
    @Inject(AUDIT_PREVIOUS_KEYS) private readonly previous: string[],
  ) {}

  /** As GET /audit/public-key: the current verifier key, then every earlier one (configured or stored), once each. */
  async publishedKeys(): Promise<{ current: string; previous: string[] }> {
    return publishedKeys(this.signer, this.previous, await this.log.signingKeys());
  }

  /** Every key a checkpoint of this log may be signed with, the current one first. */
  async verifierKeys(): Promise<string[]> {
    const keys = await this.publishedKeys();
    return [keys.current, ...keys.previous];
  }
}
