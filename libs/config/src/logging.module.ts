import { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { destination, type DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import { AppConfig } from './app-config';
import { genRequestId } from './request-id';

/** Probes and scrapes: answered often, never worth a log line. */
const UNLOGGED_PATHS = new Set(['/health', '/health/live', '/health/ready', '/metrics']);

export type LogFormat = 'json' | 'pretty';

/**
 * JSON for machines (containers, CI, a pipe), readable lines for a person at a terminal.
 * pino-pretty is a development dependency: where it is not installed (a production image),
 * logs stay JSON whatever was asked.
 */
export function logFormatOf(setting: AppConfig['LOG_FORMAT'], stdoutIsTty: boolean, prettyInstalled: boolean): LogFormat {
  if (!prettyInstalled || setting === 'json') return 'json';
  return setting === 'pretty' || stdoutIsTty ? 'pretty' : 'json';
}

/**
 * Structured logs (pino); credentials never reach a log line, in either format. Every line logged
 * while a request is handled, and the line that ends it, carries its `requestId` (X-Request-Id).
 */
export function loggingModule(config: AppConfig): DynamicModule {
  const pretty = logFormatOf(config.LOG_FORMAT, process.stdout.isTTY === true, prettyInstalled()) === 'pretty';
  const options = pinoHttpOptions(config, pretty);
  return LoggerModule.forRoot({ pinoHttp: [options, pretty ? prettyStream() : jsonStream()] });
}

/**
 * stdout written asynchronously (SonicBoom): a request never waits on a write(2), and lines logged
 * while one write is in flight go out together in the next. pino flushes what is left when the
 * process exits.
 */
function jsonStream(): DestinationStream {
  return destination({ dest: 1, sync: false });
}

/** A stream ticket in a URL (EventSource, a download link) is a credential too, single-use as it is. */
export function withoutTicket(url: string | undefined): string | undefined {
  return url?.replace(/([?&]ticket=)[^&#]*/g, '$1[redacted]');
}

export function pinoHttpOptions(config: AppConfig, pretty: boolean): Options {
  return {
    level: config.LOG_LEVEL,
    redact: {
      paths: [
        'req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]', 'res.headers["set-cookie"]', 'req.query.ticket',
        // Personal data (docs/personal-data.md): a log line cannot be erased later, so it never holds an address or a user agent.
        'req.remoteAddress', 'req.headers["x-forwarded-for"]', 'req.headers["x-real-ip"]', 'req.headers.forwarded', 'req.headers["user-agent"]',
      ],
      censor: '[redacted]',
    },
    serializers: { req: (req: { url?: string }) => Object.assign(req, { url: withoutTicket(req.url) }) },
    genReqId: genRequestId,
    customProps: (req) => ({ requestId: req.id }),
    autoLogging: { ignore: (req) => UNLOGGED_PATHS.has((req.url ?? '').split('?')[0]) },
    // One line per request at a terminal; the JSON keeps pino-http's own message and the req/res objects.
    ...(pretty && {
      customSuccessMessage: (req, res, ms) => `${req.method} ${withoutTicket(req.url)} ${res.statusCode} ${Math.round(ms)} ms`,
      customErrorMessage: (req, res, error) => `${req.method} ${withoutTicket(req.url)} ${res.statusCode} ${error.message}`,
    }),
  };
}

function prettyInstalled(): boolean {
  try {
    require.resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

function prettyStream(): DestinationStream {
  // Loaded only here, so a production install without dev dependencies never needs it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- an optional dev dependency, loaded on demand and synchronously
  const pinoPretty: typeof import('pino-pretty') = require('pino-pretty');
  return pinoPretty({
    sync: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,context,req,res,responseTime,requestId',
    messageFormat: '{if context}[{context}] {end}{msg}{if requestId} (request {requestId}){end}',
  });
}
