import { Module } from '@nestjs/common';
import { BoardService } from './board.service';

/** bull-board, mounted at `/board`, over every queue in the registry. */
@Module({ providers: [BoardService] })
export class BoardModule {}
