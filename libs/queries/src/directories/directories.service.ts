import { Inject, Injectable } from '@nestjs/common';
import { Principal } from '@app/auth';
import {
  IntegrationEntry, INTEGRATIONS_PROJECTOR, INTEGRATIONS_STORE, IntegrationsStore, MEMBER_DIRECTORY_PROJECTORS, MemberDirectoryStore, MemberEntry, MSP_MEMBER_DIRECTORY_STORE, ORG_MEMBER_DIRECTORY_STORE,
  ORGANIZATION_DIRECTORY_PROJECTOR, ORGANIZATION_DIRECTORY_STORE, OrganizationDirectoryStore, OrganizationEntry, CursorSigner,
} from '@app/projections';
import { PersonalData } from '@app/privacy';
import { cursorViewer } from '../shared/cursor-signing.module';
import { Freshness } from '../shared/freshness';
import { decodeListCursor, ListCursorBinding, listPage } from './list-cursor';
import { ListQueryDto } from './list-query.dto';
import { IntegrationListDto, MemberListDto, OrganizationListDto } from './directories.dto';

const DEFAULT_LIMIT = 100;

/** The lists a panel's filters need, each scoped to the principal's own tenant (never one the request names). */
@Injectable()
export class DirectoriesService {
  constructor(
    @Inject(ORGANIZATION_DIRECTORY_STORE) private readonly organizations: OrganizationDirectoryStore,
    @Inject(MSP_MEMBER_DIRECTORY_STORE) private readonly mspMembers: MemberDirectoryStore,
    @Inject(ORG_MEMBER_DIRECTORY_STORE) private readonly orgMembers: MemberDirectoryStore,
    @Inject(INTEGRATIONS_STORE) private readonly integrations: IntegrationsStore,
    private readonly freshness: Freshness,
    private readonly personalData: PersonalData,
    private readonly signer: CursorSigner,
  ) {}

  /** The organizations the principal's MSP supervises, with their status. */
  async supervisedOrganizations(principal: Principal, dto: ListQueryDto): Promise<OrganizationListDto> {
    await this.freshness.ensure(ORGANIZATION_DIRECTORY_PROJECTOR, dto.minPosition);
    const limit = dto.limit ?? DEFAULT_LIMIT;
    const binding = this.binding(principal, 'organizations');
    const after = dto.cursor ? decodeListCursor(dto.cursor, ['id'] as const, binding).id : undefined;
    const rows = await this.organizations.list({ mspId: principal.mspId!, afterOrgId: after, limit: limit + 1 });
    return listPage(rows, limit, binding, (e) => ({ id: e.orgId }), presentOrganization);
  }

  /** The integrations the principal's tenant owns: the MSP's for MSP roles, the organization's own for its owners. */
  async ownIntegrations(principal: Principal, dto: ListQueryDto): Promise<IntegrationListDto> {
    await this.freshness.ensure(INTEGRATIONS_PROJECTOR, dto.minPosition);
    const limit = dto.limit ?? DEFAULT_LIMIT;
    const binding = this.binding(principal, 'integrations');
    const afterId = dto.cursor ? decodeListCursor(dto.cursor, ['id'] as const, binding).id : undefined;
    const owner = principal.orgId && !principal.role.startsWith('msp_') ? { orgId: principal.orgId } : { mspId: principal.mspId! };
    const rows = await this.integrations.list({ owner, afterId, limit: limit + 1 });
    return listPage(rows, limit, binding, (e) => ({ id: e.integrationId }), presentIntegration);
  }

  mspRoster(principal: Principal, dto: ListQueryDto): Promise<MemberListDto> {
    return this.members(this.mspMembers, principal.mspId!, dto, this.binding(principal, 'msp-members'));
  }

  orgRoster(principal: Principal, dto: ListQueryDto): Promise<MemberListDto> {
    return this.members(this.orgMembers, principal.orgId!, dto, this.binding(principal, 'org-members'));
  }

  /**
   * A roster by email (any case), then member id. The store holds emails and names sealed, so it
   * cannot order by them: a tenant's roster is read whole, revealed, ordered and paged here (an
   * erased member sorts under their pseudonym).
   */
  private async members(store: MemberDirectoryStore, tenantId: string, dto: ListQueryDto, binding: ListCursorBinding): Promise<MemberListDto> {
    await this.freshness.ensure(MEMBER_DIRECTORY_PROJECTORS[store.kind], dto.minPosition);
    const limit = dto.limit ?? DEFAULT_LIMIT;
    const after = dto.cursor ? decodeListCursor(dto.cursor, ['email', 'memberId'] as const, binding) : undefined;
    const sealed = await wholeRoster(store, tenantId);
    const reveal = await this.personalData.revealerFor(sealed);
    const sorted = sealed.map((entry) => reveal(entry)).sort(byEmailThenId);
    const start = after ? sorted.findIndex((e) => byEmailThenId(e, after) > 0) : 0;
    const rows = start < 0 ? [] : sorted.slice(start, start + limit + 1);
    return listPage(rows, limit, binding, (e) => ({ email: e.email, memberId: e.memberId }), presentMember);
  }

  private binding(principal: Principal, list: string): ListCursorBinding {
    return { signer: this.signer, viewer: cursorViewer(principal), list };
  }
}

const ROSTER_PAGE = 1000;

async function wholeRoster(store: MemberDirectoryStore, tenantId: string): Promise<MemberEntry[]> {
  const all: MemberEntry[] = [];
  for (;;) {
    const last = all[all.length - 1];
    const page = await store.list({ tenantId, after: last && { email: last.email, memberId: last.memberId }, limit: ROSTER_PAGE });
    all.push(...page);
    if (page.length < ROSTER_PAGE) return all;
  }
}

function byEmailThenId(a: { email: string; memberId: string }, b: { email: string; memberId: string }): number {
  const [x, y] = [a.email.toLowerCase(), b.email.toLowerCase()];
  if (x !== y) return x < y ? -1 : 1;
  return a.memberId === b.memberId ? 0 : a.memberId < b.memberId ? -1 : 1;
}

function presentOrganization({ orgId, name, status, createdAt, updatedAt }: OrganizationEntry) {
  return { id: orgId, name, status, createdAt, updatedAt };
}

/** Only what a filter needs: never the settings or any part of the secret. */
function presentIntegration({ integrationId, kind, name, status, owner, createdAt, updatedAt }: IntegrationEntry) {
  return { id: integrationId, kind, name, status, owner: owner.type, createdAt, updatedAt };
}

function presentMember({ memberId, email, name, role, status, since, updatedAt }: MemberEntry) {
  return { memberId, email, name, role, status, since, updatedAt };
}
