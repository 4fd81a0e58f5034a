import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { recordFieldSchema } from './field-schema';

/** What a number counts, which decides how messages name it. */
export type NumberUnit = 'ms' | 's' | 'bytes' | 'epoch-s';

/** Options every field decorator takes. */
export interface FieldOptions {
  /** May be left out. */
  optional?: boolean;
  /** May be `null`; the words say what null means (`no cap` → "or null for no cap"). */
  nullable?: string;
  description?: string;
  example?: unknown;
}

/** Options of {@link IntField}. */
export interface IntFieldOptions extends FieldOptions {
  unit?: NumberUnit;
  /** Arrives as text (a query string): converted to a number before it is checked. */
  fromString?: boolean;
  /** Every message names the whole range ("an integer from 1 to 10000"), not only the bound broken. */
  range?: boolean;
  /** Said after the maximum in its message: `<= 86400000 (one day)`. */
  note?: string;
  /** Fractions allowed (a number, not only whole ones). */
  fraction?: boolean;
}

type Decorator = (target: object, key: string) => void;

/** Applies `decorators` in the order they would run written one above the other: the last first. */
function stack(...decorators: Decorator[]): PropertyDecorator {
  return (target, key) => {
    for (const decorator of [...decorators].reverse()) decorator(target, key as string);
  };
}

function presence(options: FieldOptions): Decorator[] {
  if (options.optional) return [IsOptional()];
  return options.nullable ? [ValidateIf((_o, v) => v !== null)] : [];
}

function kindOf({ unit, fraction }: IntFieldOptions): string {
  switch (unit) {
    case 'epoch-s':
      return 'a time in epoch seconds';
    case 's':
      return fraction ? 'a number of seconds' : 'a whole number of seconds';
    case 'ms':
      return 'an integer number of milliseconds';
    case 'bytes':
      return 'an integer number of bytes';
    default:
      return fraction ? 'a number' : 'an integer';
  }
}

/**
 * A whole number (or, with `fraction`, any number) from `min` to `max` (`max` undefined: up to
 * `Number.MAX_SAFE_INTEGER`, the largest a JSON number holds exactly), with messages that say what to send: `attempts must be >= 1`, `timeout_ms must be an
 * integer number of milliseconds or null`, or with `range` `page_size must be an integer from 1 to
 * 10000`. The one way jobq declares a numeric field, in queue-core's types and the apps' DTOs alike.
 */
export function IntField(
  min: number,
  max?: number,
  options: IntFieldOptions = {},
): PropertyDecorator {
  const kind = kindOf(options);
  const orNull = options.nullable;
  const within = max === undefined ? `>= ${min}` : `from ${min} to ${max}`;
  const ranged = `$property must be ${kind} ${within}${orNull ? `, or null for ${orNull}` : ''}`;
  const typeMessage = options.range
    ? ranged
    : `$property must be ${kind}${orNull ? ' or null' : ''}`;
  const minMessage = options.range
    ? ranged
    : `$property must be >= ${min}${orNull ? ` (or null for ${orNull})` : ''}`;
  const maxMessage = options.range
    ? ranged
    : `$property must be <= ${max}${options.note ? ` (${options.note})` : ''}`;
  const decorators: Decorator[] = [
    ...presence(options),
    ...(options.fromString ? [Type(() => Number)] : []),
    options.fraction
      ? IsNumber({ allowNaN: false, allowInfinity: false }, { message: typeMessage })
      : IsInt({ message: typeMessage }),
    Min(min, { message: minMessage }),
    Max(max ?? Number.MAX_SAFE_INTEGER, {
      message:
        max === undefined ? `$property must be ${kind} ${within}, at most 2^53 - 1` : maxMessage,
    }),
  ];
  return document(stack(...decorators), {
    type: options.fraction ? 'number' : 'integer',
    minimum: min,
    maximum: max,
    ...docOf(options),
  });
}

/** One of `values`: `$property must be "fixed" or "exponential"`. */
export function OneOfField(
  values: readonly string[],
  options: FieldOptions = {},
): PropertyDecorator {
  const words = values.map((v) => JSON.stringify(v));
  const list = words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)}` : words[0];
  const message = `$property must be ${list}${options.nullable ? ' or null' : ''}`;
  return document(stack(...presence(options), IsIn(values, { message })), {
    type: 'string',
    enum: values,
    ...docOf(options),
  });
}

/** Options of {@link TextField}. */
export interface TextFieldOptions extends FieldOptions {
  /** Fewest and most characters. */
  length?: [number, number];
  /** No control characters (NUL, escape, newlines …). */
  printable?: boolean;
}

/** A string, of `length[0]`-`length[1]` characters when `length` is given. */
export function TextField(options: TextFieldOptions = {}): PropertyDecorator {
  const [min, max] = options.length ?? [];
  const checks: Decorator[] = [IsString({ message: '$property must be a string' })];
  if (min !== undefined && max !== undefined) {
    checks.push(Length(min, max, { message: `$property must be ${min}-${max} characters` }));
  }
  if (options.printable) {
    checks.push(
      Matches(/^[^\u0000-\u001f\u007f]*$/, {
        message: '$property must not contain control characters',
      }),
    );
  }
  return document(stack(...presence(options), ...checks), {
    type: 'string',
    minLength: min,
    maxLength: max,
    ...docOf(options),
  });
}

/** Any JSON object, checked no further (a job's data). */
export function ObjectField(options: FieldOptions = {}): PropertyDecorator {
  const message = `$property must be a JSON object like {"key":"value"}${options.nullable ? ' or null' : ''}`;
  return document(stack(...presence(options), IsObject({ message })), {
    type: 'object',
    ...docOf(options),
  });
}

/** A date and time in ISO 8601 (`2027-01-01T09:00:00Z`). */
export function DateTimeField(options: FieldOptions = {}): PropertyDecorator {
  const message = `$property must be a date and time in ISO 8601, like 2027-01-01T09:00:00Z${options.nullable ? ', or null' : ''}`;
  return document(stack(...presence(options), IsISO8601({ strict: true }, { message })), {
    type: 'string',
    format: 'date-time',
    ...docOf(options),
  });
}

/** A nested object of class `type`, validated field by field; `shape` names its fields in the message. */
export function NestedField(
  type: () => abstract new () => object,
  shape: string,
  options: FieldOptions = {},
): PropertyDecorator {
  const message = `$property must be an object ${shape}${options.nullable ? ' or null' : ''}`;
  return document(
    stack(
      ...presence(options),
      IsObject({ message }),
      ValidateNested(),
      Type(type as () => new () => object),
    ),
    { type: 'object', nested: type, ...docOf(options) },
  );
}

function docOf({ optional, nullable, description, example }: FieldOptions) {
  return {
    required: !optional,
    nullable: nullable !== undefined || undefined,
    description,
    example,
  };
}

function document(
  validate: PropertyDecorator,
  schema: Parameters<typeof recordFieldSchema>[2],
): PropertyDecorator {
  return (target, key) => {
    validate(target, key);
    recordFieldSchema(target, key as string, schema);
  };
}
