import { ApiProperty } from '@nestjs/swagger';

class InitiatorDto {
  @ApiProperty({ enum: ['member', 'service', 'api-client'] }) type: string;
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ nullable: true, type: String }) role: string | null;
}

class TargetDto {
  @ApiProperty({ example: 'organization' }) type: string;
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String, description: 'Hidden for item and folder targets unless the reader is an organization owner' })
  name: string | null;
}

class ItemDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String, description: 'Organization owners only' }) type: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Organization owners only' }) name: string | null;
}

export class ActivityEntryDto {
  @ApiProperty({ description: 'The event id' }) id: string;
  @ApiProperty({ description: 'Global position, a string of digits' }) position: string;
  @ApiProperty({ example: '2026-06-01T10:00:00.000Z' }) occurredAt: string;
  @ApiProperty({ example: 'Organization Management' }) category: string;
  @ApiProperty({ example: 'OrganizationRenamed' }) eventType: string;
  @ApiProperty({ example: 'Renamed organization' }) action: string;
  @ApiProperty({ type: InitiatorDto }) initiator: InitiatorDto;
  @ApiProperty({ nullable: true, type: String }) ip: string | null;
  @ApiProperty({ nullable: true, type: String }) userAgent: string | null;
  @ApiProperty({ nullable: true, type: String }) organizationId: string | null;
  @ApiProperty({ type: TargetDto }) target: TargetDto;
  @ApiProperty({ type: ItemDto, nullable: true }) item: ItemDto | null;
  @ApiProperty({ example: "Ann renamed organization 'Acme' to 'Acme Ltd'" }) summary: string;
}

class WindowDto {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
}

export class ActivityPageDto {
  @ApiProperty({ type: [ActivityEntryDto] }) items: ActivityEntryDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` with the same filters for the next page' })
  nextCursor: string | null;
  @ApiProperty({ type: WindowDto, description: 'The date window applied' }) window: WindowDto;
}
