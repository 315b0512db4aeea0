import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from '@app/config';
import { EventStoreModule } from '@app/event-store';
import { ReadAllCommand } from './commands/read-all.command';
import { ReadStreamCommand } from './commands/read-stream.command';
import { MintTokenCommand } from './commands/mint-token.command';
import { RebuildCommand } from './commands/rebuild.command';
import { DeadLettersCommand } from './commands/dead-letters.command';
import { RewrapSecretsCommand } from './commands/rewrap-secrets.command';
import { EraseMemberCommand } from './commands/erase-member.command';
import { KafkaGrantMspCommand, KafkaMspTopicCommand, KafkaRevokeMspCommand } from './commands/kafka-msp.commands';
import { ReadModelsModule } from '@app/projections';
import { AuditModule } from '@app/audit';
import {
  AuditCheckCommand, AuditCheckpointCommand, AuditExportCommand, AuditGenerateKeyCommand, AuditPublicKeyCommand, HistoryCommand, VerifyCommand,
} from './commands/audit.commands';
import { SignedAuditLog } from './commands/signed-audit-log';
import { PrivacyModule } from '@app/privacy';

@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(config), EventStoreModule, PrivacyModule.forRoot(), ReadModelsModule.forRoot({ runProjectors: false, mongo: !!config.MONGO_URL }),
        AuditModule.forRoot(config, { routes: false, checkpoints: false }),
      ],
      providers: [
        ReadStreamCommand, ReadAllCommand, MintTokenCommand, RebuildCommand, DeadLettersCommand, KafkaMspTopicCommand, KafkaGrantMspCommand,
        KafkaRevokeMspCommand, RewrapSecretsCommand, EraseMemberCommand, HistoryCommand, AuditExportCommand, AuditCheckpointCommand,
        AuditPublicKeyCommand, AuditCheckCommand, AuditGenerateKeyCommand, VerifyCommand, SignedAuditLog,
      ],
    };
  }
}
