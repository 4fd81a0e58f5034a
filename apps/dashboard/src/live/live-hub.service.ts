import { Inject, Injectable, MessageEvent, OnModuleDestroy } from '@nestjs/common';
import { isRedisOutage, LOGGER, type DashboardRole } from '@jobq/queue-core';
import type { Logger } from 'pino';
import {
  catchError,
  EMPTY,
  exhaustMap,
  finalize,
  from,
  mergeMap,
  Observable,
  shareReplay,
  Subject,
  takeUntil,
  timer,
} from 'rxjs';
import type { LiveFrame } from './live-frame';

/** How often live pages get fresh fragments. */
export const LIVE_INTERVAL_MS = 2000;

/** A live feed: how to read its snapshot from Redis, and how to render it for a role. */
export interface LiveSource<S> {
  /** Identifies the feed (`overview`, `workers`, `queue:<name>`): one snapshot per key per tick. */
  key: string;
  read(): Promise<S>;
  render(snapshot: S, role: DashboardRole): LiveFrame[];
}

/**
 * The one SSE hub of a dashboard process. While a feed has at least one open page, its snapshot is
 * read once per {@link LIVE_INTERVAL_MS} and shared by every page following it — a hundred tabs
 * cost Redis what one costs — and rendered at most once per role per tick. A page that joins gets
 * the latest snapshot at once. With its last page gone, the feed stops reading. Nothing is kept
 * beyond the open connections, so dashboard processes run side by side.
 */
@Injectable()
export class LiveHub implements OnModuleDestroy {
  private readonly feeds = new Map<string, Observable<unknown>>();
  private readonly rendered = new WeakMap<object, Map<DashboardRole, MessageEvent[]>>();
  private readonly closing = new Subject<void>();
  private pages = 0;

  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  /** Pages connected right now, and feeds being read. */
  get stats(): { pages: number; feeds: number } {
    return { pages: this.pages, feeds: this.feeds.size };
  }

  /** The events a page of `role` following `source` receives. */
  follow<S extends object>(source: LiveSource<S>, role: DashboardRole): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) => {
      this.pages++;
      const inner = this.feed(source)
        .pipe(mergeMap((snapshot) => this.events(source, snapshot, role)))
        .subscribe(subscriber);
      return () => {
        this.pages--;
        inner.unsubscribe();
      };
    }).pipe(takeUntil(this.closing));
  }

  private feed<S extends object>(source: LiveSource<S>): Observable<S> {
    let feed = this.feeds.get(source.key) as Observable<S> | undefined;
    if (!feed) {
      feed = timer(0, LIVE_INTERVAL_MS).pipe(
        exhaustMap(() =>
          from(source.read()).pipe(
            catchError((err: Error) => {
              if (!isRedisOutage(err))
                this.logger.warn({ err: err.message, feed: source.key }, 'live update failed');
              return EMPTY;
            }),
          ),
        ),
        finalize(() => this.feeds.delete(source.key)),
        shareReplay({ bufferSize: 1, refCount: true }),
      );
      this.feeds.set(source.key, feed);
    }
    return feed;
  }

  private events<S extends object>(source: LiveSource<S>, snapshot: S, role: DashboardRole) {
    let byRole = this.rendered.get(snapshot);
    if (!byRole) {
      byRole = new Map();
      this.rendered.set(snapshot, byRole);
    }
    let events = byRole.get(role);
    if (!events) {
      events = source
        .render(snapshot, role)
        .map(({ event, html }) => ({ type: event, data: html }));
      byRole.set(role, events);
    }
    return from(events);
  }

  onModuleDestroy(): void {
    this.closing.next();
  }
}
