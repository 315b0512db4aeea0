import { Body, Controller, Header, HttpCode, Inject, Post, Req, UseFilters } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '@app/auth';
import { RateLimited } from '@app/http';
import { AccessTokens } from '../tokens/access-tokens';
import { JwtBearerAssertions } from './jwt-bearer-assertion';
import { OAuthErrorFilter } from './oauth-error.filter';
import { invalidRequest, OAuthError } from './oauth-errors';

/** RFC 7523 §2.1. */
export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** The access token lifetime this process issues (ACCESS_TOKEN_TTL_S). */
export const ACCESS_TOKEN_LIFETIME = Symbol('ACCESS_TOKEN_LIFETIME');

class TokenResponseDto {
  @ApiProperty({ description: '`at_…`: send it as `Authorization: Bearer <access_token>`' }) access_token: string;
  @ApiProperty({ example: 'Bearer' }) token_type: string;
  @ApiProperty({ description: 'Seconds it is valid', example: 300 }) expires_in: number;
}

class OAuthErrorDto {
  @ApiProperty({ enum: ['invalid_request', 'invalid_grant', 'unsupported_grant_type'] }) error: string;
  @ApiProperty() error_description: string;
}

const FORM = {
  schema: {
    type: 'object',
    required: ['grant_type', 'assertion'],
    properties: {
      grant_type: { type: 'string', enum: [JWT_BEARER_GRANT] },
      assertion: { type: 'string', description: 'A JWT signed with the API key (ES256): header kid = key id; iss = key id, sub = MSP id, aud = API_AUDIENCE, iat, exp ≤ 10 min after iat, unique jti' },
    },
  },
};

/**
 * The OAuth 2.0 token endpoint for MSP API keys: the JWT bearer grant (RFC 7523). A client signs
 * a short assertion with its private key and gets a short-lived access token for the pull API.
 */
@ApiTags('API access')
@Controller('oauth')
@UseFilters(OAuthErrorFilter)
export class TokenController {
  constructor(
    private readonly assertions: JwtBearerAssertions,
    private readonly tokens: AccessTokens,
    @Inject(ACCESS_TOKEN_LIFETIME) private readonly lifetimeSeconds: number,
  ) {}

  @Post('token')
  @Public()
  @RateLimited()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Header('Pragma', 'no-cache')
  @ApiOperation({ summary: 'Exchange an assertion signed with an API key for an access token (RFC 7523 JWT bearer grant)' })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody(FORM)
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiResponse({ status: 400, description: 'invalid_request or unsupported_grant_type', type: OAuthErrorDto })
  @ApiResponse({ status: 401, description: 'invalid_grant: the assertion or its key is not accepted (the description says why)', type: OAuthErrorDto })
  async token(@Body() form: Record<string, unknown>, @Req() request: Request): Promise<TokenResponseDto> {
    const { grantType, assertion } = tokenRequest(form, request);
    if (grantType !== JWT_BEARER_GRANT) throw new OAuthError('unsupported_grant_type', `grant_type must be ${JWT_BEARER_GRANT}`);
    const key = await this.assertions.verify(assertion);
    const { token, expiresIn } = this.tokens.issue(key.id, key.thumbprint!, this.lifetimeSeconds);
    return { access_token: token, token_type: 'Bearer', expires_in: expiresIn };
  }
}

/** RFC 6749 §3.2: form-encoded, each parameter once; unrecognised parameters are ignored. */
function tokenRequest(form: Record<string, unknown>, request: Request): { grantType: string; assertion: string } {
  if (!request.is('application/x-www-form-urlencoded')) throw invalidRequest('send the token request as application/x-www-form-urlencoded');
  const grantType = single(form, 'grant_type');
  const assertion = single(form, 'assertion');
  if (grantType === undefined) throw invalidRequest('grant_type is required');
  if (assertion === undefined && grantType === JWT_BEARER_GRANT) throw invalidRequest('assertion is required');
  return { grantType, assertion: assertion ?? '' };
}

function single(form: Record<string, unknown>, name: string): string | undefined {
  const value = form?.[name];
  if (Array.isArray(value)) throw invalidRequest(`${name} must be given once`);
  if (value === undefined || value === '') return undefined;
  return String(value);
}
