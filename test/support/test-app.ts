import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { AppConfig, loadConfig } from '@app/config';
import { EVENT_STORE, EventStore, RecordedEvent } from '@app/event-store';
import { mintToken, Principal } from '@app/auth';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApi } from '../../apps/api/src/configure-api';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256';

/** A whole API on a fresh data directory, reached over real HTTP through supertest. */
export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  store: EventStore;
  http(): ReturnType<typeof request>;
  /** A signed bearer token for this principal. */
  token(principal: Principal): Promise<string>;
  /** The events of one stream, as stored. */
  events(streamId: string): Promise<RecordedEvent[]>;
  close(): Promise<void>;
}

export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'api-e2e-'));
  const config = loadConfig({
    DATA_DIR: dir, LOG_LEVEL: 'silent', AUTH_JWT_SECRET: TEST_JWT_SECRET, TRUSTED_PROXIES: '127.0.0.1,::1', ...env,
  });
  const app = configureApi(await NestFactory.create(ApiModule.forRoot(config), { logger: false }));
  await app.init();
  const store = app.get<EventStore>(EVENT_STORE);
  return {
    app,
    config,
    store,
    http: () => request(app.getHttpServer()),
    token: (principal) => mintToken(config, principal),
    events: (streamId) => store.readStream(streamId),
    close: async () => {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
