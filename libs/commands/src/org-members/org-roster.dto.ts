import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { ORG_ROLES, OrgRole } from '@app/domain';

export class InviteMemberDto {
  @ApiProperty({ example: 'mia@acme.example', maxLength: 254 })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ enum: ORG_ROLES, description: 'Only an owner invites an owner; the provisioning service invites only the first one' })
  @IsIn(ORG_ROLES)
  role: OrgRole;

  @ApiPropertyOptional({ example: 'Mia Member', maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;
}

export class ChangeMemberRoleDto {
  @ApiProperty({ enum: ORG_ROLES })
  @IsIn(ORG_ROLES)
  role: OrgRole;
}

export class SuspendMemberDto {
  @ApiPropertyOptional({ example: 'Left the company', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
