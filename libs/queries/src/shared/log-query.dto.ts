import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { BUSINESS_CATEGORIES, MSP_CATEGORIES } from '@app/domain';
import { AsOfParam } from './as-of';
import { LimitQuery } from '@app/http';

/** What every log query accepts: the date window, paging and freshness. */
export class LogWindowQueryDto {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'ISO-8601 start, inclusive (default: 30 days before `to`); a plain date (`2026-06-01`) means its midnight UTC',
    example: '2026-06-01T00:00:00Z',
  })
  @IsOptional()
  @IsString()
  from?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'ISO-8601 end, exclusive (default: now); at most 90 days after `from`; a plain date means its midnight UTC',
    example: '2026-07-01T00:00:00Z',
  })
  @IsOptional()
  @IsString()
  to?: string;

  @LimitQuery(1000, 100)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page’s nextCursor' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;

  @ApiPropertyOptional({ description: 'Wait (bounded) until the view has applied this global position, e.g. a command’s answer', pattern: '^\\d{1,19}$' })
  @IsOptional()
  @Matches(/^\d{1,19}$/, { message: 'minPosition must be a string of digits' })
  minPosition?: string;
}

export class MspLogQueryDto extends LogWindowQueryDto {
  @AsOfParam()
  asOf?: string;

  @ApiPropertyOptional({ description: 'Initiator’s email (any case)' })
  @IsOptional()
  @IsEmail()
  memberEmail?: string;

  @ApiPropertyOptional({ description: 'Only entries about this organization' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  organizationId?: string;

  @ApiPropertyOptional({ enum: MSP_CATEGORIES })
  @IsOptional()
  @IsIn(MSP_CATEGORIES)
  category?: (typeof MSP_CATEGORIES)[number];
}

export class BusinessLogQueryDto extends LogWindowQueryDto {
  @AsOfParam()
  asOf?: string;

  @ApiPropertyOptional({ description: 'Initiator’s member id' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  memberId?: string;

  @ApiPropertyOptional({ description: 'Initiator’s email (any case)' })
  @IsOptional()
  @IsEmail()
  memberEmail?: string;

  @ApiPropertyOptional({ description: 'Only entries about this vault item or folder' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  itemId?: string;

  @ApiPropertyOptional({ enum: BUSINESS_CATEGORIES })
  @IsOptional()
  @IsIn(BUSINESS_CATEGORIES)
  category?: (typeof BUSINESS_CATEGORIES)[number];
}

/** An organization feed takes every filter of both logs that makes sense for one organization. */
export class FeedQueryDto extends BusinessLogQueryDto {}
