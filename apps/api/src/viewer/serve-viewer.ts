import { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { static as serveStatic } from 'express';
import { join } from 'node:path';

/** The viewer's files: beside this module in the sources, and copied beside it by `nest build` (nest-cli.json assets). */
export const VIEWER_ROOT = join(__dirname, 'public');

/**
 * What the page may load: its own scripts, styles and icon, and calls to this API; nothing inline,
 * nothing from elsewhere, never framed. Set here, after any API-wide policy, so it is the one the
 * viewer's answers carry.
 */
export const VIEWER_CSP = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self'", "connect-src 'self'",
  "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

/**
 * The viewer page at `/` and its scripts and styles under `/viewer/`: static files, no build step,
 * no inline script or style. Everything else falls through to the API.
 */
export function serveViewer(app: INestApplication): void {
  const index = join(VIEWER_ROOT, 'index.html');
  const files = serveStatic(join(VIEWER_ROOT, 'viewer'), { index: false, redirect: false, dotfiles: 'ignore', fallthrough: true });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path !== '/' || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    res.setHeader('Content-Security-Policy', VIEWER_CSP);
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  app.use('/viewer', (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', VIEWER_CSP);
    files(req, res, next);
  });
}
