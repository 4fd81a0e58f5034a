import type { WorkerRecord } from '@jobq/queue-core';
import type { Viewer } from '@jobq/http';
import { EmptyState } from '../../components/empty-state';
import { ago, bytes, duration, num, percent, plural } from '../../components/format';
import { Layout, QueueLink } from '../../components/layout';
import { StateBadge } from '../../components/state-badge';
import type { LiveFrame } from '../../live/live-frame';
import { href, PATHS } from '../../routes';
import type { WorkersSnapshot } from './workers-snapshot';

/** The fleet (SPEC §4): every worker process and HTTP worker, lost ones flagged, with totals; live. */
export function WorkersPage({
  snapshot,
  viewer,
}: {
  snapshot: WorkersSnapshot;
  viewer: Viewer;
}): JSX.Element {
  return (
    <Layout title="Workers" viewer={viewer} active="workers" live={PATHS.liveWorkers}>
      <p id="fleet-totals" class="totals" sse-swap="fleet-totals">
        <FleetTotals snapshot={snapshot} />
      </p>
      <table id="workers" class="grid">
        <caption class="visually-hidden">Every worker seen in the last hour</caption>
        <thead>
          <tr>
            <th scope="col">worker</th>
            <th scope="col">status</th>
            <th scope="col">host · pid</th>
            <th scope="col">queues</th>
            <th scope="col" class="num">
              active / concurrency
            </th>
            <th scope="col">running</th>
            <th scope="col" class="num">
              utilization (1 min)
            </th>
            <th scope="col" class="num">
              processed
            </th>
            <th scope="col" class="num">
              failed
            </th>
            <th scope="col" class="num">
              RSS · heap
            </th>
            <th scope="col" class="num">
              uptime
            </th>
            <th scope="col">version</th>
            <th scope="col">last seen</th>
          </tr>
        </thead>
        <tbody sse-swap="workers">
          <WorkerRows snapshot={snapshot} />
        </tbody>
      </table>
    </Layout>
  );
}

/** Live, busy and lost workers now; totals that outlive workers. */
export function FleetTotals({ snapshot }: { snapshot: WorkersSnapshot }): JSX.Element {
  const by = (status: WorkerRecord['status']) =>
    snapshot.workers.filter((w) => w.status === status).length;
  const t = snapshot.totals;
  const text = [
    plural(snapshot.workers.length - by('lost'), 'live worker'),
    `${num(by('busy'))} busy`,
    `${num(by('lost'))} lost`,
    `${num(t.distinct_workers_ever)} distinct ever`,
    `${num(t.registrations)} registrations`,
    `${num(t.terminations)} terminations`,
    `${num(t.processed)} processed`,
    `${num(t.failed)} failed`,
  ].join(' · ');
  return <span safe>{text}</span>;
}

/** One row per worker (what each live update replaces). */
export function WorkerRows({ snapshot }: { snapshot: WorkersSnapshot }): JSX.Element {
  if (snapshot.workers.length === 0)
    return (
      <tr>
        <td colspan="13">
          <EmptyState>No workers in the last hour: start one with npm run start:worker.</EmptyState>
        </td>
      </tr>
    );
  return (
    <>
      {snapshot.workers.map((w) => (
        <WorkerRow worker={w} now={snapshot.at} />
      ))}
    </>
  );
}

function WorkerRow({ worker: w, now }: { worker: WorkerRecord; now: number }): JSX.Element {
  return (
    <tr data-worker={w.worker_id} class={w.status === 'lost' ? 'lost' : undefined}>
      <th scope="row">
        <span safe>{w.worker_id}</span> <span class="muted">{w.kind}</span>
      </th>
      <td>
        <StateBadge state={w.status} />
      </td>
      <td safe>{w.pid === null ? w.host : `${w.host} · ${w.pid}`}</td>
      <td>
        {w.queues.map((q) => (
          <>
            <QueueLink queue={q} />{' '}
          </>
        ))}
      </td>
      <td class="num" safe>{`${num(w.active)} / ${num(w.concurrency)}`}</td>
      <td>
        {w.current_jobs.length === 0 ? (
          <span class="muted">idle</span>
        ) : (
          w.current_jobs.map((id) => (
            <>
              <a
                href={
                  w.queues.length === 1
                    ? href(PATHS.job, { queue: w.queues[0], id })
                    : href(PATHS.lookup, {}, { id })
                }
                safe
              >
                {id}
              </a>{' '}
            </>
          ))
        )}
      </td>
      <td class="num">
        <meter
          min="0"
          max="1"
          value={String(w.utilization)}
          aria-label={`utilization of ${w.worker_id}`}
        ></meter>{' '}
        <span safe>{percent(w.utilization)}</span>
      </td>
      <td class="num" safe>
        {num(w.processed)}
      </td>
      <td class={w.failed > 0 ? 'num failed' : 'num'} safe>
        {num(w.failed)}
      </td>
      <td class="num" safe>
        {w.kind === 'http' ? '—' : `${bytes(w.rss_bytes)} · ${bytes(w.heap_bytes)}`}
      </td>
      <td class="num" safe>
        {duration(now - w.started_at)}
      </td>
      <td safe>{w.version}</td>
      <td safe>{ago(w.last_seen, now)}</td>
    </tr>
  );
}

/** The workers page's live fragments (the same for every role: it has no actions). */
export function workersFrames(snapshot: WorkersSnapshot): LiveFrame[] {
  return [
    { event: 'fleet-totals', html: (<FleetTotals snapshot={snapshot} />) as string },
    { event: 'workers', html: (<WorkerRows snapshot={snapshot} />) as string },
  ];
}
