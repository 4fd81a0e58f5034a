import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray } from 'class-validator';

/** Body of `POST /qb/:queue`. */
export class BatchEnqueueDto {
  @ApiProperty({
    description:
      'each item a payload object, or {name?, data, opts?: {delay, delayed, priority, attempts}}',
    example: [{ to: 'a@example.com' }, { name: 'echo', data: { n: 2 }, opts: { priority: 1 } }],
    type: 'array',
    items: { type: 'object' },
  })
  @IsArray({ message: 'jobs must be an array of payloads' })
  @ArrayNotEmpty({ message: 'jobs must not be empty' })
  @ArrayMaxSize(10_000, { message: 'jobs must hold at most 10000 items per batch' })
  jobs!: unknown[];
}
