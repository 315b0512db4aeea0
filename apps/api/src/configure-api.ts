import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '@app/config';
import { corsOptions } from '@app/http';
import { serveViewer } from './viewer/serve-viewer';

/**
 * What main.ts and the end-to-end tests both apply: CORS for the configured origins, the viewer
 * page at `/`, and the OpenAPI document at GET /openapi.json.
 */
export function configureApi(app: INestApplication): INestApplication {
  app.enableCors(corsOptions(app.get(AppConfig).corsOrigins));
  serveViewer(app);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Activity Log API')
      .setDescription('Commands that record what happens in the MSP and Business panels; every answer carries the events written and their global position.')
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json' });
  return app;
}
