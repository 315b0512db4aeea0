import { Module } from '@nestjs/common';
import { TenantDirectory } from './tenant-directory';

/** Tenancy for the command and query sides; the organization directory comes from ReadModelsModule. */
@Module({
  providers: [TenantDirectory],
  exports: [TenantDirectory],
})
export class TenancyModule {}
