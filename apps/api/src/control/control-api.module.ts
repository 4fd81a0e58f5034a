import { Module } from '@nestjs/common';
import { ControlController } from './control.controller';

/** presque `/control`. */
@Module({ controllers: [ControlController] })
export class ControlApiModule {}
