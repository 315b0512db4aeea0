import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '@app/config';
import { formBody, jsonBody, MAX_BODY_DEPTH, securityHeaders } from '@app/http';

const DOCS_PATH = 'docs';

/**
 * What main.ts and the end-to-end tests both apply: security headers, the body parsers (JSON,
 * bounded in size and depth; a small form for /oauth/token) and the OpenAPI document at GET /openapi.json.
 */
export function configureApi(app: INestApplication): INestApplication {
  const config = app.get(AppConfig);
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  app.use(securityHeaders(`/${DOCS_PATH}`));
  // The OAuth token endpoint alone takes a form (RFC 6749), read before the JSON parser looks.
  app.use('/oauth/token', formBody({ limitBytes: 16_384 }));
  app.use(jsonBody({ limitBytes: config.BODY_LIMIT_BYTES, maxDepth: MAX_BODY_DEPTH }));
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Activity Log API')
      .setDescription('Commands that record what happens in the MSP and Business panels; every answer carries the events written and their global position.')
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: 'openapi.json' });
  return app;
}
