import { Body } from '@nestjs/common';
import { UuidParam } from '@app/http';
import { CommandController, CommandRoute } from '../shared/command-route.decorator';
import { NewId } from '../shared/idempotency/derived-ids';
import { GenerateMspApiKeyDto } from './integration.dto';

/** Integrations → private keys an MSP's REST clients authenticate with; the key material is issued elsewhere. */
@CommandController('api-keys', 'Integrations')
export class MspApiKeysController {
  @CommandRoute('POST', '', { command: 'GenerateMspApiKey', status: 201, summary: 'Record a generated private key' })
  generate(@Body() body: GenerateMspApiKeyDto, @NewId() keyId: string) {
    return { keyId, name: body.name };
  }

  @CommandRoute('POST', ':keyId/revoke', { command: 'RevokeMspApiKey', status: 200, summary: 'Revoke a private key' })
  revoke(@UuidParam('keyId') keyId: string) {
    return { keyId };
  }
}
