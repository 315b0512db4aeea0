import { Module } from '@nestjs/common';
import { OrganizationCommandHandler } from './organization-command.handler';
import { OrganizationsController } from './organizations.controller';

@Module({
  controllers: [OrganizationsController],
  providers: [OrganizationCommandHandler],
})
export class OrganizationsCommandsModule {}
