import { Module } from '@nestjs/common';
import { Freshness } from '../shared/freshness';
import { IntegrationStatusController } from './integration-status.controller';

/** GET /integrations/status and GET /integrations/:id/status. */
@Module({ controllers: [IntegrationStatusController], providers: [Freshness] })
export class IntegrationStatusModule {}
