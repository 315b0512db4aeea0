import { applyDecorators, BadRequestException, CanActivate, ExecutionContext, Inject, Injectable, Optional, SetMetadata } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';
import { Reflector } from '@nestjs/core';
import { v7 as uuidv7 } from 'uuid';
import { containsCardNumber } from '@app/domain';
import { initiatorOf } from './principal';
import { AuthenticationError } from './auth.errors';
import { ClientIpResolver } from './client-ip';
import { BEARER_CREDENTIAL_VERIFIER, BearerCredentialVerifier, VerifiedCredential } from './bearer-credentials';
import { JwtVerifier } from './jwt-verifier';
import { VerifiedTokens } from './verified-tokens';
import { AuthenticatedRequest } from './request-context';
import { ACCEPTS_STREAM_TICKET, StreamTickets } from './stream-tickets/stream-tickets';
import { TICKET_PARAM } from './stream-tickets/stream-target';

const PUBLIC = 'auth:public';
/** Marks a route that needs no token (health, OpenAPI); its OpenAPI operation says so (an empty security requirement). */
export const Public = () => applyDecorators(SetMetadata(PUBLIC, true), ApiSecurity({}));

/**
 * Every route needs a valid bearer token unless marked @Public(): 401 otherwise. The bearer is a
 * panel JWT, or one of the API's own credentials (access tokens, Activity Log tokens). Routes
 * marked @AcceptsStreamTicket() take a stream ticket in `?ticket=` instead, never a token in the URL.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly verified = new VerifiedTokens();

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: JwtVerifier,
    private readonly clientIp: ClientIpResolver,
    private readonly tickets: StreamTickets,
    @Optional() @Inject(BEARER_CREDENTIAL_VERIFIER) private readonly credentials?: BearerCredentialVerifier,
  ) {}

  async canActivate(host: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, [host.getHandler(), host.getClass()])) return true;
    const request = host.switchToHttp().getRequest<AuthenticatedRequest>();
    const { principal, expiresAt } = await this.authenticate(request, host);
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

  private async authenticate(request: AuthenticatedRequest, host: ExecutionContext): Promise<VerifiedCredential> {
    const ticket = this.reflector.getAllAndOverride<boolean>(ACCEPTS_STREAM_TICKET, [host.getHandler(), host.getClass()])
      ? ticketOf(request)
      : undefined;
    if (ticket === undefined) return this.verify(bearerToken(request.headers.authorization));
    if (request.headers.authorization) throw new BadRequestException('send either the Authorization header or a stream ticket, not both');
    return this.tickets.redeem(ticket, request.originalUrl);
  }

  private async verify(token: string): Promise<VerifiedCredential> {
    if (this.credentials?.recognizes(token)) return this.credentials.verify(token);
    // Panel JWTs only: the API's own credentials can be revoked, so they are looked up every time.
    return this.verified.get(token) ?? this.verified.remember(token, await this.verifier.verifyWithExpiry(token));
  }
}

/** `?ticket=` once, or undefined when the request has none. */
function ticketOf(request: AuthenticatedRequest): string | undefined {
  const query = request.originalUrl.includes('?') ? request.originalUrl.slice(request.originalUrl.indexOf('?')) : '';
  const given = new URLSearchParams(query).getAll(TICKET_PARAM);
  if (given.length > 1) throw new AuthenticationError('give one stream ticket, once');
  return given[0];
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
