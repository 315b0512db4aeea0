import { Controller, Get, INestApplication, Logger as NestLogger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger, LoggerModule } from 'nestjs-pino';
import { Writable } from 'node:stream';
import request from 'supertest';
import { loadConfig, pinoHttpOptions } from '@app/config';

const lines: Record<string, unknown>[] = [];
const capture = new Writable({
  write(chunk, _encoding, done) {
    String(chunk).split('\n').filter(Boolean).forEach((line) => lines.push(JSON.parse(line)));
    done();
  },
});

@Controller('work')
class WorkController {
  private readonly logger = new NestLogger('Work');

  @Get()
  work(): string {
    this.logger.log('doing the work');
    this.logger.warn('something to look at');
    return 'done';
  }
}

@Module({
  imports: [LoggerModule.forRoot({ pinoHttp: [pinoHttpOptions(loadConfig({ LOG_LEVEL: 'info' }), false), capture] })],
  controllers: [WorkController],
})
class LoggedModule {}

/** With the API's own logging options: every line written while a request is handled names its id. */
describe('the request id in log lines', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await NestFactory.create(LoggedModule, { logger: false });
    app.useLogger(app.get(Logger));
    await app.init();
  });
  afterAll(() => app.close());

  it("puts the caller's X-Request-Id on the handler's lines and on the line that ends the request", async () => {
    const res = await request(app.getHttpServer()).get('/work').set('X-Request-Id', 'trace-me-1').expect(200);
    expect(res.headers['x-request-id']).toBe('trace-me-1');
    const ofRequest = lines.filter((l) => l.requestId === 'trace-me-1');
    expect(ofRequest.map((l) => l.msg)).toEqual(['doing the work', 'something to look at', 'request completed']);
  });

  it('puts a generated id on them when the caller sent none', async () => {
    const res = await request(app.getHttpServer()).get('/work').expect(200);
    const id = res.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.filter((l) => l.requestId === id)).toHaveLength(3);
  });
});
