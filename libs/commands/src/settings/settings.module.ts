import { Module } from '@nestjs/common';
import { MspSettingsCommandHandler } from './msp-settings-command.handler';
import { SettingsController } from './settings.controller';

@Module({
  controllers: [SettingsController],
  providers: [MspSettingsCommandHandler],
})
export class SettingsCommandsModule {}
