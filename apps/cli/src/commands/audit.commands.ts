import { Inject } from '@nestjs/common';
import { Command, CommandRunner, Option } from 'nest-commander';
import { InvalidArgumentError } from 'commander';
import { once } from 'node:events';
import { auditCheck, AuditCheckpointer, historyLines, planExport, scopeExportLines } from '@app/audit';
import { EVENT_STORE, EventStore, mspScope, orgScope } from '@app/event-store';
import { generateNoteKey, isValidKeyName } from '@app/integrity';
import { parseLimit } from './read-options';
import { SignedAuditLog } from './signed-audit-log';
import { verifyOffline } from './verify-offline';

interface TenantFlags {
  msp?: string;
  org?: string;
}

function scopeOf(flags: TenantFlags): string {
  if (!!flags.msp === !!flags.org) throw new Error('give exactly one of --msp <mspId> or --org <orgId>');
  return flags.msp ? mspScope(flags.msp) : orgScope(flags.org!);
}

async function print(lines: AsyncIterable<string>): Promise<void> {
  for await (const line of lines) if (!process.stdout.write(`${line}\n`)) await once(process.stdout, 'drain');
}

abstract class TenantCommand extends CommandRunner {
  @Option({ flags: '--msp <mspId>', description: 'the MSP’s chain (its own and its supervised organizations’ events)' })
  parseMsp(value: string): string {
    return value;
  }

  @Option({ flags: '--org <orgId>', description: 'one organization’s chain' })
  parseOrg(value: string): string {
    return value;
  }
}

@Command({ name: 'history', description: 'Print a tenant’s raw events in position order as JSON lines (--msp or --org)' })
export class HistoryCommand extends TenantCommand {
  constructor(private readonly audit: SignedAuditLog, @Inject(EVENT_STORE) private readonly store: EventStore) {
    super();
  }

  async run(_: string[], flags: TenantFlags & { limit?: number; fromSeq?: number }): Promise<void> {
    const plan = {
      scope: scopeOf(flags), fromSeq: flags.fromSeq ?? 0, fromLeaf: 0, belowLeaf: Number.MAX_SAFE_INTEGER, limit: flags.limit ?? Number.MAX_SAFE_INTEGER,
    };
    // The end line's nextCursor is the --from-seq to pass next.
    await print(historyLines(this.audit.log, this.store, plan, (next) => String(next.fromSeq)));
  }

  @Option({ flags: '-l, --limit <count>', description: 'most events to print (default: all)' })
  parseLimit(value: string): number {
    return parseLimit(value);
  }

  @Option({ flags: '--from-seq <seq>', description: 'start at this seq of the chain (the end line’s nextCursor)' })
  parseFromSeq(value: string): number {
    return parseLimit(value);
  }
}

@Command({ name: 'audit-export', description: 'Print a tenant’s integrity export (events, proofs, signed heads, checkpoints) for cli verify' })
export class AuditExportCommand extends TenantCommand {
  constructor(private readonly audit: SignedAuditLog) {
    super();
  }

  async run(_: string[], flags: TenantFlags): Promise<void> {
    const scope = scopeOf(flags);
    const plan = await planExport(this.audit.log, scope, {});
    if (plan.checkpoints.length === 0) throw new Error('no signed checkpoint yet: run cli audit-checkpoint (or wait for the next one)');
    await print(scopeExportLines(this.audit.log, this.audit.signer.name, scope, plan, await this.audit.verifierKeys()));
  }
}

@Command({ name: 'audit-checkpoint', description: 'Sign a checkpoint of the integrity log now (when it grew since the last one)' })
export class AuditCheckpointCommand extends CommandRunner {
  constructor(private readonly audit: SignedAuditLog) {
    super();
  }

  async run(): Promise<void> {
    const cp = await new AuditCheckpointer(this.audit.log, this.audit.signer).checkpoint();
    process.stdout.write(cp ? cp.note : 'nothing new since the last checkpoint\n');
  }
}

@Command({ name: 'audit-public-key', description: 'Print the verifier keys (as GET /audit/public-key) for auditors: cli verify --public-key' })
export class AuditPublicKeyCommand extends CommandRunner {
  constructor(private readonly audit: SignedAuditLog) {
    super();
  }

  async run(): Promise<void> {
    const keys = await this.audit.publishedKeys();
    process.stdout.write(`${JSON.stringify({ origin: this.audit.signer.name, ...keys })}\n`);
  }
}

@Command({
  name: 'audit-check',
  description: 'Recompute every leaf, chain and signed checkpoint from the stored events; exit 1 when anything was altered',
})
export class AuditCheckCommand extends CommandRunner {
  constructor(private readonly audit: SignedAuditLog) {
    super();
  }

  async run(): Promise<void> {
    const report = await auditCheck(this.audit.log, await this.audit.verifierKeys());
    process.stdout.write(`${report.ok ? 'OK' : 'ALTERED'}: ${report.leaves} leaves, ${report.checkpoints} checkpoints\n`);
    for (const f of report.findings) process.stdout.write(`${f.kind}: ${f.message}\n`);
    if (!report.ok) process.exitCode = 1;
  }
}

@Command({ name: 'audit-generate-key', description: 'Print a new checkpoint signer key (AUDIT_SIGNING_KEY, a secret) and its verifier key' })
export class AuditGenerateKeyCommand extends CommandRunner {
  async run(_: string[], flags: { name?: string }): Promise<void> {
    const { signerKey, verifierKey } = generateNoteKey(flags.name ?? 'activity-log.local/audit');
    process.stdout.write(`AUDIT_SIGNING_KEY=${signerKey}\n# verifier key: ${verifierKey}\n`);
  }

  @Option({ flags: '--name <origin>', description: 'the key name, also the checkpoints’ origin (default activity-log.local/audit)' })
  parseName(value: string): string {
    if (!isValidKeyName(value)) throw new InvalidArgumentError('a key name has no spaces and no +');
    return value;
  }
}

@Command({ name: 'verify', description: 'Verify an integrity export offline: --export FILE --public-key FILE [--scope S] [--json] (exit 0 valid, 1 not, 2 usage)' })
export class VerifyCommand extends CommandRunner {
  async run(): Promise<void> {
    // main.ts runs `verify` before booting anything; this entry only lists it in --help.
    process.exitCode = verifyOffline(process.argv.slice(3));
  }
}
