import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { CLIENT_ID_PATTERN } from '@jobq/queue-core';

const CLIENT_ID_RULE = `$property is required: 1-128 letters, digits, '.', '_', ':', '@' or '-' naming this client (match ${CLIENT_ID_PATTERN.source})`;

/** Query of a Tatsumaki stream (`GET /bus/:topic/stream`). */
export class StreamQueryDto {
  @ApiProperty({ example: 'browser-42', description: 'the client whose cursor the server keeps' })
  @Matches(CLIENT_ID_PATTERN, { message: CLIENT_ID_RULE })
  client_id!: string;
}
