import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Authorize, Ctx, Public, RequestContext } from '@app/auth';
import { ApiQueryErrors } from '@app/http';
import {
  CheckpointPageDto, CheckpointsQueryDto, ConsistencyProofDto, ConsistencyQueryDto, HistoryQueryDto, InclusionProofDto, InclusionQueryDto,
  PublicKeyDto, TenantAuditQueryDto,
} from './audit.dto';
import { AuditService } from './audit.service';
import { streamLines } from './stream-lines';

const JSON_LINES = (description: string) => ({ description, content: { 'application/x-ndjson': { schema: { type: 'string' } } } });

/**
 * Auditor trust: the log's public key and signed checkpoints (public, they hold no tenant data),
 * consistency proofs between checkpoints, and for a tenant's owners its raw history, the
 * inclusion proof of any of its events and an export that verifies offline.
 */
@ApiTags('Audit')
@ApiQueryErrors()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('public-key')
  @Public()
  @ApiOperation({ summary: 'Verifier keys of the checkpoint signatures: the current one and every earlier one' })
  @ApiOkResponse({ type: PublicKeyDto })
  publicKey(): Promise<PublicKeyDto> {
    return this.audit.publicKey();
  }

  @Get('checkpoints')
  @Public()
  @ApiOperation({ summary: 'Signed checkpoints (tree size, root, time, scope heads) in ascending tree size' })
  @ApiOkResponse({ type: CheckpointPageDto })
  checkpoints(@Query() query: CheckpointsQueryDto): Promise<CheckpointPageDto> {
    return this.audit.checkpoints(query.fromSize, query.limit);
  }

  @Get('proofs/consistency')
  @Public()
  @ApiOperation({ summary: 'RFC 9162 consistency proof between two checkpoints: the older tree is a prefix of the newer' })
  @ApiOkResponse({ type: ConsistencyProofDto })
  consistency(@Query() query: ConsistencyQueryDto): Promise<ConsistencyProofDto> {
    return this.audit.consistency(query.size1, query.size2);
  }

  @Get('proofs/inclusion')
  @ApiBearerAuth()
  @Authorize('ReadAuditTrail')
  @ApiOperation({ summary: 'RFC 9162 inclusion proof of one of the tenant’s events in a signed checkpoint' })
  @ApiOkResponse({ type: InclusionProofDto })
  inclusion(@Query() query: InclusionQueryDto, @Ctx() ctx: RequestContext): Promise<InclusionProofDto> {
    return this.audit.inclusion(ctx.principal, BigInt(query.position), query.treeSize);
  }

  @Get('history')
  @ApiBearerAuth()
  @Authorize('ReadAuditTrail')
  @ApiOperation({ summary: 'The tenant’s raw events in position order as JSON Lines, then an end line with the next cursor' })
  @ApiOkResponse(JSON_LINES('`{"kind":"event","seq":…,"leafIndex":…,"event":{…}}` per event, then `{"kind":"end","nextCursor":…}`'))
  async history(@Query() query: HistoryQueryDto, @Ctx() ctx: RequestContext, @Res() res: Response): Promise<void> {
    await streamLines(res, await this.audit.historyLines(ctx.principal, query));
  }

  @Get('export')
  @ApiBearerAuth()
  @Authorize('ReadAuditTrail')
  @ApiOperation({ summary: 'The tenant’s integrity export: its events with proofs, its signed heads and the checkpoints, to verify offline' })
  @ApiOkResponse(JSON_LINES('activity-log-integrity-export/v1 (libs/integrity/README.md): header, checkpoint, consistency, head, event lines, end'))
  async export(@Query() query: TenantAuditQueryDto, @Ctx() ctx: RequestContext, @Res() res: Response): Promise<void> {
    const { scope, lines } = await this.audit.exportLines(ctx.principal, query);
    await streamLines(res, lines, `audit-${scope.replace(/[^A-Za-z0-9._-]/g, '_')}.jsonl`);
  }
}
