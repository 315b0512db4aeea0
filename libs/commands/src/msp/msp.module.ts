import { Module } from '@nestjs/common';
import { MspCommandHandler } from './msp-command.handler';
import { MspController } from './msp.controller';

@Module({
  controllers: [MspController],
  providers: [MspCommandHandler],
})
export class MspCommandsModule {}
