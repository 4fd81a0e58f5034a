import { Module } from '@nestjs/common';
import { PolicyController } from './policy.controller';

/** `GET/PUT /policy/:queue`. */
@Module({ controllers: [PolicyController] })
export class PolicyApiModule {}
