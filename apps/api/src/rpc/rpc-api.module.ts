import { Module } from '@nestjs/common';
import { JobsModule } from '@jobq/queue-core';
import { RpcController } from './rpc.controller';

/** `/rpc`. */
@Module({ imports: [JobsModule], controllers: [RpcController] })
export class RpcApiModule {}
