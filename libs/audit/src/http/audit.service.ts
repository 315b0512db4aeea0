import { Inject, Injectable } from '@nestjs/common';
import { Principal } from '@app/auth';
import { CursorSigner } from '@app/projections';
import { InvalidInput, NotFound } from '@app/domain';
import { AUDIT_LOG, AuditLog, EVENT_STORE, EventStore } from '@app/event-store';
import { leafHash, NoteSigner, readStoredEventJson, toBase64 } from '@app/integrity';
import { AUDIT_SIGNER } from '../checkpoints/audit-checkpoint.service';
import { HistoryPlan, historyLines } from '../history/audit-history';
import { planExport, scopeExportLines } from '../export/scope-export';
import { publishedKeys } from '../keys/audit-signing-key';
import { AuditScopes } from './audit-scope';
import { CheckpointPageDto, ConsistencyProofDto, HistoryQueryDto, InclusionProofDto, PublicKeyDto, TenantAuditQueryDto } from './audit.dto';

export const AUDIT_PREVIOUS_KEYS = Symbol('AUDIT_PREVIOUS_KEYS');

const DEFAULT_HISTORY_LIMIT = 10000;
const UNBOUNDED = Number.MAX_SAFE_INTEGER;

/** The auditor's routes over the integrity log: keys, checkpoints, proofs, history and exports. */
@Injectable()
export class AuditService {
  constructor(
    @Inject(AUDIT_LOG) private readonly log: AuditLog,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(AUDIT_SIGNER) private readonly signer: NoteSigner,
    @Inject(AUDIT_PREVIOUS_KEYS) private readonly previous: string[],
    private readonly scopes: AuditScopes,
    private readonly cursors: CursorSigner,
  ) {}

  async publicKey(): Promise<PublicKeyDto> {
    return { origin: this.signer.name, ...publishedKeys(this.signer, this.previous, await this.log.signingKeys()) };
  }

  async checkpoints(fromSize = 0, limit = 100): Promise<CheckpointPageDto> {
    const rows = await this.log.checkpoints({ fromSize, limit: limit + 1 });
    return { items: rows.slice(0, limit), nextFromSize: rows.length > limit ? rows[limit].treeSize : null };
  }

  async consistency(size1: number, size2: number): Promise<ConsistencyProofDto> {
    if (size1 > size2) throw new InvalidInput('size1 must not be larger than size2', 'size1');
    for (const size of [size1, size2]) if (!(await this.log.checkpointAt(size))) throw new NotFound(`No checkpoint of tree size ${size}`);
    const proof = await (await this.log.merkle()).consistencyProof(size1, size2);
    return { size1, size2, proof: proof.map(toBase64) };
  }

  /** An event's proof, for a principal that may see it (another tenant's event is a 404, as a missing one). */
  async inclusion(principal: Principal, position: bigint, treeSize?: number): Promise<InclusionProofDto> {
    const missing = new NotFound(`No event at position ${position}`);
    const leafIndex = await this.log.leafOfPosition(position);
    if (leafIndex === undefined) throw missing;
    const bytes = await this.log.leafBytes(leafIndex);
    const visible = this.scopes.visibleScopes(principal);
    if (!readStoredEventJson(bytes)?.links.some((l) => visible.includes(l.scope))) throw missing;
    const checkpoint = treeSize === undefined ? await this.firstCheckpointHolding(leafIndex) : await this.log.checkpointAt(treeSize);
    if (!checkpoint) throw new NotFound(treeSize === undefined ? 'No checkpoint covers this event yet; try after the next one' : `No checkpoint of tree size ${treeSize}`);
    if (checkpoint.treeSize <= leafIndex) throw new InvalidInput(`The checkpoint of tree size ${checkpoint.treeSize} does not hold this event`, 'treeSize');
    const proof = await (await this.log.merkle()).inclusionProof(leafIndex, checkpoint.treeSize);
    return {
      position: position.toString(), leafIndex, treeSize: checkpoint.treeSize, bytes: toBase64(bytes), leafHash: toBase64(leafHash(bytes)),
      proof: proof.map(toBase64), checkpoint: checkpoint.note,
    };
  }

  async exportLines(principal: Principal, dto: TenantAuditQueryDto): Promise<{ scope: string; lines: AsyncIterable<string> }> {
    const scope = await this.scopes.scopeOf(principal, dto.organizationId);
    const to = dto.asOf ? await this.asOfTime(dto.asOf) : dto.to && iso(dto.to, 'to');
    const plan = await planExport(this.log, scope, { from: dto.from && iso(dto.from, 'from'), to });
    if (plan.checkpoints.length === 0) throw new NotFound('No signed checkpoint covers this range yet; try after the next one');
    const keys = await this.publicKey();
    return { scope, lines: scopeExportLines(this.log, keys.origin, scope, plan, [keys.current, ...keys.previous]) };
  }

  /** A cursor is signed (CursorSigner) for this reader and this chain: edited, or someone else's, it is a 400. */
  async historyLines(principal: Principal, dto: HistoryQueryDto): Promise<AsyncIterable<string>> {
    const scope = await this.scopes.scopeOf(principal, dto.organizationId);
    const binding = JSON.stringify(['audit-history', principal.subject, principal.role, principal.mspId ?? null, principal.orgId ?? null, scope]);
    const plan = dto.cursor ? decodeCursor(this.cursors.verify(dto.cursor, binding), scope) : await this.historyPlan(scope, dto);
    return historyLines(this.log, this.store, plan, (next) => this.cursors.sign({ v: 1, ...next }, binding));
  }

  /** The tree size `asOf` (an ISO time or a position) names. */
  async asOfSize(asOf: string): Promise<number> {
    return /^\d+$/.test(asOf) ? this.log.sizeAtPosition(BigInt(asOf)) : this.log.sizeAtTime(iso(asOf, 'asOf'), true);
  }

  private async historyPlan(scope: string, dto: HistoryQueryDto): Promise<HistoryPlan> {
    const bounds = [
      dto.to ? await this.log.sizeAtTime(iso(dto.to, 'to'), false) : UNBOUNDED,
      dto.asOf ? await this.asOfSize(dto.asOf) : UNBOUNDED,
    ];
    const fromLeaf = dto.from ? await this.log.sizeAtTime(iso(dto.from, 'from'), false) : 0;
    return { scope, fromSeq: 0, fromLeaf, belowLeaf: Math.min(...bounds), limit: dto.limit ?? DEFAULT_HISTORY_LIMIT };
  }

  /** An export asOf a time or position ends at the last checkpoint signed by then. */
  private async asOfTime(asOf: string): Promise<string> {
    if (!/^\d+$/.test(asOf)) return iso(asOf, 'asOf');
    const size = await this.log.sizeAtPosition(BigInt(asOf));
    const [atOrAfter] = await this.log.checkpoints({ fromSize: size, limit: 1 });
    const exact = atOrAfter?.treeSize === size ? atOrAfter : undefined;
    if (exact) return exact.time;
    throw new InvalidInput('an export asOf a position needs a checkpoint of exactly that size; give a time instead', 'asOf');
  }

  private async firstCheckpointHolding(leafIndex: number) {
    const [first] = await this.log.checkpoints({ fromSize: leafIndex + 1, limit: 1 });
    return first;
  }
}

function iso(value: string, field: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new InvalidInput(`${field} is not a valid date or time`, field);
  return date.toISOString();
}

function decodeCursor(payload: unknown, scope: string): HistoryPlan {
  const plan = payload as (HistoryPlan & { v?: number }) | undefined;
  const ints = [plan?.fromSeq, plan?.fromLeaf, plan?.belowLeaf, plan?.limit];
  if (!plan || plan.v !== 1 || plan.scope !== scope || !ints.every((n) => Number.isSafeInteger(n) && (n as number) >= 0)) {
    throw new InvalidInput('cursor is not a cursor of this history', 'cursor');
  }
  const { v: _v, ...rest } = plan;
  return rest;
}
