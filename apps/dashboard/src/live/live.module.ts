import { Module } from '@nestjs/common';
import { LiveHub } from './live-hub.service';

/** The one SSE hub of a dashboard process. */
@Module({ providers: [LiveHub], exports: [LiveHub] })
export class LiveModule {}
