import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { INTEGRATION_KINDS, IntegrationKind, IntegrationSettings } from '@app/domain';

export const SETTINGS_DOC = {
  type: 'object',
  additionalProperties: { type: 'string' },
  description:
    'Non-secret settings of the kind (string values; URLs must be https). splunk: url, index, and optionally host, source, ' +
    "sourcetype, ack ('on' | 'off', indexer acknowledgement, off by default) and caCertificate (PEM of a private CA to trust). " +
    'microsoft_sentinel: dataCollectionEndpoint, ruleId (dcr-…), streamName (Custom-…), tenantId, clientId, and optionally ' +
    'authorityHost (sovereign clouds) and caCertificate. psa and rmm: vendor, url.',
  example: { url: 'https://splunk.example:8088', index: 'audit' },
} as const;

export const SECRET_DOC = {
  maxLength: 4096,
  minLength: 8,
  description:
    'The Splunk HEC token (a GUID) or the Entra ID client secret: stored encrypted, never in an event, a log line or an ' +
    'answer (those keep its last four characters). Required for splunk and microsoft_sentinel.',
  example: 'f3b1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
} as const;

export class SetUpIntegrationDto {
  @ApiProperty({ enum: INTEGRATION_KINDS, example: 'splunk' })
  @IsIn(INTEGRATION_KINDS)
  kind: IntegrationKind;

  @ApiProperty({ example: 'Splunk (SOC)', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty(SETTINGS_DOC)
  @IsObject()
  settings: IntegrationSettings;

  @ApiPropertyOptional(SECRET_DOC)
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  secret?: string;
}

export class EditIntegrationDto {
  @ApiPropertyOptional({ example: 'Splunk (EU)', maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ ...SETTINGS_DOC, description: 'Only the settings to change' })
  @IsOptional()
  @IsObject()
  settings?: IntegrationSettings;

  @ApiPropertyOptional({ ...SECRET_DOC, description: 'A new secret (rotation); the event keeps only its last four characters' })
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  secret?: string;
}

export class DisconnectIntegrationDto {
  @ApiPropertyOptional({ example: 'Moved to Microsoft Sentinel', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class IntegrationSyncSucceededDto {
  @ApiProperty({ example: 250, minimum: 0, description: 'How many events this sync delivered' })
  @IsInt()
  @Min(0)
  eventsSent: number;
}

export class IntegrationSyncFailedDto {
  @ApiProperty({ example: 'Splunk HEC answered 403 Forbidden', maxLength: 1000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  error: string;
}

export class GenerateMspApiKeyDto {
  @ApiProperty({ example: 'SIEM export', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;
}
