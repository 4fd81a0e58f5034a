/** How a validated field looks on the wire, for API documents (an OpenAPI schema object, in short). */
export interface FieldSchema {
  type: 'integer' | 'number' | 'string' | 'object';
  required: boolean;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  enum?: readonly string[];
  format?: 'date-time';
  /** For a nested object: its class. */
  nested?: () => abstract new () => object;
  description?: string;
  example?: unknown;
}

type Fields = Map<string, FieldSchema>;

/** Classes with fields declared by this folder's decorators, parents before children (declaration order). */
const declared = new Map<abstract new () => object, Fields>();

/** Records `schema` for field `key` of the class whose prototype is `prototype`. */
export function recordFieldSchema(prototype: object, key: string, schema: FieldSchema): void {
  const type = prototype.constructor as abstract new () => object;
  let fields = declared.get(type);
  if (!fields) declared.set(type, (fields = new Map()));
  fields.set(key, schema);
}

/**
 * Every class with declared fields and their schemas, a parent class before its subclasses, so
 * documenting them in this order lets each subclass inherit its parent's entries.
 */
export function declaredFieldSchemas(): ReadonlyMap<
  abstract new () => object,
  ReadonlyMap<string, FieldSchema>
> {
  return declared;
}
