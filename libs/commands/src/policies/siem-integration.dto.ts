import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { IntegrationSettings, SIEM_KINDS, SiemKind } from '@app/domain';
import { SECRET_DOC, SETTINGS_DOC } from '../integrations/integration.dto';

export class SetUpSiemIntegrationDto {
  @ApiProperty({ enum: SIEM_KINDS, example: 'splunk' })
  @IsIn(SIEM_KINDS)
  kind: SiemKind;

  @ApiProperty({ example: 'SOC Splunk', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ ...SETTINGS_DOC, description: SETTINGS_DOC.description.replace(/ psa and rmm: vendor, url\.$/, '') })
  @IsObject()
  settings: IntegrationSettings;

  @ApiProperty(SECRET_DOC)
  @IsString()
  @MaxLength(4096)
  secret: string;
}

export class EditSiemIntegrationDto {
  @ApiPropertyOptional({ example: 'SOC Splunk (EU)', maxLength: 200 })
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

export class DisconnectSiemIntegrationDto {
  @ApiPropertyOptional({ example: 'Moved to Sentinel', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class SiemIntegrationSyncSucceededDto {
  @ApiProperty({ example: 250, minimum: 0 })
  @IsInt()
  @Min(0)
  eventsSent: number;
}

export class SiemIntegrationSyncFailedDto {
  @ApiProperty({ example: 'Splunk refused the token (HEC code 4: Invalid token)', maxLength: 1000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  error: string;
}
