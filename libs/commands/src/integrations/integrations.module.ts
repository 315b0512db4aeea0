import { Module } from '@nestjs/common';
import { IntegrationCommandHandler } from './integration-command.handler';
import { IntegrationsController } from './integrations.controller';
import { MspApiKeyCommandHandler } from './msp-api-key-command.handler';
import { MspApiKeysController } from './msp-api-keys.controller';

@Module({
  controllers: [IntegrationsController, MspApiKeysController],
  providers: [IntegrationCommandHandler, MspApiKeyCommandHandler],
})
export class IntegrationsCommandsModule {}
