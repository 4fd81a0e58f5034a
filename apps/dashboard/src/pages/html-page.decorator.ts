import { applyDecorators, Header } from '@nestjs/common';

/** A route that answers HTML, never cached (pages and htmx fragments). */
export function HtmlPage(): MethodDecorator {
  return applyDecorators(
    Header('Content-Type', 'text/html; charset=utf-8'),
    Header('Cache-Control', 'no-store'),
  );
}
