import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IntegrationStatus } from '@app/projections';

export class IntegrationStatusQueryDto {
  @ApiPropertyOptional({ description: 'Wait (bounded) until the integrations view has applied this position, e.g. the set-up’s answer' })
  @IsOptional()
  @Matches(/^\d{1,19}$/, { message: 'minPosition must be a string of digits' })
  minPosition?: string;
}

class LastErrorDto {
  @ApiProperty({ example: 'Splunk refused the token (HEC code 4: Invalid token)' })
  message: string;

  @ApiProperty({ example: '2026-06-01T10:00:00.000Z' })
  at: string;
}

export class IntegrationStatusDto implements IntegrationStatus {
  @ApiProperty()
  integrationId: string;

  @ApiProperty({ enum: ['splunk', 'microsoft_sentinel'] })
  kind: IntegrationStatus['kind'];

  @ApiProperty()
  name: string;

  @ApiProperty({
    enum: ['delivering', 'retrying', 'parked', 'disconnected', 'idle'],
    description: 'idle: caught up; delivering: sending or behind; retrying: the SIEM is down or busy (lastError says how); parked: a setting must change (lastError says which); disconnected: sends nothing more',
  })
  state: IntegrationStatus['state'];

  @ApiProperty({ nullable: true, type: String })
  lastSuccessAt: string | null;

  @ApiProperty({ nullable: true, type: LastErrorDto })
  lastError: { message: string; at: string } | null;

  @ApiProperty({ description: 'Events of the integration’s scope not delivered yet, counted in the next 5,000 store events after its checkpoint' })
  eventsBehind: number;

  @ApiProperty({ description: 'True when more events lie beyond those 5,000: at least eventsBehind then' })
  eventsBehindIsLowerBound: boolean;

  @ApiProperty({ description: 'Events delivered since the integration was set up (at least once: a resend counts again)' })
  eventsSent: number;

  @ApiProperty({ description: 'Bytes of the JSON entries delivered (before HEC framing or gzip)' })
  bytesSent: number;

  @ApiProperty({ description: 'Store position up to which everything in scope was delivered (a string of digits)' })
  checkpoint: string;

  @ApiProperty({ nullable: true, type: String })
  updatedAt: string | null;
}

export class IntegrationStatusListDto {
  @ApiProperty({ type: [IntegrationStatusDto] })
  items: IntegrationStatusDto[];
}
