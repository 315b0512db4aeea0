import { ApiProperty } from '@nestjs/swagger';

const NEXT_CURSOR = { nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last page' };
const NULLABLE_TIME = { nullable: true, type: String, format: 'date-time' };

class CredentialListItemDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['active', 'revoked', 'expired'] }) status: string;
  @ApiProperty({ description: 'Member id of whoever created it' }) createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty(NULLABLE_TIME) revokedAt: string | null;
  @ApiProperty({ ...NULLABLE_TIME, description: 'Last authenticated use, to the minute (not an event: kept by the API, at most one write a minute)' })
  lastUsedAt: string | null;
}

export class ApiKeyListItemDto extends CredentialListItemDto {
  @ApiProperty({ nullable: true, type: String, example: 'ES256' }) algorithm: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'RFC 7638 thumbprint of the current public key; null for a key recorded before key pairs were issued' })
  thumbprint: string | null;
  @ApiProperty(NULLABLE_TIME) rotatedAt: string | null;
}

export class ApiKeyListDto {
  @ApiProperty({ type: [ApiKeyListItemDto], description: 'Oldest first; public halves only' }) items: ApiKeyListItemDto[];
  @ApiProperty(NEXT_CURSOR) nextCursor: string | null;
}

export class ActivityLogTokenListItemDto extends CredentialListItemDto {
  @ApiProperty({ enum: ['admin', 'owner'], description: 'The view of the Business Activity Log it reads' }) scope: string;
  @ApiProperty(NULLABLE_TIME) expiresAt: string | null;
}

export class ActivityLogTokenListDto {
  @ApiProperty({ type: [ActivityLogTokenListItemDto], description: 'Oldest first; never the token, nor its hash' }) items: ActivityLogTokenListItemDto[];
  @ApiProperty(NEXT_CURSOR) nextCursor: string | null;
}
