import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf, ValidateNested,
} from 'class-validator';
import { ITEM_TYPES, ITEM_USAGES, ItemType, ItemUsage, PRINCIPAL_TYPES, PrincipalType, SHARING_RIGHTS, SharingRights } from '@app/domain';

/** Names of item fields (e.g. `password`, `cardNumber`), never their values. */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const FIELD_NAME_MESSAGE = 'must be a field name (letters, digits, underscores)';

export class PrincipalRefDto {
  @ApiProperty({ enum: PRINCIPAL_TYPES, example: 'member' })
  @IsIn(PRINCIPAL_TYPES)
  type: PrincipalType;

  @ApiProperty({ description: 'Member or group id', example: 'member-42', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  id: string;
}

export class SharePrincipalDto extends PrincipalRefDto {
  @ApiProperty({ description: 'Name shown in the activity log', example: 'Bob Builder', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName: string;
}

export class CreateItemDto {
  @ApiProperty({ enum: ITEM_TYPES, example: 'password' })
  @IsIn(ITEM_TYPES)
  itemType: ItemType;

  @ApiProperty({ example: 'Bank account login', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  itemName: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A folder of the organization the caller may edit' })
  @IsOptional()
  @IsUUID()
  folderId?: string;
}

export class UseItemDto {
  @ApiProperty({ enum: ITEM_USAGES, example: 'copied' })
  @IsIn(ITEM_USAGES)
  usage: ItemUsage;

  @ApiPropertyOptional({ description: 'The field used, by name', example: 'password', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(FIELD_NAME, { message: `field ${FIELD_NAME_MESSAGE}` })
  field?: string;
}

export class UpdateItemDto {
  @ApiPropertyOptional({ description: 'The new name, if it changed', example: 'Bank account (EU)', maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  itemName?: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Names of the other fields that changed; values are never sent',
    example: ['password'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  @Matches(FIELD_NAME, { each: true, message: `each of changedFields ${FIELD_NAME_MESSAGE}` })
  changedFields?: string[];
}

export class ShareDto {
  @ApiProperty({ type: SharePrincipalDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SharePrincipalDto)
  principal: SharePrincipalDto;

  @ApiProperty({ enum: SHARING_RIGHTS, example: 'view' })
  @IsIn(SHARING_RIGHTS)
  rights: SharingRights;
}

export class ChangeSharingRightsDto {
  @ApiProperty({ type: PrincipalRefDto })
  @IsObject()
  @ValidateNested()
  @Type(() => PrincipalRefDto)
  principal: PrincipalRefDto;

  @ApiProperty({ enum: SHARING_RIGHTS, example: 'edit' })
  @IsIn(SHARING_RIGHTS)
  rights: SharingRights;
}

export class RevokeAccessDto {
  @ApiProperty({ type: PrincipalRefDto })
  @IsObject()
  @ValidateNested()
  @Type(() => PrincipalRefDto)
  principal: PrincipalRefDto;
}

export class ChangeItemOwnerDto {
  @ApiProperty({ description: 'Member id of the new owner', example: 'member-42', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  newOwnerMemberId: string;

  @ApiProperty({ description: 'Name shown in the activity log', example: 'Bob Builder', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  newOwnerName: string;
}

export class MoveItemToFolderDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The target folder; null takes the item out of its folder' })
  @ValidateIf((dto: MoveItemToFolderDto) => dto.folderId !== null)
  @IsUUID()
  folderId: string | null;
}

export class CreateFolderDto {
  @ApiProperty({ example: 'Finance', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  folderName: string;
}
