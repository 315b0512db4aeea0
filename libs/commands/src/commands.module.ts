import { Module } from '@nestjs/common';
import { BillingCommandsModule } from './billing/billing.module';
import { IntegrationsCommandsModule } from './integrations/integrations.module';
import { MspAccessCommandsModule } from './msp-access/msp-access.module';
import { MspCommandsModule } from './msp/msp.module';
import { OrgMembersCommandsModule } from './org-members/org-members.module';
import { OrganizationsCommandsModule } from './organizations/organizations.module';
import { PoliciesCommandsModule } from './policies/policies.module';
import { SettingsCommandsModule } from './settings/settings.module';
import { CommandsCoreModule } from './shared/commands-core.module';
import { VaultCommandsModule } from './vault/vault.module';

/** The whole command side over HTTP, one module per area of the catalog. */
@Module({
  imports: [
    CommandsCoreModule,
    MspCommandsModule,
    MspAccessCommandsModule,
    OrganizationsCommandsModule,
    IntegrationsCommandsModule,
    BillingCommandsModule,
    SettingsCommandsModule,
    OrgMembersCommandsModule,
    PoliciesCommandsModule,
    VaultCommandsModule,
  ],
})
export class CommandsModule {}
