import { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '@app/config';
import { corsOptions } from '@app/http';
import { apiDocument } from './openapi/api-document';
import { serveViewer } from './viewer/serve-viewer';

/**
 * What main.ts and the end-to-end tests both apply: CORS for the configured origins, the viewer
 * page at `/`, and the OpenAPI document at GET /openapi.json.
 */
export function configureApi(app: INestApplication): INestApplication {
  app.enableCors(corsOptions(app.get(AppConfig).corsOrigins));
  serveViewer(app);
  SwaggerModule.setup('docs', app, apiDocument(app), { jsonDocumentUrl: 'openapi.json' });
  return app;
}
