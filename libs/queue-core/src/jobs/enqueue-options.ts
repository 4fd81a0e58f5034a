import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

/**
 * Options of one enqueue (query string of `POST /q/:queue`, `opts` of a batch item). Each one
 * given wins over the queue policy.
 */
export class EnqueueOptions {
  /** Job (handler) name. @defaultValue `default` */
  @ApiPropertyOptional({ example: 'echo', description: 'job (handler) name; default "default"' })
  @IsOptional()
  @IsString({ message: '$property must be a string' })
  name?: string;

  /** presque: do not run before this time, in epoch seconds. */
  @ApiPropertyOptional({ example: 1767225600, description: 'not before this epoch second' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '$property must be a time in epoch seconds' })
  @Min(0, { message: '$property must be >= 0' })
  delayed?: number;

  /** Do not run before this many ms from now. */
  @ApiPropertyOptional({ example: 5000, description: 'not before this many ms from now' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '$property must be an integer number of milliseconds' })
  @Min(0, { message: '$property must be >= 0' })
  @Max(31_536_000_000, { message: '$property must be <= 31536000000 (one year)' })
  delay?: number;

  /** 1 (highest) … 2097152; 0: none (FIFO). */
  @ApiPropertyOptional({ example: 1, description: '1 (highest) … 2097152; 0 = none' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '$property must be an integer' })
  @Min(0, { message: '$property must be >= 0' })
  @Max(2_097_152, { message: '$property must be <= 2097152' })
  priority?: number;

  /** Attempts, the first included. */
  @ApiPropertyOptional({ example: 5 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '$property must be an integer' })
  @Min(1, { message: '$property must be >= 1' })
  @Max(1000, { message: '$property must be <= 1000' })
  attempts?: number;

  /** Deduplication key: while a job with this key is unfinished, another is refused (409). */
  @ApiPropertyOptional({
    example: 'user-42-welcome',
    description: 'refuse a duplicate (409) while unfinished',
  })
  @IsOptional()
  @IsString({ message: '$property must be a string' })
  @Length(1, 256, { message: '$property must be 1-256 characters' })
  uniq?: string;
}
