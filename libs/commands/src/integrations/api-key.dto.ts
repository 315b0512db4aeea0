import { ApiProperty } from '@nestjs/swagger';
import { CommandResultDto } from '../shared/command-result.dto';

/** The download: what an API client needs to authenticate, in one JSON file. */
export class ApiKeyCredentialsDto {
  @ApiProperty({ description: 'The JWS `kid` and the assertion’s `iss`' }) keyId: string;
  @ApiProperty({ description: 'The assertion’s `sub`' }) mspId: string;
  @ApiProperty({ example: 'https://audit.example.com' }) apiBaseUrl: string;
  @ApiProperty({ example: 'https://audit.example.com/oauth/token' }) tokenUrl: string;
  @ApiProperty({ description: 'The assertion’s `aud`', example: 'https://audit.example.com/oauth/token' }) audience: string;
  @ApiProperty({ example: 'ES256' }) algorithm: string;
  @ApiProperty({ description: 'PKCS#8 PEM; shown once, kept nowhere' }) privateKeyPem: string;
}

/** A generated or rotated key: the command's result, the public key's thumbprint, and the private key once. */
export class IssuedApiKeyDto extends CommandResultDto {
  @ApiProperty() keyId: string;
  @ApiProperty({ example: 'ES256' }) algorithm: string;
  @ApiProperty({ description: 'RFC 7638 JWK thumbprint of the public key (SHA-256, base64url)' }) thumbprint: string;
  @ApiProperty({ description: 'PKCS#8 PEM of the private key: this answer is the only place it ever appears' }) privateKeyPem: string;
  @ApiProperty({ type: ApiKeyCredentialsDto }) credentials: ApiKeyCredentialsDto;
}

export class IssuedActivityLogTokenDto extends CommandResultDto {
  @ApiProperty() tokenId: string;
  @ApiProperty({ enum: ['admin', 'owner'] }) scope: string;
  @ApiProperty({ description: '`alt_` and 43 base64url characters (256 random bits): shown once, only its SHA-256 is kept' }) token: string;
}
