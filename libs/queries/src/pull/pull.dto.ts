import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { ActivityEntryDto } from '../activity-log/activity-log.dto';
import { LimitQuery } from '@app/http';

/** A pull: the first request may bound the time, the next ones send the cursor alone. */
export class PullQueryDto {
  @LimitQuery(1000, 100)
  limit?: number;

  @ApiPropertyOptional({ description: 'The previous answer’s cursor: resume right after what it returned (alone: without startTime or endTime)' })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  cursor?: string;

  @ApiPropertyOptional({ description: 'First request only: entries that occurred at or after this ISO-8601 instant', example: '2026-06-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  startTime?: string;

  @ApiPropertyOptional({ description: 'First request only: entries that occurred before this ISO-8601 instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  endTime?: string;
}

export class PullPageDto {
  @ApiProperty({ type: [ActivityEntryDto], description: 'Ascending by global position (ingestion order), as the log queries present them' })
  items: ActivityEntryDto[];

  @ApiProperty({ description: 'Signed, for this credential and this feed: send it back to get what follows; always present' })
  cursor: string;

  @ApiProperty({ description: 'True: more is ready, ask again now. False: caught up, ask again later with the same cursor' })
  hasMore: boolean;
}
