import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { LimitQuery } from '@app/http';

const ISO_OR_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const AS_OF = /^(\d{1,19}|\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?)$/;

export const AS_OF_DESCRIPTION =
  'The view as it stood then: an ISO-8601 time (what had been committed at that time, on the store’s commit clock) or a global position (entries up to it)';

/** `asOf=`: an ISO time or a global position. */
export class AsOfQueryDto {
  @ApiPropertyOptional({ description: AS_OF_DESCRIPTION, example: '2026-06-01T12:00:00Z' })
  @IsOptional()
  @Matches(AS_OF, { message: 'asOf must be an ISO-8601 time (2026-06-01T12:00:00Z) or a global position (digits)' })
  asOf?: string;
}

export class TenantAuditQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ description: 'MSP owners: one supervised organization’s chain instead of the MSP’s' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  organizationId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'ISO-8601 start, inclusive (store commit time)' })
  @IsOptional()
  @Matches(ISO_OR_DATE, { message: 'from must be an ISO-8601 date or time' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'ISO-8601 end, exclusive (store commit time)' })
  @IsOptional()
  @Matches(ISO_OR_DATE, { message: 'to must be an ISO-8601 date or time' })
  to?: string;
}

export class HistoryQueryDto extends TenantAuditQueryDto {
  @LimitQuery(100000, 10000, 'Most events in this answer')
  limit?: number;

  @ApiPropertyOptional({ description: 'The end line’s nextCursor from the previous answer (it carries the bounds and asOf)' })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  cursor?: string;
}

export class CheckpointsQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: 'Checkpoints of this tree size and larger' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  fromSize?: number;

  @LimitQuery(1000, 100)
  limit?: number;
}

export class ConsistencyQueryDto {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Tree size of the older checkpoint' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  size1!: number;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Tree size of the newer checkpoint' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  size2!: number;
}

export class InclusionQueryDto {
  @ApiProperty({ description: 'Global position of the event', pattern: '^\\d{1,19}$' })
  @Matches(/^\d{1,19}$/, { message: 'position must be a string of digits' })
  position!: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'Tree size of the checkpoint to prove against (default: the latest)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  treeSize?: number;
}

export class PublicKeyDto {
  @ApiProperty({ description: 'The checkpoints’ origin (the key name)' }) origin!: string;
  @ApiProperty({ description: 'Verifier key of the key signing new checkpoints (note format: name+id+base64)' }) current!: string;
  @ApiProperty({ type: [String], description: 'Verifier keys of earlier signing keys: older checkpoints verify with them' }) previous!: string[];
}

export class CheckpointDto {
  @ApiProperty({ type: 'integer' }) treeSize!: number;
  @ApiProperty({ format: 'date-time' }) time!: string;
  @ApiProperty({ description: 'The C2SP signed note, exactly as signed' }) note!: string;
}

export class CheckpointPageDto {
  @ApiProperty({ type: [CheckpointDto] }) items!: CheckpointDto[];
  @ApiProperty({ type: 'integer', nullable: true, description: 'fromSize of the next page; null at the end' }) nextFromSize!: number | null;
}

export class ConsistencyProofDto {
  @ApiProperty({ type: 'integer' }) size1!: number;
  @ApiProperty({ type: 'integer' }) size2!: number;
  @ApiProperty({ type: [String], description: 'RFC 9162 §2.1.4 consistency proof, base64 hashes' }) proof!: string[];
}

export class InclusionProofDto {
  @ApiProperty() position!: string;
  @ApiProperty({ type: 'integer' }) leafIndex!: number;
  @ApiProperty({ type: 'integer' }) treeSize!: number;
  @ApiProperty({ description: 'Base64 of the event’s canonical stored bytes (the leaf data)' }) bytes!: string;
  @ApiProperty({ description: 'Base64 RFC 9162 leaf hash' }) leafHash!: string;
  @ApiProperty({ type: [String], description: 'RFC 9162 §2.1.3 inclusion proof, base64 hashes' }) proof!: string[];
  @ApiProperty({ description: 'The signed checkpoint of treeSize' }) checkpoint!: string;
}
