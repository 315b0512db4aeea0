import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { LimitQuery } from '@app/http';

/** What every list accepts: paging and freshness. */
export class ListQueryDto {
  @LimitQuery(1000, 100)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page’s nextCursor' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;

  @ApiPropertyOptional({ description: 'Wait (bounded) until the list has applied this global position, e.g. a command’s answer' })
  @IsOptional()
  @Matches(/^\d{1,19}$/, { message: 'minPosition must be a string of digits' })
  minPosition?: string;
}
