import { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { static as serveStatic } from 'express';
import { join } from 'node:path';

/** The viewer's files: beside this module in the sources, and copied beside it by `nest build` (nest-cli.json assets). */
export const VIEWER_ROOT = join(__dirname, 'public');

/**
 * The viewer page at `/` and its scripts and styles under `/viewer/`: static files, no build step,
 * no inline script or style (so a strict Content-Security-Policy of 'self' fits them). Everything
 * else falls through to the API.
 */
export function serveViewer(app: INestApplication): void {
  const index = join(VIEWER_ROOT, 'index.html');
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path !== '/' || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  app.use('/viewer', serveStatic(join(VIEWER_ROOT, 'viewer'), { index: false, redirect: false, dotfiles: 'ignore', fallthrough: true }));
}
