import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { ACTIVITY_LOG_TOKEN_SCOPES, ActivityLogTokenScope } from '@app/domain';

export class EnablePolicyDto {
  @ApiPropertyOptional({
    description:
      'Typed settings of the policy, checked by the domain: password_complexity { minLength, requireDigits?, requireSymbols? }, ' +
      'vault_timeout { minutes }, ip_allowlist { ranges }; the other policies take none',
    type: 'object',
    additionalProperties: true,
    example: { minutes: 15 },
  })
  @IsOptional()
  @IsObject()
  settings?: Record<string, unknown>;
}

export class ConnectVantaIntegrationDto {
  @ApiPropertyOptional({ description: 'The Vanta workspace, as the panel shows it', example: 'Acme compliance', maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  accountName?: string;
}

export class DisconnectVantaIntegrationDto {
  @ApiPropertyOptional({ example: 'Audit finished', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class CreateActivityLogTokenDto {
  @ApiProperty({ example: 'SIEM export', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ description: 'ISO-8601 date-time in the future', example: '2030-01-01T00:00:00.000Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  expiresAt?: string;

  @ApiPropertyOptional({
    enum: ACTIVITY_LOG_TOKEN_SCOPES, default: 'admin',
    description: 'The view the token reads: `admin` (generic item details) or `owner` (item types and names too)',
  })
  @IsOptional()
  @IsIn(ACTIVITY_LOG_TOKEN_SCOPES)
  scope?: ActivityLogTokenScope;
}
