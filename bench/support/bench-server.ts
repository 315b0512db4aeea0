import 'reflect-metadata';
import { Controller, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { AddressInfo } from 'node:net';
import { Logger } from 'nestjs-pino';
import { loadConfig } from '@app/config';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApi } from '../../apps/api/src/configure-api';

/**
 * Child process of the HTTP figures: the API as `npm start` runs it (embedded SQLite, projectors
 * in process, pino request logs), plus `POST /bench/noop`, which answers `{}` behind the same
 * global guards, pipes and logging: the ceiling of the HTTP stack. Listens on a free port of
 * 127.0.0.1 and reports it to the parent over IPC.
 */
@Controller('bench')
class BenchController {
  @Post('noop')
  @HttpCode(200)
  noop(): object {
    return {};
  }
}

@Module({})
class BenchServerModule {}

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create(
    { module: BenchServerModule, imports: [ApiModule.forRoot(config)], controllers: [BenchController] },
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  configureApi(app);
  app.enableShutdownHooks();
  await app.listen(0, '127.0.0.1');
  process.on('message', (m: { profile?: 'start' | 'stop'; file?: string }) => void profile(m));
  process.once('disconnect', () => void app.close().finally(() => process.exit(0))); // the bench process is gone
  process.send?.({ port: (app.getHttpServer().address() as AddressInfo).port });
}

let session: Session | undefined;

/** CPU profile of the serving process only (not its boot), started and stopped by the bench over IPC. */
async function profile(m: { profile?: 'start' | 'stop'; file?: string }): Promise<void> {
  if (m.profile === 'start') {
    session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    process.send?.({ profiling: true });
  } else if (m.profile === 'stop' && session && m.file) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(m.file, JSON.stringify(profile));
    session.disconnect();
    process.send?.({ profiled: m.file });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
