import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { SIGN_IN_FAILURE_REASONS, SignInFailureReason } from '@app/domain';

/** Who the member is, when a service records for them; a member recording for themselves is named by their token. */
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
