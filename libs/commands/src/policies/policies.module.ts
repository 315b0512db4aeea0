import { Module } from '@nestjs/common';
import {
  ActivityLogTokenCommandHandler, OrgPoliciesCommandHandler, VantaIntegrationCommandHandler,
} from './policies-command.handlers';
import { PoliciesController } from './policies.controller';

@Module({
  controllers: [PoliciesController],
  providers: [OrgPoliciesCommandHandler, VantaIntegrationCommandHandler, ActivityLogTokenCommandHandler],
})
export class PoliciesCommandsModule {}
