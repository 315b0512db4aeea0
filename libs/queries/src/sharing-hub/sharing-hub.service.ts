import { Inject, Injectable } from '@nestjs/common';
import { folderStream, NotFound, vaultItemStream } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { Principal } from '@app/auth';
import { AUDIENCE_RULES, audienceOfRole, CursorBinding, CursorSigner, decodeCursor, Page, resolveWindow, toPage } from '@app/projections';
import { cursorViewer } from '../shared/cursor-signing.module';
import {
  HubAudience,
  PresentedHubDetail,
  presentHubDetail,
  PresentedHubRecord,
  presentHubRecord,
  SHARING_HUB_PROJECTOR,
  SHARING_HUB_STORE,
  SharingHubKind,
  SharingHubStore,
  SharingHubView,
  applyEvent,
  SharingHubDetail,
  SharingHubRecord,
} from '@app/projections/sharing-hub';
import { PersonalData } from '@app/privacy';
import { Freshness } from '../shared/freshness';
import { AsOf } from '../shared/as-of';
import { SharingHubQueryDto, SharingHubRecordQueryDto } from './sharing-hub.dto';

export type HubPage = Page<PresentedHubRecord> & { window: { from: string; to: string } };

const DEFAULT_LIMIT = 100;

/** The Sharing Hub of the principal's own organization (never one named by the request), redacted at query time for admins. */
@Injectable()
export class SharingHubService {
  constructor(
    @Inject(SHARING_HUB_STORE) private readonly store: SharingHubStore,
    private readonly freshness: Freshness,
    private readonly personalData: PersonalData,
    private readonly signer: CursorSigner,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly asOf: AsOf,
  ) {}

  async page(principal: Principal, dto: SharingHubQueryDto): Promise<HubPage> {
    await this.freshness.ensure(SHARING_HUB_PROJECTOR, dto.minPosition);
    const filters = { orgId: orgOf(principal), kind: dto.kind, deleted: dto.includeDeleted ? undefined : false };
    const limit = dto.limit ?? DEFAULT_LIMIT;
    const binding: CursorBinding = { signer: this.signer, viewer: cursorViewer(principal), filters };
    const cursor = dto.cursor ? decodeCursor(dto.cursor, binding) : undefined;
    const window = cursor?.window ?? resolveWindow(dto.from, dto.to);
    const rows = await this.store.query({ ...filters, window, after: cursor?.after, limit: limit + 1 });
    const keyed = rows.map((view) => ({ occurredAt: view.updatedAt, position: view.lastPosition, view }));
    const audience = audienceOf(principal);
    const reveal = await this.personalData.revealerFor(rows);
    const page = toPage(keyed, limit, binding, window, (row: { view: SharingHubView }) => presentHubRecord(row.view, audience, reveal));
    return { ...page, window };
  }

  async record(principal: Principal, id: string, dto: SharingHubRecordQueryDto): Promise<PresentedHubDetail> {
    await this.freshness.ensure(SHARING_HUB_PROJECTOR, dto.minPosition);
    const notFound = new NotFound(`${dto.kind === 'folder' ? 'Folder' : 'Item'} ${id} not found`);
    const current = await this.store.get(orgOf(principal), id, dto.kind as SharingHubKind | undefined);
    if (!current) throw notFound;
    const position = await this.asOf.position(dto.asOf);
    const detail = position === undefined ? current : await this.asItWas(current, position);
    if (!detail) throw new NotFound(`${current.kind === 'folder' ? 'Folder' : 'Item'} ${id} did not exist at position ${position}`);
    return presentHubDetail(detail, audienceOf(principal), await this.personalData.revealerFor(detail));
  }

  /**
   * The record as of a position: owner, shares and rights replayed from its own stream up to there
   * (one stream, bounded by the record's own changes, never a scan of the store), and its history
   * up to there. The organization's sharing policy is shown as it is now.
   */
  private async asItWas(current: SharingHubDetail, position: bigint): Promise<SharingHubDetail | undefined> {
    const history = current.history.filter((h) => h.position <= position);
    if (current.lastPosition <= position) return { ...current, history };
    const stream = current.kind === 'item' ? vaultItemStream(current.id) : folderStream(current.id);
    let record: SharingHubRecord | undefined;
    for (const event of await this.events.readStream(stream)) {
      if (event.position > position) break;
      record = applyEvent(record, event)?.record ?? record;
    }
    return record && { ...record, sharingPolicy: current.sharingPolicy, history };
  }
}

/** Owners see names and item types; everybody else who may read the hub (admins) sees generic details, as in the log. */
function audienceOf(principal: Principal): HubAudience {
  return { redactItems: AUDIENCE_RULES[audienceOfRole(principal.role)].redactItems };
}

function orgOf(principal: Principal): string {
  if (!principal.orgId) throw new NotFound('This token belongs to no organization');
  return principal.orgId;
}
