import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsIP, IsOptional, IsString, MaxLength } from 'class-validator';
import { MSP_SIGN_IN_FAILURE_REASONS, MSP_TWO_FACTOR_METHODS, MspSignInFailureReason, MspTwoFactorMethod } from '@app/domain';

/** A sign-in as the sign-in service saw it: `ip` and `userAgent` are the member's. */
export class RecordMspSignInSuccessDto {
  @ApiProperty({ example: 'ivy@acme-msp.example', maxLength: 254 })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiPropertyOptional({ description: 'The member’s IP address', example: '203.0.113.7' })
  @IsOptional()
  @IsIP()
  ip?: string;

  @ApiPropertyOptional({ example: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0', maxLength: 512 })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  userAgent?: string;
}

export class RecordMspSignInFailureDto extends RecordMspSignInSuccessDto {
  @ApiProperty({ enum: MSP_SIGN_IN_FAILURE_REASONS })
  @IsIn(MSP_SIGN_IN_FAILURE_REASONS)
  reason: MspSignInFailureReason;
}

export class EnableMspTwoFactorDto {
  @ApiProperty({ enum: MSP_TWO_FACTOR_METHODS })
  @IsIn(MSP_TWO_FACTOR_METHODS)
  method: MspTwoFactorMethod;
}
