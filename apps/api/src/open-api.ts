import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { BEARER_SCHEME, BEARER_SECURITY, documentAccess, documentDeclaredFields } from '@jobq/http';

/** Serves the API's OpenAPI document: the UI at `/docs`, the JSON at `/docs/json`. Call before `listen`. */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('jobq API')
    .setDescription(
      'REST job queue on BullMQ (presque-compatible). Errors are {"error", "code", "details"?}. ' +
        'With API_KEYS set, every route but /health needs an API key (Authorization: Bearer <secret>) ' +
        'whose role may call it: each operation names its roles.',
    )
    .setVersion('0.1.0')
    .addBearerAuth(BEARER_SECURITY, BEARER_SCHEME)
    .build();
  documentDeclaredFields();
  const document = documentAccess(SwaggerModule.createDocument(app, config));
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json' });
}
