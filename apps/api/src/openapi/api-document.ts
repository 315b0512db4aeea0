import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { STREAM_TICKET_SCHEME } from '@app/auth';
import { REQUEST_ID_HEADER } from '@app/http';

export const METRICS_TOKEN_SCHEME = 'metricsToken';

/**
 * The OpenAPI document of every route: bearer tokens by default (a @Public route says it needs
 * none), stream tickets where a browser cannot send headers, and X-Request-Id on every answer.
 */
export function apiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Activity Log API')
      .setDescription(
        'The audit trail of a business password manager and its MSPs: commands that record what happens in the MSP and Business ' +
          'panels (every answer carries the events written and their global position), and the views that read it back: the ' +
          'MSP and Business Activity Logs, organization feeds, the Sharing Hub, exports and live tails.',
      )
      .setVersion('1')
      .addServer('/', 'This API, relative to where the document was read')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .addApiKey(
        { type: 'apiKey', in: 'query', name: 'ticket', description: 'A single-use, short-lived ticket from POST /stream-tickets (live tails and exports only)' },
        STREAM_TICKET_SCHEME,
      )
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN, when it is set' }, METRICS_TOKEN_SCHEME)
      .addSecurityRequirements('bearer')
      .build(),
  );
  document.info.license = { name: 'UNLICENSED' };
  return withRequestIdOnEveryAnswer(document);
}

function withRequestIdOnEveryAnswer(document: OpenAPIObject): OpenAPIObject {
  document.components = { ...document.components, headers: { ...document.components?.headers, 'X-Request-Id': REQUEST_ID_HEADER } };
  for (const item of Object.values(document.paths)) {
    for (const operation of [item.get, item.put, item.post, item.delete, item.patch, item.head, item.options]) {
      for (const response of Object.values(operation?.responses ?? {})) {
        if (!response || '$ref' in response) continue;
        response.headers = { ...response.headers, 'X-Request-Id': { $ref: '#/components/headers/X-Request-Id' } };
      }
    }
  }
  return document;
}
