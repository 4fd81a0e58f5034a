import { Inject, Injectable, MessageEvent, OnModuleDestroy } from '@nestjs/common';
import { LOGGER, QueueStatsService } from '@jobq/queue-core';
import type { Logger } from 'pino';
import {
  catchError,
  EMPTY,
  exhaustMap,
  from,
  map,
  Observable,
  share,
  Subject,
  takeUntil,
  timer,
} from 'rxjs';
import { overviewRows, overviewSummary } from '../pages/overview.page';

/** How often the overview is pushed to open pages. */
export const LIVE_INTERVAL_MS = 2000;

/**
 * The overview's live feed: while at least one page is open, reads the overview every
 * {@link LIVE_INTERVAL_MS} and pushes the rendered rows to every open page — one Redis read per
 * tick for this process, however many pages watch. Ends every feed when the app shuts down.
 */
@Injectable()
export class OverviewLiveService implements OnModuleDestroy {
  private readonly closing = new Subject<void>();

  readonly updates: Observable<MessageEvent> = timer(0, LIVE_INTERVAL_MS).pipe(
    exhaustMap(() =>
      from(this.stats.overview()).pipe(
        catchError((err: Error) => {
          this.logger.warn({ err: err.message }, 'overview update failed');
          return EMPTY;
        }),
      ),
    ),
    map((overview) => ({
      data: { rows: overviewRows(overview).value, summary: overviewSummary(overview).value },
    })),
    takeUntil(this.closing),
    share(),
  );

  constructor(
    private readonly stats: QueueStatsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleDestroy(): void {
    this.closing.next();
  }
}
