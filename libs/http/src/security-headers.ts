import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/**
 * helmet's headers on every answer (HSTS, nosniff, frame and referrer policies, no X-Powered-By).
 * The API answers JSON and CSV only, so its Content-Security-Policy allows nothing; the Swagger
 * UI under `docsPath` loads its own scripts, styles and data: images, and is allowed just those.
 */
export function securityHeaders(docsPath: string): RequestHandler {
  const api = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
    },
  });
  const docs = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
  });
  const isDocs = (path: string) => path === docsPath || path.startsWith(`${docsPath}/`);
  return (req: Request, res: Response, next: NextFunction) => (isDocs(req.path) ? docs : api)(req, res, next);
}
