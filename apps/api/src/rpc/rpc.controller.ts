import { Body, Controller, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import {
  ApiBody,
  ApiGatewayTimeoutResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { RpcService } from '@jobq/queue-core';
import type { FastifyReply } from 'fastify';
import { JsonBodyGuard, requireBody, Requires } from '@jobq/http';
import { RpcQuery } from './rpc-query.dto';
import { rpcReply } from './rpc-reply';

/** Spread::Queue RPC: enqueue and wait for the result (SPEC §5). */
@ApiTags('rpc')
@Controller('rpc')
@UseGuards(JsonBodyGuard)
export class RpcController {
  constructor(private readonly rpc: RpcService) {}

  @Post(':queue/:name')
  @Requires('produce')
  @HttpCode(200)
  @ApiOperation({ summary: 'Run job :name on :queue with the JSON body and wait for its result' })
  @ApiBody({ schema: { type: 'object', example: { to: 'user@example.com' } } })
  @ApiOkResponse({ schema: { example: { id: '12', result: { ok: true } } } })
  @ApiUnprocessableEntityResponse({ schema: { example: { id: '12', error: 'mailbox full' } } })
  @ApiGatewayTimeoutResponse({ schema: { example: { id: '12', state: 'active' } } })
  async call(
    @Param('queue') queue: string,
    @Param('name') name: string,
    @Query() query: RpcQuery,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const { timeout = 5, ...options } = query;
    return rpcReply(
      reply,
      queue,
      await this.rpc.call(queue, requireBody(body), { ...options, name }, timeout),
    );
  }
}
