import { Module } from '@nestjs/common';
import { MspMemberAccessCommandHandler } from './msp-access-command.handler';
import { MspAccessController } from './msp-access.controller';

@Module({
  controllers: [MspAccessController],
  providers: [MspMemberAccessCommandHandler],
})
export class MspAccessCommandsModule {}
