import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { loadConfig } from '@app/config';
import { ApiModule } from '../apps/api/src/api.module';

async function waitForRetentionRun(app: INestApplication): Promise<unknown> {
  for (let i = 0; i < 100; i++) {
    const { lastRun } = (await request(app.getHttpServer()).get('/health').expect(200)).body.info.retention;
    if (lastRun) return lastRun;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the retention job never reported a pass');
}

describe('GET /health (embedded defaults)', () => {
  let app: INestApplication;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'api-health-'));
    const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
    app = await NestFactory.create(ApiModule.forRoot(config), { logger: false });
    await app.init();
  });

  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 200 with the event store up and its head position as a string', async () => {
    const res = await request(app.getHttpServer()).get('/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.info.eventStore).toEqual({ status: 'up', engine: 'sqlite', headPosition: '-1' });
    expect(res.body.info.readModels).toEqual({
      status: 'up',
      engine: 'sqlite',
      'activity-log': { checkpoint: '-1', behind: '0', deadLetters: 0 },
      'sharing-hub': { checkpoint: '-1', behind: '0', deadLetters: 0 },
      organizations: { checkpoint: '-1', behind: '0', deadLetters: 0 },
      integrations: { checkpoint: '-1', behind: '0', deadLetters: 0 },
      'msp-members': { checkpoint: '-1', behind: '0', deadLetters: 0 },
      'org-members': { checkpoint: '-1', behind: '0', deadLetters: 0 },
      credentials: { checkpoint: '-1', behind: '0', deadLetters: 0 },
    });
    expect(res.body.info.idempotencyStore).toEqual({ status: 'up', engine: 'sqlite' });
    // The retention job runs at start here (npm start runs the projectors in the API): its last pass, once it finished.
    expect(res.body.info.retention).toMatchObject({ status: 'up' });
    const later = await waitForRetentionRun(app);
    expect(later).toMatchObject({ expiredMonths: 0, removedEntries: 0, tenants: 0, startedAt: expect.any(String), finishedAt: expect.any(String) });
  });
});
