import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

/** Body of presque `POST /control/:queue`. */
export class ControlStatusDto {
  @ApiProperty({ enum: ['stop', 'start'] })
  @IsIn(['stop', 'start'], { message: 'status must be "stop" or "start"' })
  status!: 'stop' | 'start';
}
