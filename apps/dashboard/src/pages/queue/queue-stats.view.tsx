import { LISTED_STATES, type DashboardRole } from '@jobq/queue-core';
import { ActionButton } from '../../components/action-button';
import { Fact } from '../../components/fact';
import { Chart, type ChartSpec } from '../../components/chart';
import { duration, num, time } from '../../components/format';
import { StateBadge } from '../../components/state-badge';
import type { LiveFrame } from '../../live/live-frame';
import { href, PATHS } from '../../routes';
import type { QueueSnapshot } from './queue-snapshot';

/** The queue's state with pause/resume (operators) and purge (admins). */
export function QueueControls({
  snapshot,
  role,
}: {
  snapshot: QueueSnapshot;
  role: DashboardRole;
}): JSX.Element {
  const queue = snapshot.status.queue;
  const open = snapshot.policy.state === 'open';
  return (
    <>
      <StateBadge state={snapshot.policy.state} />{' '}
      <ActionButton
        role={role}
        needs="operate"
        url={href(open ? PATHS.queuePause : PATHS.queueResume, { queue })}
        label={open ? 'Pause' : 'Resume'}
      />{' '}
      <ActionButton
        role={role}
        needs="administer"
        url={href(PATHS.queuePurge, { queue })}
        label="Purge queue"
        danger
        confirm={`Delete queue ${queue} with all its jobs, counters and policy?`}
      />
    </>
  );
}

/** Counts by state (each a tab of the job list) and the queue's totals. */
export function QueueStats({ snapshot }: { snapshot: QueueSnapshot }): JSX.Element {
  const s = snapshot.status;
  const queue = s.queue;
  return (
    <>
      <nav class="tabs" aria-label="Jobs by state">
        {LISTED_STATES.map((st) => (
          <a
            href={href(PATHS.queue, { queue }, { state: st })}
            hx-get={href(PATHS.queueJobs, { queue }, { state: st })}
            hx-target="#jobs"
            hx-swap="outerHTML"
            hx-push-url={href(PATHS.queue, { queue }, { state: st })}
            data-state={st}
          >
            <span>{st}</span>{' '}
            <span class="count" safe>
              {num(s.counts[st])}
            </span>
          </a>
        ))}
      </nav>
      <dl class="facts">
        <Fact term="processed" value={num(s.processed)} />
        <Fact term="failed for good" value={num(s.failed)} />
        <Fact term="enqueued" value={num(s.enqueued)} />
        <Fact term="workers now" value={num(s.current_workers)} />
        <Fact term="distinct workers ever" value={num(s.distinct_workers_ever)} />
        <Fact
          term="wait p50 / p95"
          value={`${duration(s.wait_ms.p50)} / ${duration(s.wait_ms.p95)}`}
        />
        <Fact
          term="run p50 / p95"
          value={`${duration(s.run_ms.p50)} / ${duration(s.run_ms.p95)}`}
        />
        <Fact term="first seen" value={time(s.first_seen)} />
      </dl>
    </>
  );
}

/** Throughput per minute over the last hour, and the spread of wait and run times. */
export function QueueCharts({ snapshot }: { snapshot: QueueSnapshot }): JSX.Element {
  const { completed, failed } = snapshot.status.per_minute;
  const minutes = Math.max(completed.length, failed.length, CHART_MINUTES);
  const nowMinute = Math.floor(snapshot.at / 60_000) * 60;
  const xs = Array.from({ length: minutes }, (_, i) => nowMinute - (minutes - 1 - i) * 60);
  const oldestFirst = (series: number[]) =>
    Array.from({ length: minutes }, (_, i) => series[minutes - 1 - i] ?? 0);
  const throughput: ChartSpec = {
    x: 'time',
    xs,
    unit: 'jobs/min',
    series: [
      { label: 'completed', values: oldestFirst(completed), tone: 'ok' },
      { label: 'failed', values: oldestFirst(failed), tone: 'bad' },
    ],
  };
  const bounds = [
    ...new Set([...snapshot.timings.wait, ...snapshot.timings.run].map(([ms]) => ms)),
  ].sort((a, b) => a - b);
  const at = (pairs: [number, number][]) => {
    const byBound = new Map(pairs);
    return bounds.map((b) => byBound.get(b) ?? 0);
  };
  const spread: ChartSpec = {
    x: 'log',
    xs: bounds,
    unit: 'jobs',
    series: [
      { label: 'wait', values: at(snapshot.timings.wait), tone: 'info' },
      { label: 'run', values: at(snapshot.timings.run), tone: 'ok' },
    ],
  };
  const s = snapshot.status;
  return (
    <div class="charts">
      <Chart
        title="Completed and failed per minute, last hour"
        spec={throughput}
        summary={`This minute: ${num(completed[0] ?? 0)} completed, ${num(failed[0] ?? 0)} failed; last hour: ${num(sum(completed))} completed, ${num(sum(failed))} failed.`}
      />
      <Chart
        title="Wait (enqueue → start) and run times"
        spec={spread}
        summary={`Wait p50 ${duration(s.wait_ms.p50)}, p95 ${duration(s.wait_ms.p95)}; run p50 ${duration(s.run_ms.p50)}, p95 ${duration(s.run_ms.p95)}.`}
      />
    </div>
  );
}

const sum = (xs: number[]) => xs.reduce((n, x) => n + x, 0);

/** Minutes the throughput chart always spans (the last hour, as `/status` reads it). */
const CHART_MINUTES = 60;

/** The queue page's live fragments for `role` (the job list is not live: it pages). */
export function queueFrames(snapshot: QueueSnapshot, role: DashboardRole): LiveFrame[] {
  return [
    { event: 'controls', html: (<QueueControls snapshot={snapshot} role={role} />) as string },
    { event: 'stats', html: (<QueueStats snapshot={snapshot} />) as string },
    { event: 'charts', html: (<QueueCharts snapshot={snapshot} />) as string },
  ];
}
