import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { decodeJwt } from 'jose';
import { v7 as uuidv7 } from 'uuid';
import { containsCardNumber } from '@app/domain';
import { initiatorOf } from './principal';
import { AuthenticationError } from './auth.errors';
import { ClientIpResolver } from './client-ip';
import { JwtVerifier } from './jwt-verifier';
import { AuthenticatedRequest } from './request-context';

const PUBLIC = 'auth:public';
/** Marks a route that needs no token (health, OpenAPI). */
export const Public = () => SetMetadata(PUBLIC, true);

/** Every route needs a valid bearer token unless marked @Public(): 401 otherwise. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: JwtVerifier,
    private readonly clientIp: ClientIpResolver,
  ) {}

  async canActivate(host: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, [host.getHandler(), host.getClass()])) return true;
    const request = host.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request.headers.authorization);
    const principal = await this.verifier.verify(token);
    request.context = {
      principal,
      initiator: initiatorOf(principal),
      client: {
        ip: this.clientIp.resolve(request.socket.remoteAddress, request.headers['x-forwarded-for']),
        ...(request.headers['user-agent'] && { userAgent: request.headers['user-agent'].slice(0, 512) }),
      },
      correlationId: correlationId(request.headers['x-correlation-id'], (request as { id?: unknown }).id),
      commandId: uuidv7(),
      ...expiryOf(token),
    };
    return true;
  }
}

/** The verified token's `exp`, in ms (the verifier has already refused an expired or forged one). */
function expiryOf(token: string): { expiresAt?: number } {
  const { exp } = decodeJwt(token);
  return typeof exp === 'number' && Number.isFinite(exp) ? { expiresAt: exp * 1000 } : {};
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
