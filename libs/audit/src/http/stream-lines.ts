import { Logger } from '@nestjs/common';
import type { Response } from 'express';
import { once } from 'node:events';

const logger = new Logger('AuditStream');

/**
 * Streams JSON Lines with backpressure. The first line is produced before the headers go out,
 * so a failure there is still a JSON error answer; a failure later cuts the connection, so the
 * client sees a truncated file (and the export's missing end line says so), never a complete-looking one.
 */
export async function streamLines(res: Response, lines: AsyncIterable<string>, filename?: string): Promise<void> {
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  res.status(200);
  res.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (filename) res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  try {
    for (let next = first; !next.done; next = await iterator.next()) {
      if (res.destroyed) return void (await iterator.return?.());
      if (!res.write(`${next.value}\n`)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
    }
    res.end();
  } catch (error) {
    logger.error(`stream failed after the first line: ${error instanceof Error ? error.stack : String(error)}`);
    res.destroy();
  }
}
