import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { checkDataDir, checkListenable, loadConfigOrExit, startOrExit } from '@app/config';
import { ApiModule } from './api.module';
import { configureApi } from './configure-api';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  await startOrExit(config, 'The API', async () => {
    await checkListenable(config);
    checkDataDir(config);
    // A failure while the modules start throws here (abortOnError: false) and Nest's own report of
    // it stays in the unflushed buffer: startOrExit prints the one line instead.
    const app = await NestFactory.create(ApiModule.forRoot(config), { bufferLogs: true, autoFlushLogs: false, abortOnError: false });
    app.useLogger(app.get(Logger));
    app.flushLogs();
    configureApi(app);
    app.enableShutdownHooks();
    await app.listen(config.PORT, config.HOST);
    app.get(Logger).log(
      `API listening on http://${config.HOST}:${config.PORT} with the ${config.EVENTSTORE_URL ? 'EventStoreDB' : `SQLite (${config.eventStoreFile})`} event store`,
    );
  });
}

void bootstrap();
