import { Module } from '@nestjs/common';
import { RpcModule } from '@jobq/queue-core';
import { RpcController } from './rpc.controller';

/** `/rpc`. */
@Module({ imports: [RpcModule], controllers: [RpcController] })
export class RpcApiModule {}
