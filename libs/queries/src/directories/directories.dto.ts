import { ApiProperty } from '@nestjs/swagger';
import { INTEGRATION_KINDS, OrganizationStatus } from '@app/domain';

const ORGANIZATION_STATUSES = ['created', 'active', 'suspended', 'terminated'] as const satisfies readonly OrganizationStatus[];

const NEXT_CURSOR = { nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last page' };

export class OrganizationListItemDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ORGANIZATION_STATUSES }) status: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class OrganizationListDto {
  @ApiProperty({ type: [OrganizationListItemDto], description: 'Oldest first' }) items: OrganizationListItemDto[];
  @ApiProperty(NEXT_CURSOR) nextCursor: string | null;
}

export class MemberListItemDto {
  @ApiProperty() memberId: string;
  @ApiProperty() email: string;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ example: 'msp_admin' }) role: string;
  @ApiProperty({
    description: 'MSP members: invited, active, suspended, revoked, removed. Organization members: pending, active, suspended, declined, removed',
  })
  status: string;
  @ApiProperty({ format: 'date-time', description: 'When the member was invited (or the account created)' }) since: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class MemberListDto {
  @ApiProperty({ type: [MemberListItemDto], description: 'By email, then member id; removed members included' }) items: MemberListItemDto[];
  @ApiProperty(NEXT_CURSOR) nextCursor: string | null;
}

export class IntegrationListItemDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: INTEGRATION_KINDS }) kind: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['connected', 'disconnected'] }) status: string;
  @ApiProperty({ enum: ['msp', 'organization'], description: 'Who owns it: the MSP, or the caller’s organization' }) owner: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class IntegrationListDto {
  @ApiProperty({ type: [IntegrationListItemDto], description: 'Oldest first; no settings and no secret, not even its last digits' })
  items: IntegrationListItemDto[];
  @ApiProperty(NEXT_CURSOR) nextCursor: string | null;
}
