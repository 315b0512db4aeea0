import { Inject, Injectable } from '@nestjs/common';
import { BUSINESS_CATEGORIES, isMspSideRole, MSP_CATEGORIES, NotFound, SubjectScope } from '@app/domain';
import { PersonalData } from '@app/privacy';
import { Principal } from '@app/auth';
import { TenantDirectory } from '@app/tenancy';
import {
  ACTIVITY_LOG_STORE, ActivityLogQuery, ActivityLogStore, audienceOfRole, AudienceName, CursorBinding, CursorSigner, decodeCursor, Page,
  PresentedEntry,
  presentEntry, resolveWindow, toPage,
} from '@app/projections';
import { cursorViewer } from '../shared/cursor-signing.module';
import { Freshness } from '../shared/freshness';
import { AsOf } from '../shared/as-of';
import { MemberEmails } from '../shared/member-emails';
import { BusinessLogQueryDto, FeedQueryDto, LogWindowQueryDto, MspLogQueryDto } from '../shared/log-query.dto';

export type LogPage = Page<PresentedEntry> & { window: { from: string; to: string } };

/** A log query, already scoped to the principal's tenant, with its filters and audience. */
export interface ScopedLogQuery {
  query: Omit<ActivityLogQuery, 'window' | 'after' | 'limit'>;
  /** Who reads: the one rule every channel presents lines by (see AUDIENCE_RULES). */
  audience: AudienceName;
  dto: LogWindowQueryDto;
  /** Whose members the view's lines are initiated by: where a member-email filter looks them up. */
  memberScopes: SubjectScope[];
}

const DEFAULT_LIMIT = 100;

/** Turns the three log views into store queries scoped by the verified principal, never the request. */
@Injectable()
export class ActivityLogService {
  constructor(
    @Inject(ACTIVITY_LOG_STORE) private readonly store: ActivityLogStore,
    private readonly freshness: Freshness,
    private readonly tenants: TenantDirectory,
    private readonly memberEmails: MemberEmails,
    private readonly personalData: PersonalData,
    private readonly signer: CursorSigner,
    private readonly asOf: AsOf,
  ) {}

  mspLog(principal: Principal, dto: MspLogQueryDto): ScopedLogQuery {
    const { memberEmail, organizationId, category } = dto;
    return {
      query: { scope: { mspId: principal.mspId! }, categories: MSP_CATEGORIES, memberEmail, organizationId, category },
      audience: 'msp',
      dto,
      memberScopes: [`msp:${principal.mspId!}`],
    };
  }

  businessLog(principal: Principal, dto: BusinessLogQueryDto): ScopedLogQuery {
    const { memberId, memberEmail, itemId, category } = dto;
    return {
      query: { scope: { orgId: principal.orgId! }, categories: BUSINESS_CATEGORIES, memberId, memberEmail, itemId, category },
      audience: audienceOfRole(principal.role),
      dto,
      memberScopes: [`org:${principal.orgId!}`],
    };
  }

  /** An organization's own owners and admins, and the owners, admins and API keys of the MSP supervising it. */
  async organizationFeed(principal: Principal, organizationId: string, dto: FeedQueryDto): Promise<ScopedLogQuery> {
    const { memberId, memberEmail, itemId, category } = dto;
    const filters = { memberId, memberEmail, itemId, category };
    if (isMspSideRole(principal.role)) {
      if ((await this.tenants.supervisorOf(organizationId)) !== principal.mspId) throw feedNotFound(organizationId);
      const memberScopes: SubjectScope[] = [`org:${organizationId}`, `msp:${principal.mspId!}`];
      return { query: { scope: { mspId: principal.mspId!, orgId: organizationId }, ...filters }, audience: 'msp', dto, memberScopes };
    }
    if (principal.orgId !== organizationId) throw feedNotFound(organizationId);
    return { query: { scope: { orgId: organizationId }, ...filters }, audience: audienceOfRole(principal.role), dto, memberScopes: [`org:${organizationId}`] };
  }

  /** One page for `reader`: the cursors it takes and gives serve that principal and these filters only. */
  async page(scoped: ScopedLogQuery, reader: Principal): Promise<LogPage> {
    await this.freshness.ensure('activity-log', scoped.dto.minPosition);
    const limit = scoped.dto.limit ?? DEFAULT_LIMIT;
    const { query, filters } = await this.asOfQuery(scoped);
    const binding: CursorBinding = { signer: this.signer, viewer: cursorViewer(reader), filters };
    const cursor = scoped.dto.cursor ? decodeCursor(scoped.dto.cursor, binding) : undefined;
    const window = cursor?.window ?? resolveWindow(scoped.dto.from, scoped.dto.to);
    const resolved = await this.memberEmails.resolve(query, scoped.memberScopes);
    const rows = await this.store.query({ ...resolved, window, after: cursor?.after, limit: limit + 1 });
    const reveal = await this.personalData.revealerFor(rows);
    const page = toPage(rows, limit, binding, window, (e) => presentEntry(e, scoped.audience, reveal));
    return { ...page, window };
  }

  /** The query with `asOf` resolved to a position, and the filters a cursor is bound to (asOf included). */
  async asOfQuery(scoped: ScopedLogQuery): Promise<{ query: ScopedLogQuery['query']; filters: object }> {
    const upToPosition = await this.asOf.position((scoped.dto as { asOf?: string }).asOf);
    if (upToPosition === undefined) return { query: scoped.query, filters: scoped.query };
    return { query: { ...scoped.query, upToPosition }, filters: { ...scoped.query, asOf: upToPosition.toString() } };
  }
}

function feedNotFound(organizationId: string): NotFound {
  return new NotFound(`Organization ${organizationId} not found`);
}
