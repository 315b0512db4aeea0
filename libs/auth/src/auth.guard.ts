import { CanActivate, ExecutionContext, Inject, Injectable, Optional, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { v7 as uuidv7 } from 'uuid';
import { containsCardNumber } from '@app/domain';
import { initiatorOf } from './principal';
import { AuthenticationError } from './auth.errors';
import { ClientIpResolver } from './client-ip';
import { BEARER_CREDENTIAL_VERIFIER, BearerCredentialVerifier, VerifiedCredential } from './bearer-credentials';
import { JwtVerifier } from './jwt-verifier';
import { AuthenticatedRequest } from './request-context';

const PUBLIC = 'auth:public';
/** Marks a route that needs no token (health, OpenAPI). */
export const Public = () => SetMetadata(PUBLIC, true);

/**
 * Every route needs a valid bearer token unless marked @Public(): 401 otherwise. The bearer is a
 * panel JWT, or one of the API's own credentials (access tokens, Activity Log tokens).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: JwtVerifier,
    private readonly clientIp: ClientIpResolver,
    @Optional() @Inject(BEARER_CREDENTIAL_VERIFIER) private readonly credentials?: BearerCredentialVerifier,
  ) {}

  async canActivate(host: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, [host.getHandler(), host.getClass()])) return true;
    const request = host.switchToHttp().getRequest<AuthenticatedRequest>();
    const { principal, expiresAt } = await this.verify(bearerToken(request.headers.authorization));
    request.context = {
      principal,
      initiator: initiatorOf(principal),
      client: {
        ip: this.clientIp.resolve(request.socket.remoteAddress, request.headers['x-forwarded-for']),
        ...(request.headers['user-agent'] && { userAgent: request.headers['user-agent'].slice(0, 512) }),
      },
      correlationId: correlationId(request.headers['x-correlation-id'], (request as { id?: unknown }).id),
      commandId: uuidv7(),
      ...(expiresAt !== undefined && { expiresAt }),
    };
    return true;
  }

  private async verify(token: string): Promise<VerifiedCredential> {
    if (this.credentials?.recognizes(token)) return this.credentials.verify(token);
    return this.verifier.verifyWithExpiry(token);
  }
}

function bearerToken(header: string | undefined): string {
  if (!header) throw new AuthenticationError('missing Authorization header (expected: Bearer <token>)', 'missing');
  const [scheme, token] = header.split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token) throw new AuthenticationError('Authorization header must be: Bearer <token>', 'missing');
  return token;
}

/**
 * X-Correlation-Id when given, else the request's id (X-Request-Id), so a log line finds its events;
 * either only when id-shaped and, being stored, holding no card number.
 */
function correlationId(header: string | string[] | undefined, requestId: unknown): string {
  const acceptable = (value: unknown): value is string => typeof value === 'string' && /^[\w.:-]{1,128}$/.test(value) && !containsCardNumber(value);
  const value = Array.isArray(header) ? header[0] : header;
  if (acceptable(value)) return value;
  return acceptable(requestId) ? requestId : uuidv7();
}
