import {
  OVERVIEW_MINUTES,
  type QueueOverview,
  type QueueSummary,
  type DashboardRole,
} from '@jobq/queue-core';
import type { Viewer } from '@jobq/http';
import { ActionButton } from '../../components/action-button';
import { EmptyState } from '../../components/empty-state';
import { num, plural, time } from '../../components/format';
import { Layout, QueueLink } from '../../components/layout';
import { policySummary } from '../../components/policy-summary';
import { Sparkline } from '../../components/sparkline';
import { StateBadge } from '../../components/state-badge';
import type { LiveFrame } from '../../live/live-frame';
import { href, PATHS } from '../../routes';

/** The overview: every queue with its state, counts, throughput, workers and policy; live. */
export function OverviewPage({
  overview,
  viewer,
  filter,
}: {
  overview: QueueOverview;
  viewer: Viewer;
  filter: string;
}): JSX.Element {
  return (
    <Layout title="Queues" viewer={viewer} active="overview" live={PATHS.liveOverview}>
      <p id="totals" class="totals" sse-swap="totals">
        <OverviewTotals overview={overview} />
      </p>
      <div class="toolbar">
        <label for="filter">Filter by name</label>
        <input
          id="filter"
          type="search"
          value={filter}
          autocomplete="off"
          placeholder="press / to filter"
          data-filter="#queues tbody tr[data-queue]"
        />
      </div>
      <table id="queues" class="grid">
        <caption class="visually-hidden">Every queue</caption>
        <thead>
          <tr>
            <th scope="col">queue</th>
            <th scope="col">state</th>
            <th scope="col" class="num">
              waiting
            </th>
            <th scope="col" class="num">
              active
            </th>
            <th scope="col" class="num">
              delayed
            </th>
            <th scope="col" class="num">
              completed
            </th>
            <th scope="col" class="num">
              failed
            </th>
            <th scope="col">{`completed/min, ${OVERVIEW_MINUTES} min`}</th>
            <th scope="col" class="num">
              workers
            </th>
            <th scope="col">policy</th>
            <th scope="col">
              <span class="visually-hidden">actions</span>
            </th>
          </tr>
        </thead>
        <tbody sse-swap="queues">
          <OverviewRows overview={overview} role={viewer.role} />
        </tbody>
      </table>
    </Layout>
  );
}

/** The line above the table: queues, jobs by state, live workers, when it was read. */
export function OverviewTotals({ overview }: { overview: QueueOverview }): JSX.Element {
  const sum = (pick: (q: QueueSummary) => number) =>
    overview.queues.reduce((n, q) => n + pick(q), 0);
  const text = [
    plural(overview.queues.length, 'queue'),
    `${num(sum((q) => q.counts.waiting + q.counts.prioritized))} waiting`,
    `${num(sum((q) => q.counts.active))} active`,
    `${num(sum((q) => q.counts.delayed))} delayed`,
    `${num(sum((q) => q.counts.failed))} failed`,
    `${num(sum((q) => q.completed_per_minute[0] ?? 0))} completed this minute`,
    plural(overview.workers, 'live worker'),
  ].join(' · ');
  return (
    <>
      <span safe>{text}</span>{' '}
      <span class="muted" safe>{`as of ${time(overview.generated_at)}`}</span>
    </>
  );
}

/** One row per queue (what each live update replaces). */
export function OverviewRows({
  overview,
  role,
}: {
  overview: QueueOverview;
  role: DashboardRole;
}): JSX.Element {
  if (overview.queues.length === 0)
    return (
      <tr>
        <td colspan="11">
          <EmptyState>No queues yet: enqueue a job or set a policy through the API.</EmptyState>
        </td>
      </tr>
    );
  return (
    <>
      {overview.queues.map((q) => (
        <QueueRow queue={q} role={role} />
      ))}
    </>
  );
}

function QueueRow({ queue: q, role }: { queue: QueueSummary; role: DashboardRole }): JSX.Element {
  const c = q.counts;
  const perMinute = q.completed_per_minute[0] ?? 0;
  return (
    <tr data-queue={q.queue}>
      <th scope="row">
        <QueueLink queue={q.queue} />
      </th>
      <td>
        <StateBadge state={q.state} />
      </td>
      <td class="num" safe>
        {num(c.waiting + c.prioritized)}
      </td>
      <td class="num" safe>
        {num(c.active)}
      </td>
      <td class="num" safe>
        {num(c.delayed)}
      </td>
      <td class="num" safe>
        {num(c.completed)}
      </td>
      <td class={c.failed > 0 ? 'num failed' : 'num'} safe>
        {num(c.failed)}
      </td>
      <td>
        <Sparkline series={q.completed_per_minute} label={`${q.queue}: completed per minute`} />{' '}
        <span class="muted" safe>{`${num(perMinute)}/min`}</span>
      </td>
      <td class="num" safe>
        {num(q.workers)}
      </td>
      <td class="muted" safe>
        {policySummary(q.policy)}
      </td>
      <td>
        {q.state === 'open' ? (
          <ActionButton
            role={role}
            needs="operate"
            url={href(PATHS.queuePause, { queue: q.queue })}
            label="Pause"
            ariaLabel={`Pause ${q.queue}`}
          />
        ) : (
          <ActionButton
            role={role}
            needs="operate"
            url={href(PATHS.queueResume, { queue: q.queue })}
            label="Resume"
            ariaLabel={`Resume ${q.queue}`}
          />
        )}
      </td>
    </tr>
  );
}

/** The overview's live fragments for `role`. */
export function overviewFrames(overview: QueueOverview, role: DashboardRole): LiveFrame[] {
  return [
    { event: 'totals', html: (<OverviewTotals overview={overview} />) as string },
    { event: 'queues', html: (<OverviewRows overview={overview} role={role} />) as string },
  ];
}
