import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MSP_ROLES, MspRole } from '@app/domain';
import { MEMBER_ID_MESSAGE, MEMBER_ID_PATTERN } from '@app/http';

export class CreateMspAccountDto {
  @ApiProperty({ example: 'Acme Managed Services', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ description: 'Member id of the first owner: the subject of their tokens', pattern: MEMBER_ID_PATTERN.source })
  @Matches(MEMBER_ID_PATTERN, { message: `ownerMemberId ${MEMBER_ID_MESSAGE}` })
  ownerMemberId: string;

  @ApiProperty({ example: 'olga@acme-msp.example', maxLength: 254 })
  @IsEmail()
  @MaxLength(254)
  ownerEmail: string;

  @ApiProperty({ example: 'Olga Owner', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  ownerName: string;
}

export class InviteMspMemberDto {
  @ApiProperty({ example: 'ivy@acme-msp.example', maxLength: 254 })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ enum: MSP_ROLES, description: 'msp_admin or msp_member: ownership is only ever transferred' })
  @IsIn(MSP_ROLES)
  role: MspRole;

  @ApiPropertyOptional({ example: 'Ivy Invitee', maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;
}

export class AcceptMspInvitationDto {
  @ApiPropertyOptional({ description: 'Display name; defaults to the token’s name', example: 'Ivy Invitee', maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;
}

export class ChangeMspMemberRoleDto {
  @ApiProperty({ enum: MSP_ROLES, description: 'msp_admin or msp_member: ownership is only ever transferred' })
  @IsIn(MSP_ROLES)
  role: MspRole;
}

export class SuspendMspMemberDto {
  @ApiPropertyOptional({ example: 'Left the company', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
