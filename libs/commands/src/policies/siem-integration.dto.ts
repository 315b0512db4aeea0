import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsObject, IsString, MaxLength } from 'class-validator';
import { IntegrationSettings, SIEM_KINDS, SiemKind } from '@app/domain';
import {
  DisconnectIntegrationDto, EditIntegrationDto, IntegrationSyncFailedDto, IntegrationSyncSucceededDto, SECRET_DOC, SETTINGS_DOC,
} from '../integrations/integration.dto';

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

/** The same edits, refusals and sync reports as an MSP's integration (integration.dto.ts). */
export class EditSiemIntegrationDto extends EditIntegrationDto {}

export class DisconnectSiemIntegrationDto extends DisconnectIntegrationDto {}

export class SiemIntegrationSyncSucceededDto extends IntegrationSyncSucceededDto {}

export class SiemIntegrationSyncFailedDto extends IntegrationSyncFailedDto {}
