import { ApiProperty } from '@nestjs/swagger';
import { declaredFieldSchemas } from '@jobq/queue-core';

const documented = new WeakSet<object>();

/**
 * Gives OpenAPI the fields declared with queue-core's field decorators (`IntField`, `OneOfField`,
 * …): queue-core knows nothing of Swagger, so its types and the DTOs built on them are documented
 * here, from the same declarations that validate them. Call before building the document; each
 * class is documented once however often it is called.
 */
export function documentDeclaredFields(): void {
  for (const [type, fields] of declaredFieldSchemas()) {
    if (documented.has(type)) continue;
    documented.add(type);
    for (const [key, { nested, ...schema }] of fields) {
      const options = nested
        ? { ...schema, type: nested, required: schema.required }
        : { ...schema, enum: schema.enum ? [...schema.enum] : undefined };
      ApiProperty(options as Parameters<typeof ApiProperty>[0])(type.prototype, key);
    }
  }
}
