import { ApiProperty, OmitType } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { BusinessLogQueryDto, FeedQueryDto, MspLogQueryDto } from '../shared/log-query.dto';
import { EXPORT_FORMATS, ExportFormat } from './export-format';
import { TicketQueryParam } from '../stream-tickets/stream-ticket.dto';

/** An export is the whole query, streamed: no paging parameters. */
const NO_PAGING = ['cursor', 'limit'] as const;

const FORMAT_DOC = {
  enum: EXPORT_FORMATS,
  description: '`csv` (a header row, formula-like cells prefixed with `\'`) or `jsonl` (one log entry as JSON per line)',
};

export class MspExportQueryDto extends OmitType(MspLogQueryDto, NO_PAGING) {
  @ApiProperty(FORMAT_DOC)
  @IsIn(EXPORT_FORMATS)
  format: ExportFormat;

  @TicketQueryParam()
  ticket?: string;
}

export class BusinessExportQueryDto extends OmitType(BusinessLogQueryDto, NO_PAGING) {
  @ApiProperty(FORMAT_DOC)
  @IsIn(EXPORT_FORMATS)
  format: ExportFormat;

  @TicketQueryParam()
  ticket?: string;
}

export class FeedExportQueryDto extends OmitType(FeedQueryDto, NO_PAGING) {
  @ApiProperty(FORMAT_DOC)
  @IsIn(EXPORT_FORMATS)
  format: ExportFormat;

  @TicketQueryParam()
  ticket?: string;
}
