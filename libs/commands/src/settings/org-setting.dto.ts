import { ApiProperty } from '@nestjs/swagger';
import { Allow, IsIn, IsString } from 'class-validator';
import { ORG_SETTING_KEYS, RETENTION_DAYS } from '@app/domain';

export class ChangeOrganizationSettingDto {
  @ApiProperty({ enum: ORG_SETTING_KEYS, example: 'activityLogRetentionDays' })
  @IsString()
  @IsIn(ORG_SETTING_KEYS, { message: `key must be one of ${ORG_SETTING_KEYS.join(', ')}` })
  key: string;

  @ApiProperty({
    description: `activityLogRetentionDays: integer ${RETENTION_DAYS.min}..${RETENTION_DAYS.max}, at most the MSP's own retention; null follows the MSP's`,
    type: 'integer',
    nullable: true,
    example: 180,
  })
  // The domain checks the value against the key and the MSP's bound.
  @Allow()
  value: unknown;
}
