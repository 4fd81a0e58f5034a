import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString } from 'class-validator';

/** Body of `POST /q/:queue/jobs/:id/complete`. */
export class CompleteLeaseDto {
  @ApiProperty({ description: 'the X-Lease-Token the job came with' })
  @IsString({ message: '$property must be the X-Lease-Token the job came with' })
  @IsNotEmpty({ message: '$property must be the X-Lease-Token the job came with' })
  token!: string;

  @ApiPropertyOptional({ description: 'any JSON value; becomes the job result' })
  @IsOptional()
  result?: unknown;
}
