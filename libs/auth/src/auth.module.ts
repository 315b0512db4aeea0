import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AppConfig } from '@app/config';
import { AuthGuard } from './auth.guard';
import { AuthorizeGuard } from './authorize.guard';
import { ClientIpResolver } from './client-ip';
import { JwtVerifier } from './jwt-verifier';

/** Authentication (401) then authorization by the role matrix (403), on every route. */
@Global()
@Module({
  providers: [
    { provide: JwtVerifier, inject: [AppConfig], useFactory: (config: AppConfig) => new JwtVerifier(config) },
    { provide: ClientIpResolver, inject: [AppConfig], useFactory: (c: AppConfig) => new ClientIpResolver(c.trustedProxies) },
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: AuthorizeGuard },
  ],
  exports: [JwtVerifier, ClientIpResolver],
})
export class AuthModule {}
