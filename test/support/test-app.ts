import { DynamicModule, INestApplication, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { AppConfig, loadConfig } from '@app/config';
import { EVENT_STORE, EventStore, RecordedEvent } from '@app/event-store';
import { mintToken, Principal } from '@app/auth';
import { PersonalData } from '@app/privacy';
import { ProjectorRegistry } from '@app/projections';
import { CLIENT_IP } from './principals';
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
  /** The events of one stream, their personal data revealed (as the command side reads them in memory). */
  events(streamId: string): Promise<RecordedEvent[]>;
  /** The events of one stream as the store hands them on: personal values sealed. */
  sealedEvents(streamId: string): Promise<RecordedEvent[]>;
  personalData: PersonalData;
  /** The position of the last command sent through `command` ('0' before any). */
  lastPosition: string;
  /**
   * Sends a command as `token` from CLIENT_IP; throws on a non-2xx answer, remembers its position
   * as `lastPosition` and returns the answer's body. Without `body`, none is sent.
   */
  command<T = any>(path: string, token: string, body?: object): Promise<T>;
  /** A GET as `token`, waiting for `lastPosition` (`minPosition`) unless the query says otherwise. */
  query(path: string, token: string, query?: Record<string, string | number | boolean>): ReturnType<ReturnType<typeof request>['get']>;
  close(): Promise<void>;
}

/** Test-only modules mounted beside the API (e.g. a deliberately mis-wired route). */
@Module({})
class ApiWithTestModules {}

export async function startTestApp(env: Record<string, string> = {}, extra: { imports?: Type[] } = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'api-e2e-'));
  const config = loadConfig({
    DATA_DIR: dir, LOG_LEVEL: 'silent', AUTH_JWT_SECRET: TEST_JWT_SECRET, TRUSTED_PROXIES: '127.0.0.1,::1',
    // Deliveries record sync events whenever a push fails: only the SIEM specs, which count them, run them.
    SIEM_DELIVERY_IN_API: 'false', ...env,
  });
  const api = ApiModule.forRoot(config);
  const root: DynamicModule = extra.imports?.length ? { module: ApiWithTestModules, imports: [api, ...extra.imports] } : api;
  const app = configureApi(await NestFactory.create(root, { logger: false }));
  await app.init();
  const store = app.get<EventStore>(EVENT_STORE);
  const personalData = app.get(PersonalData);
  const testApp: TestApp = {
    app,
    config,
    store,
    http: () => request(app.getHttpServer()),
    token: (principal) => mintToken(config, principal),
    events: async (streamId) => personalData.reveal(await store.readStream(streamId)),
    sealedEvents: (streamId) => store.readStream(streamId),
    personalData,
    lastPosition: '0',
    command: async (path, token, body) => {
      const req = testApp.http().post(path).set('Authorization', `Bearer ${token}`).set('X-Forwarded-For', CLIENT_IP);
      const res = await (body ? req.send(body) : req);
      if (res.status >= 300) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
      testApp.lastPosition = res.body.position;
      return res.body;
    },
    query: (path, token, query = {}) =>
      testApp.http().get(path).set('Authorization', `Bearer ${token}`).query({ minPosition: testApp.lastPosition, ...query }),
    close: async () => {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return testApp;
}

/**
 * Runs `during(head)` while the view reports a checkpoint just before `head`, the store's last
 * position, as a view that lags behind (a slow or stopped projector) does; the projector itself
 * keeps running.
 */
export async function whileViewLags<T>(t: TestApp, view: string, during: (head: string) => Promise<T>): Promise<T> {
  const projector = t.app.get(ProjectorRegistry).get(view);
  const head = await t.store.headPosition();
  const lagging = jest.spyOn(projector, 'checkpoint').mockResolvedValue(head - 1n);
  try {
    return await during(head.toString());
  } finally {
    lagging.mockRestore();
  }
}
