import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfigOrExit } from '@app/config';
import { ApiModule } from './api.module';
import { configureApi } from './configure-api';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await NestFactory.create(ApiModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  configureApi(app);
  app.enableShutdownHooks();
  await app.listen(config.PORT, config.HOST);
  app.get(Logger).log(
    `API listening on http://${config.HOST}:${config.PORT} with the ${config.EVENTSTORE_URL ? 'EventStoreDB' : `SQLite (${config.eventStoreFile})`} event store`,
  );
}

void bootstrap();
