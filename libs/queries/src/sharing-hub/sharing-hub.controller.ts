import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize, Ctx, RequestContext } from '@app/auth';
import { PresentedHubDetail } from '@app/projections/sharing-hub';
import { ApiQueryErrors } from '@app/http';
import { SharingHubDetailDto, SharingHubPageDto, SharingHubQueryDto, SharingHubRecordQueryDto } from './sharing-hub.dto';
import { HubPage, SharingHubService } from './sharing-hub.service';

/** The Sharing Hub (organization owners, and admins with generic details): every item and folder, who has it, with which rights, and its history. */
@ApiTags('Sharing Hub')
@ApiBearerAuth()
@ApiQueryErrors()
@Controller('sharing-hub')
export class SharingHubController {
  constructor(private readonly hub: SharingHubService) {}

  @Get()
  @Authorize('ReadSharingHub')
  @ApiOperation({ summary: 'Items and folders of the organization, most recently changed first; the window applies to the last change' })
  @ApiOkResponse({ type: SharingHubPageDto })
  list(@Query() query: SharingHubQueryDto, @Ctx() ctx: RequestContext): Promise<HubPage> {
    return this.hub.page(ctx.principal, query);
  }

  @Get('items/:id')
  @Authorize('ReadSharingHub')
  @ApiOperation({ summary: 'One item or folder of the organization with the history of its sharing changes' })
  @ApiOkResponse({ type: SharingHubDetailDto })
  record(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: SharingHubRecordQueryDto,
    @Ctx() ctx: RequestContext,
  ): Promise<PresentedHubDetail> {
    return this.hub.record(ctx.principal, id, query);
  }
}
