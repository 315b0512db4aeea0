import { Inject, Injectable } from '@nestjs/common';
import { Principal } from '@app/auth';
import { CREDENTIALS_PROJECTOR, CREDENTIALS_STORE, CredentialEntry, CredentialListQuery, CredentialsStore, CursorSigner } from '@app/projections';
import { decodeListCursor, ListCursorBinding, listPage } from '../directories/list-cursor';
import { cursorViewer } from '../shared/cursor-signing.module';
import { ListQueryDto } from '../directories/list-query.dto';
import { Freshness } from '../shared/freshness';
import { ActivityLogTokenListDto, ActivityLogTokenListItemDto, ApiKeyListDto, ApiKeyListItemDto } from './credential-lists.dto';

const DEFAULT_LIMIT = 100;

/** The MSP's API keys and the organization's Activity Log tokens, from the credential directory: scoped by the principal, no secrets. */
@Injectable()
export class CredentialListsService {
  constructor(
    @Inject(CREDENTIALS_STORE) private readonly store: CredentialsStore,
    private readonly freshness: Freshness,
    private readonly signer: CursorSigner,
  ) {}

  async apiKeys(principal: Principal, dto: ListQueryDto): Promise<ApiKeyListDto> {
    return this.page({ kind: 'msp_api_key', tenant: { mspId: principal.mspId! } }, dto, this.binding(principal, 'api-keys'), presentKey);
  }

  async activityLogTokens(principal: Principal, dto: ListQueryDto, now = new Date()): Promise<ActivityLogTokenListDto> {
    return this.page({ kind: 'activity_log_token', tenant: { orgId: principal.orgId! } }, dto, this.binding(principal, 'activity-log-tokens'), (e) => presentToken(e, now));
  }

  private async page<T>(
    query: Omit<CredentialListQuery, 'limit' | 'afterId'>, dto: ListQueryDto, binding: ListCursorBinding, present: (entry: CredentialEntry) => T,
  ) {
    await this.freshness.ensure(CREDENTIALS_PROJECTOR, dto.minPosition);
    const limit = dto.limit ?? DEFAULT_LIMIT;
    const afterId = dto.cursor ? decodeListCursor(dto.cursor, ['id'] as const, binding).id : undefined;
    const rows = await this.store.list({ ...query, afterId, limit: limit + 1 });
    return listPage(rows, limit, binding, (e: CredentialEntry) => ({ id: e.id }), present);
  }

  private binding(principal: Principal, list: string): ListCursorBinding {
    return { signer: this.signer, viewer: cursorViewer(principal), list };
  }
}

function common(e: CredentialEntry) {
  return { id: e.id, name: e.name, status: e.status as string, createdBy: e.createdBy, createdAt: e.createdAt, revokedAt: e.revokedAt, lastUsedAt: e.lastUsedAt };
}

/** The public key's thumbprint, never the key pair's private half (which the API never had after answering it). */
function presentKey(e: CredentialEntry): ApiKeyListItemDto {
  return { ...common(e), algorithm: e.algorithm, thumbprint: e.thumbprint, rotatedAt: e.rotatedAt };
}

/** Never the token or its hash. */
function presentToken(e: CredentialEntry, now: Date): ActivityLogTokenListItemDto {
  const expired = e.status === 'active' && e.expiresAt !== null && Date.parse(e.expiresAt) <= now.getTime();
  return { ...common(e), status: expired ? 'expired' : e.status, scope: e.scope === 'org_owner' ? 'owner' : 'admin', expiresAt: e.expiresAt };
}
