import type { DocumentBuilder, OpenAPIObject } from '@nestjs/swagger';
import { ACCESS_EXTENSION } from './requires.decorator';

/** The bearer scheme as the OpenAPI document declares it (`DocumentBuilder.addBearerAuth`). */
export const BEARER_SECURITY: Parameters<DocumentBuilder['addBearerAuth']>[0] = {
  type: 'http',
  scheme: 'bearer',
  description:
    'An API key from API_KEYS, sent as Authorization: Bearer <secret>. Each operation names the roles that may call it.',
};

/**
 * Writes each operation's access into its description, where every OpenAPI viewer shows it:
 * "Role: producer, operator or admin" from the {@link ACCESS_EXTENSION} that `@Requires` put
 * there, "Public" for `@Public` routes.
 */
export function documentAccess(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item)) {
      const access = (operation as Record<string, unknown>)?.[ACCESS_EXTENSION] as
        { roles: string[] } | 'public' | undefined;
      if (access === undefined) continue;
      const line =
        access === 'public'
          ? 'Public: no API key needed.'
          : `Role: ${access.roles.join(', ')} (an API key as Authorization: Bearer).`;
      const op = operation as { description?: string };
      op.description = op.description ? `${line}\n\n${op.description}` : line;
    }
  }
  return document;
}
