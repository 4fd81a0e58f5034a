import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

const FLAGS: Record<string, boolean> = { '1': true, true: true, '0': false, false: false };

/** An optional query-string switch: `1`/`true` or `0`/`false`. */
export function QueryFlag(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ enum: ['1', '0'], description }),
    IsOptional(),
    Transform(({ value }) => (typeof value === 'string' ? (FLAGS[value] ?? value) : value)),
    IsBoolean({ message: '$property must be 1 or 0' }),
  );
}
