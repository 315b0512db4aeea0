import { DynamicModule, Inject, Module, OnApplicationShutdown, Provider } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { AUDIT_LOG, AuditLog, SqliteAuditLog } from '@app/event-store';
import { TenancyModule } from '@app/tenancy';
import { CursorSigner, cursorSignerFor } from '@app/projections';
import { AUDIT_CHECKPOINT_INTERVAL, AUDIT_SIGNER, AuditCheckpointService } from './checkpoints/audit-checkpoint.service';
import { loadAuditSigner, previousVerifierKeys } from './keys/audit-signing-key';
import { AuditScopes } from './http/audit-scope';
import { AUDIT_PREVIOUS_KEYS, AuditService } from './http/audit.service';
import { AuditController } from './http/audit.controller';
import { IntegrityWriterService } from './checkpoints/integrity-writer.service';

export interface AuditModuleOptions {
  /** Serve the /audit routes (the API). */
  routes: boolean;
  /** Sign checkpoints in this process (exactly one process does). */
  checkpoints: boolean;
}

/** The integrity log's reader on its own connection: the events file (embedded) or the downstream writer's file. */
export function openAuditLog(config: AppConfig): AuditLog {
  return config.embedded ? SqliteAuditLog.openEventsFile(config.eventStoreFile) : SqliteAuditLog.openFile(config.integrityLogFile);
}

const coreProviders: Provider[] = [
  { provide: AUDIT_LOG, inject: [AppConfig], useFactory: openAuditLog },
  { provide: AUDIT_SIGNER, inject: [AppConfig], useFactory: (config: AppConfig) => loadAuditSigner(config) },
  { provide: AUDIT_PREVIOUS_KEYS, inject: [AppConfig], useFactory: (config: AppConfig) => previousVerifierKeys(config) },
  { provide: AUDIT_CHECKPOINT_INTERVAL, inject: [AppConfig], useFactory: (config: AppConfig) => config.AUDIT_CHECKPOINT_INTERVAL_MS },
];

@Module({})
export class AuditModule implements OnApplicationShutdown {
  constructor(@Inject(AUDIT_LOG) private readonly log: AuditLog) {}

  static forRoot(config: AppConfig, options: AuditModuleOptions): DynamicModule {
    // EventStoreDB cannot write the log in its append: the checkpointing process builds it downstream.
    const writer = options.checkpoints && !config.embedded ? [IntegrityWriterService] : [];
    return {
      module: AuditModule,
      // The log's commit index answers `asOf` for the log and Sharing Hub queries too.
      global: true,
      imports: options.routes ? [TenancyModule] : [],
      controllers: options.routes ? [AuditController] : [],
      providers: [
        ...coreProviders,
        ...(options.routes ? [AuditScopes, AuditService, { provide: CursorSigner, inject: [AppConfig], useFactory: cursorSignerFor }] : []),
        ...(options.checkpoints ? [AuditCheckpointService] : []),
        ...writer,
      ],
      exports: [AUDIT_LOG, AUDIT_SIGNER, AUDIT_PREVIOUS_KEYS],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.log.close();
  }
}
