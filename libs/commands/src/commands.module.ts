import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { AppConfig } from '@app/config';
import { TenancyModule } from '@app/tenancy';
import { BillingController } from './billing/billing.controller';
import { ALL_COMMAND_BINDINGS } from './command-bindings';
import { IntegrationsController } from './integrations/integrations.controller';
import { IntegrationSecretWriter } from './integrations/integration-secret-writer';
import { MspApiKeysController } from './integrations/msp-api-keys.controller';
import { MspAccessController } from './msp-access/msp-access.controller';
import { MspController } from './msp/msp.controller';
import { OrgMemberAccessController } from './org-members/org-member-access.controller';
import { OrgRosterController } from './org-members/org-roster.controller';
import { OrganizationsController } from './organizations/organizations.controller';
import { PoliciesController } from './policies/policies.controller';
import { SiemIntegrationsController } from './policies/siem-integrations.controller';
import { SettingsController } from './settings/settings.controller';
import { OrgSettingsController } from './settings/org-settings.controller';
import { COMMAND_BINDINGS, CommandExecutor } from './shared/command-executor';
import { CommandRouteInterceptor } from './shared/command-route.interceptor';
import { IdempotencyStoreHealthIndicator } from './shared/idempotency/idempotency-store.health';
import { IdempotencyInterceptor } from './shared/idempotency/idempotency.interceptor';
import { IDEMPOTENCY_STORE, IdempotencyStore } from './shared/idempotency/idempotency.store';
import { MongoIdempotencyStore } from './shared/idempotency/mongo-idempotency.store';
import { SqliteIdempotencyStore } from './shared/idempotency/sqlite-idempotency.store';
import { FoldersController } from './vault/folders.controller';
import { VaultItemsController } from './vault/vault-items.controller';

/** The whole command side over HTTP: every area's routes, the one executor they send to, idempotency. */
@Module({
  imports: [TenancyModule],
  controllers: [
    MspController,
    MspAccessController,
    OrganizationsController,
    IntegrationsController,
    MspApiKeysController,
    BillingController,
    SettingsController,
    OrgSettingsController,
    OrgRosterController,
    OrgMemberAccessController,
    PoliciesController,
    SiemIntegrationsController,
    VaultItemsController,
    FoldersController,
  ],
  providers: [
    { provide: COMMAND_BINDINGS, useValue: ALL_COMMAND_BINDINGS },
    CommandExecutor,
    CommandRouteInterceptor,
    IdempotencyInterceptor,
    IntegrationSecretWriter,
    { provide: IDEMPOTENCY_STORE, inject: [AppConfig], useFactory: openIdempotencyStore },
    IdempotencyStoreHealthIndicator,
  ],
  exports: [CommandExecutor, IdempotencyStoreHealthIndicator],
})
export class CommandsModule implements OnApplicationShutdown {
  constructor(@Inject(IDEMPOTENCY_STORE) private readonly idempotency: IdempotencyStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.idempotency.close();
  }
}

/** Shared in MongoDB when MONGO_URL is set (scaled-out APIs), else a local SQLite file. */
async function openIdempotencyStore(config: AppConfig): Promise<IdempotencyStore> {
  if (config.MONGO_URL) return MongoIdempotencyStore.connect(config.MONGO_URL, config.mongoTimeouts);
  return new SqliteIdempotencyStore(join(config.DATA_DIR, 'idempotency.sqlite'));
}
