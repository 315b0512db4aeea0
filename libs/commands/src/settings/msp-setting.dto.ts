import { ApiProperty } from '@nestjs/swagger';
import { Allow, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { MSP_SETTING_KEYS } from '@app/domain';

export class ChangeMspSettingDto {
  @ApiProperty({ enum: MSP_SETTING_KEYS, example: 'sessionTimeoutMinutes' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  key: string;

  @ApiProperty({
    description:
      'Typed by the key: sessionTimeoutMinutes integer 5..1440; requireTwoFactor boolean; allowedIpRanges IPv4/IPv6 CIDR ' +
      'strings; activityLogRetentionDays integer 90..2555 (default 90); supportEmail email or null; ' +
      "defaultOrganizationPolicyPreset 'standard' | 'strict' | 'custom'",
    // OpenAPI 3.0 allows `nullable` only beside a `type`: null is the string branch's (supportEmail).
    oneOf: [{ type: 'integer' }, { type: 'boolean' }, { type: 'string', nullable: true }, { type: 'array', items: { type: 'string' } }],
    example: 30,
  })
  // The domain checks the value against the key's definition.
  @Allow()
  value: unknown;
}
