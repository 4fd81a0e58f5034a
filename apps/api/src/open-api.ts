import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { documentDeclaredFields } from '@jobq/http';

/** Serves the API's OpenAPI document: the UI at `/docs`, the JSON at `/docs/json`. Call before `listen`. */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('jobq API')
    .setDescription(
      'REST job queue on BullMQ (presque-compatible). Errors are {"error", "code", "details"?}.',
    )
    .setVersion('0.1.0')
    .build();
  documentDeclaredFields();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json' });
}
