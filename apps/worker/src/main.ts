import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { closeSync, openSync, utimesSync } from 'node:fs';
import { checkDataDir, loadConfigOrExit, startOrExit } from '@app/config';
import { WorkerModule } from './worker.module';

/** How often the worker touches WORKER_HEARTBEAT_FILE; a healthcheck calls it stale after a few misses. */
const HEARTBEAT_MS = 5_000;

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  await startOrExit(config, 'The worker', async () => {
    checkDataDir(config);
    const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true, autoFlushLogs: false, abortOnError: false });
    app.useLogger(app.get(Logger));
    app.flushLogs();
    app.enableShutdownHooks();
    await app.init();
    // Subscriptions wait on unref'd timers; this keeps the worker up until SIGTERM/SIGINT closes it,
    // and shows a healthcheck that its event loop still turns.
    const beat = () => config.WORKER_HEARTBEAT_FILE && touch(config.WORKER_HEARTBEAT_FILE);
    beat();
    setInterval(beat, HEARTBEAT_MS);
  });
}

function touch(file: string): void {
  const now = new Date();
  try {
    utimesSync(file, now, now);
  } catch {
    closeSync(openSync(file, 'a'));
  }
}

void bootstrap();
