import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import type { LeaseFailure } from '@jobq/queue-core';

/** Body of `POST /q/:queue/jobs/:id/fail`. */
export class FailLeaseDto implements LeaseFailure {
  @ApiProperty({ description: 'the X-Lease-Token the job came with' })
  @IsString({ message: '$property must be the X-Lease-Token the job came with' })
  @IsNotEmpty({ message: '$property must be the X-Lease-Token the job came with' })
  token!: string;

  @ApiProperty({ example: 'SMTP timeout', description: 'why the attempt failed' })
  @IsString({ message: '$property must be a string saying why the attempt failed' })
  @IsNotEmpty({ message: '$property must say why the attempt failed' })
  @MaxLength(10_000, { message: '$property must be at most 10000 characters' })
  error!: string;

  @ApiPropertyOptional({ description: "the worker's stack trace" })
  @IsOptional()
  @IsString({ message: '$property must be a string' })
  @MaxLength(100_000, { message: '$property must be at most 100000 characters' })
  stacktrace?: string;

  @ApiPropertyOptional({ description: 'true: fail for good, skipping the remaining attempts' })
  @IsOptional()
  @IsBoolean({ message: '$property must be true or false' })
  unrecoverable?: boolean;
}
