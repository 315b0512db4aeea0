import { Body, Inject } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { ApiKeyMaterial } from '@app/domain';
import { Ctx, RequestContext } from '@app/auth';
import { ApiKeyPair, generateApiKeyPair } from '@app/crypto';
import { UuidParam } from '@app/http';
import { CommandController, CommandRoute } from '../shared/command-route.decorator';
import { NewId } from '../shared/idempotency/derived-ids';
import { SecretOnce, SecretSlot } from '../shared/one-time-secret';
import { ApiKeyCredentialsDto, IssuedApiKeyDto } from './api-key.dto';
import { GenerateMspApiKeyDto } from './integration.dto';

const issued = (keyId: string, key: ApiKeyMaterial) => ({ keyId, algorithm: key.algorithm, thumbprint: key.thumbprint });

/**
 * Integrations → the private keys an MSP's REST clients sign their token requests with. The key
 * pair is made here; its private half goes into this one answer and nowhere else (no event, no
 * log line, no stored idempotent answer), its public half into the key's events.
 */
@CommandController('api-keys', 'Integrations')
export class MspApiKeysController {
  constructor(@Inject(AppConfig) private readonly config: AppConfig) {}

  @CommandRoute('POST', '', {
    command: 'GenerateMspApiKey', status: 201, summary: 'Generate a private key (answered once, with a credentials file)', secretOnce: 'private key',
    answer: { type: IssuedApiKeyDto, of: (result, request) => ({ ...result, ...issued(request.keyId, request.key) }) },
  })
  generate(@Body() body: GenerateMspApiKeyDto, @NewId() keyId: string, @Ctx() ctx: RequestContext, @SecretOnce() secret: SecretSlot) {
    return { keyId, name: body.name, key: this.issue(keyId, ctx, secret) };
  }

  @CommandRoute('POST', ':keyId/rotate', {
    command: 'RotateMspApiKey', status: 200, summary: 'Replace the key pair behind a key id (the old private key stops working)', secretOnce: 'private key',
    answer: { type: IssuedApiKeyDto, of: (result, request) => ({ ...result, ...issued(request.keyId, request.key) }) },
  })
  rotate(@UuidParam('keyId') keyId: string, @Ctx() ctx: RequestContext, @SecretOnce() secret: SecretSlot) {
    return { keyId, key: this.issue(keyId, ctx, secret) };
  }

  @CommandRoute('POST', ':keyId/revoke', { command: 'RevokeMspApiKey', status: 200, summary: 'Revoke a private key' })
  revoke(@UuidParam('keyId') keyId: string) {
    return { keyId };
  }

  /** A new pair: the private half held for this answer only, the public half for the command. */
  private issue(keyId: string, ctx: RequestContext, secret: SecretSlot): ApiKeyMaterial {
    const pair = generateApiKeyPair();
    secret.hold({ privateKeyPem: pair.privateKeyPem, credentials: this.credentials(keyId, ctx.principal.mspId ?? '', pair) });
    return { algorithm: pair.algorithm, publicKey: pair.publicKey, thumbprint: pair.thumbprint };
  }

  private credentials(keyId: string, mspId: string, pair: ApiKeyPair): ApiKeyCredentialsDto {
    const { apiBaseUrl, apiAudience } = this.config;
    return { keyId, mspId, apiBaseUrl, tokenUrl: `${apiBaseUrl}/oauth/token`, audience: apiAudience, algorithm: pair.algorithm, privateKeyPem: pair.privateKeyPem };
  }
}
