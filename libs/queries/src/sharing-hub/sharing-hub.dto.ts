import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { AsOfParam } from '../shared/as-of';
import { IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import { ITEM_TYPES, PRINCIPAL_TYPES, SHARING_RIGHTS } from '@app/domain';
import { LogWindowQueryDto } from '../shared/log-query.dto';

export const HUB_KINDS = ['item', 'folder'] as const;
const HUB_CHANGES = ['created', 'shared', 'rights_changed', 'access_revoked', 'owner_changed', 'moved', 'renamed', 'deleted', 'restored'];

/** Query strings carry booleans as text: only 'true' and 'false' are booleans. */
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** The Sharing Hub list: the date window applies to each record's last change (updatedAt). */
export class SharingHubQueryDto extends LogWindowQueryDto {
  @ApiPropertyOptional({ enum: HUB_KINDS, description: 'Only items or only folders' })
  @IsOptional()
  @IsIn(HUB_KINDS)
  kind?: (typeof HUB_KINDS)[number];

  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Also list deleted items and folders' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  includeDeleted?: boolean;
}

/** The lookup of one item or folder. */
export class SharingHubRecordQueryDto {
  @ApiPropertyOptional({ enum: HUB_KINDS, description: 'Whether the id is an item’s or a folder’s (default: item, else folder)' })
  @IsOptional()
  @IsIn(HUB_KINDS)
  kind?: (typeof HUB_KINDS)[number];

  @ApiPropertyOptional({ description: 'Wait (bounded) until the view has applied this global position, e.g. a command’s answer' })
  @IsOptional()
  @Matches(/^\d{1,19}$/, { message: 'minPosition must be a string of digits' })
  minPosition?: string;

  /** The record's owner, shares and rights as they were then: a bounded replay of its own stream. */
  @AsOfParam()
  asOf?: string;
}

class HubPersonDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
}

class HubOwnerDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
}

class HubPrincipalDto {
  @ApiProperty({ enum: PRINCIPAL_TYPES }) type: string;
  @ApiProperty() id: string;
  @ApiProperty() displayName: string;
}

class HubShareDto {
  @ApiProperty({ type: HubPrincipalDto }) principal: HubPrincipalDto;
  @ApiProperty({ enum: SHARING_RIGHTS }) rights: string;
}

class SharingPolicyDto {
  @ApiProperty({ description: "The organization's 'restrict_sharing_outside_org' policy is enabled" })
  restrictSharingOutsideOrg: boolean;
}

class HubFolderDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String, description: 'Null for organization admins (generic details)' }) name: string | null;
}

export class SharingHubRecordDto {
  @ApiProperty({ enum: HUB_KINDS }) kind: string;
  @ApiProperty() id: string;
  @ApiProperty() organizationId: string;
  @ApiProperty({ enum: ITEM_TYPES, nullable: true, type: String, description: 'Items only; null for organization admins (generic details)' })
  itemType: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Null for organization admins (generic details)' }) name: string | null;
  @ApiProperty({ type: HubPersonDto }) createdBy: HubPersonDto;
  @ApiProperty({ example: '2026-06-01T10:00:00.000Z' }) createdAt: string;
  @ApiProperty({ type: HubOwnerDto }) owner: HubOwnerDto;
  @ApiProperty({ type: [HubShareDto], description: 'Direct shares and their rights' }) sharedWith: HubShareDto[];
  @ApiProperty({ type: SharingPolicyDto }) sharingPolicy: SharingPolicyDto;
  @ApiProperty({ type: HubFolderDto, nullable: true, description: 'Items only: the folder the item is in' }) folder: HubFolderDto | null;
  @ApiProperty() deleted: boolean;
  @ApiProperty({ nullable: true, type: String }) deletedAt: string | null;
  @ApiProperty({ description: 'Time of the last sharing-relevant change' }) updatedAt: string;
  @ApiProperty({ description: 'Global position of the last change, a string of digits' }) position: string;
}

class HubChangeDto {
  @ApiProperty() eventId: string;
  @ApiProperty({ description: 'A string of digits' }) position: string;
  @ApiProperty() occurredAt: string;
  @ApiProperty({ enum: HUB_CHANGES }) change: string;
  @ApiProperty({ type: HubPersonDto }) by: HubPersonDto;
  @ApiPropertyOptional({ type: HubPrincipalDto }) principal?: HubPrincipalDto;
  @ApiPropertyOptional({ enum: SHARING_RIGHTS, description: 'Rights granted, or the new rights' }) rights?: string;
  @ApiPropertyOptional({ enum: SHARING_RIGHTS, description: 'Rights before the change, or the rights taken away' }) previousRights?: string;
  @ApiPropertyOptional({ type: Object, description: 'Owner, folder or name before and after (names null for organization admins)' })
  details?: Record<string, unknown>;
}

export class SharingHubDetailDto extends SharingHubRecordDto {
  @ApiProperty({ type: [HubChangeDto], description: 'Sharing changes, oldest first' }) history: HubChangeDto[];
}

class WindowDto {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
}

export class SharingHubPageDto {
  @ApiProperty({ type: [SharingHubRecordDto] }) items: SharingHubRecordDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` with the same filters for the next page' })
  nextCursor: string | null;
  @ApiProperty({ type: WindowDto, description: 'The date window applied to updatedAt' }) window: WindowDto;
}
