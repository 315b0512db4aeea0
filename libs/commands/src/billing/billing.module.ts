import { Module } from '@nestjs/common';
import { BillingCommandHandler } from './billing-command.handler';
import { BillingController } from './billing.controller';

@Module({
  controllers: [BillingController],
  providers: [BillingCommandHandler],
})
export class BillingCommandsModule {}
