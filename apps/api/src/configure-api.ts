import { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '@app/config';
import { corsOptions, formBody, jsonBody, MAX_BODY_DEPTH, securityHeaders } from '@app/http';
import { apiDocument } from './openapi/api-document';
import { serveViewer } from './viewer/serve-viewer';

const DOCS_PATH = 'docs';

/**
 * What main.ts and the end-to-end tests both apply: CORS for the configured origins, security
 * headers, the body parsers (JSON, bounded in size and depth; a small form for /oauth/token),
 * the viewer page at `/` (its own CSP, set after the API-wide one) and the OpenAPI document at
 * GET /openapi.json.
 */
export function configureApi(app: INestApplication): INestApplication {
  const config = app.get(AppConfig);
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  app.enableCors(corsOptions(config.corsOrigins));
  app.use(securityHeaders(`/${DOCS_PATH}`));
  // The OAuth token endpoint alone takes a form (RFC 6749), read before the JSON parser looks.
  app.use('/oauth/token', formBody({ limitBytes: 16_384 }));
  app.use(jsonBody({ limitBytes: config.BODY_LIMIT_BYTES, maxDepth: MAX_BODY_DEPTH }));
  serveViewer(app);
  SwaggerModule.setup(DOCS_PATH, app, apiDocument(app), { jsonDocumentUrl: 'openapi.json' });
  return app;
}
