import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsIP, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { SIGN_IN_FAILURE_REASONS, SignInFailureReason } from '@app/domain';

/**
 * Who the member is, and the client they used, when a service records for them; a member recording
 * for themselves is named by their token, and their request is their client (body values are ignored).
 */
export class MemberAccessDto {
  @ApiPropertyOptional({
    description: 'Needed from a service the first time it records for this member',
    example: 'mia@acme.example',
    maxLength: 254,
  })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: 'Mia Member', maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ description: 'The member’s IP address, as the recording service saw it (IPv4 or IPv6)', example: '203.0.113.7' })
  @IsOptional()
  @IsIP()
  ip?: string;

  @ApiPropertyOptional({ description: 'The member’s user agent, as the recording service saw it', example: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0', maxLength: 512 })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  userAgent?: string;
}

export class VaultAccessDto extends MemberAccessDto {
  @ApiPropertyOptional({ example: 'vault-7', maxLength: 128 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  vaultId?: string;

  @ApiPropertyOptional({ example: 'Shared', maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  vaultName?: string;
}

export class SignInFailureDto extends MemberAccessDto {
  @ApiProperty({ enum: SIGN_IN_FAILURE_REASONS })
  @IsIn(SIGN_IN_FAILURE_REASONS)
  reason: SignInFailureReason;
}
