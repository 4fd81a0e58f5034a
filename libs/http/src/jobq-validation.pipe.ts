import { ArgumentMetadata, Injectable, Type, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';

/** Checks of what kind a value is: when one fails, it is the field's only message (`must be an integer`, not also `must be <= 10`). */
const KIND_CHECKS = ['isInt', 'isNumber', 'isString', 'isBoolean', 'isIn', 'isObject', 'isArray'];

/**
 * The global validation pipe (`transform`, `whitelist`, `forbidNonWhitelisted`) with one shortcut
 * for the hot path: an empty query string (most enqueues) is validated once per DTO class; after
 * it has passed, an empty query becomes a fresh instance without running class-transformer and
 * class-validator again (about a fifth of an enqueue's CPU). The outcome is the same.
 */
@Injectable()
export class JobqValidationPipe extends ValidationPipe {
  private readonly emptyOk = new WeakSet<Type>();

  constructor() {
    super({ transform: true, whitelist: true, forbidNonWhitelisted: true });
  }

  /** One line per problem: a value of the wrong kind gets only that said; the same words once. */
  protected override flattenValidationErrors(errors: ValidationError[]): string[] {
    return errors
      .flatMap((error) => this.mapChildrenToValidationErrors(error))
      .flatMap(({ constraints }) => {
        if (!constraints) return [];
        const kind = KIND_CHECKS.find((check) => check in constraints);
        return kind ? [constraints[kind]] : [...new Set(Object.values(constraints))];
      });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const metatype = metadata.metatype as Type | undefined;
    const empty = metadata.type === 'query' && isEmptyObject(value);
    if (empty && metatype && this.emptyOk.has(metatype)) return new metatype();
    const result: unknown = await super.transform(value, metadata);
    if (empty && metatype && this.toValidate(metadata)) this.emptyOk.add(metatype);
    return result;
  }
}

function isEmptyObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  for (const key in value) if (Object.prototype.hasOwnProperty.call(value, key)) return false;
  return true;
}
