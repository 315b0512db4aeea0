import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** What main.ts and the end-to-end tests both apply: the OpenAPI document at GET /openapi.json. */
export function configureApi(app: INestApplication): INestApplication {
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
