import { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '@app/config';
import { corsOptions, jsonBody, MAX_BODY_DEPTH, securityHeaders } from '@app/http';
import { apiDocument } from './openapi/api-document';
import { serveViewer } from './viewer/serve-viewer';

const DOCS_PATH = 'docs';

/**
 * What main.ts and the end-to-end tests both apply: security headers, CORS for the configured
 * origins, the one body parser (JSON only, bounded in size and depth), the viewer page at `/`
 * (after the security headers, so its own CSP is the one it answers with) and the OpenAPI
 * document at GET /openapi.json.
 */
export function configureApi(app: INestApplication): INestApplication {
  const config = app.get(AppConfig);
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  app.use(securityHeaders(`/${DOCS_PATH}`));
  app.enableCors(corsOptions(config.corsOrigins));
  app.use(jsonBody({ limitBytes: config.BODY_LIMIT_BYTES, maxDepth: MAX_BODY_DEPTH }));
  serveViewer(app);
  SwaggerModule.setup(DOCS_PATH, app, apiDocument(app), { jsonDocumentUrl: 'openapi.json' });
  return app;
}
