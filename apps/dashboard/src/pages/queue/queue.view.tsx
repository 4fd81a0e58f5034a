import { type JobPage, type ScheduleView, can } from '@jobq/queue-core';
import type { Viewer } from '@jobq/http';
import { Layout } from '../../components/layout';
import { href, PATHS } from '../../routes';
import { SchedulesPanel } from '../schedules/schedules.view';
import { EnqueueForm } from './enqueue-form.view';
import { JobsTable } from './jobs-table.view';
import { PolicyPanel } from './policy-form.view';
import type { QueueSnapshot } from './queue-snapshot';
import { QueueCharts, QueueControls, QueueStats } from './queue-stats.view';

/** A queue's page: state and controls, counts, charts, jobs by state, schedules, enqueue, policy. */
export function QueuePage({
  snapshot,
  jobs,
  cursor,
  schedules,
  viewer,
}: {
  snapshot: QueueSnapshot;
  jobs: JobPage;
  cursor?: string;
  schedules: ScheduleView[];
  viewer: Viewer;
}): JSX.Element {
  const queue = snapshot.status.queue;
  return (
    <Layout
      title={`Queue ${queue}`}
      viewer={viewer}
      active="overview"
      live={href(PATHS.liveQueue, { queue })}
    >
      <div class="controls" sse-swap="controls">
        <QueueControls snapshot={snapshot} role={viewer.role} />
      </div>
      <div class="stats" sse-swap="stats">
        <QueueStats snapshot={snapshot} />
      </div>
      <div sse-swap="charts">
        <QueueCharts snapshot={snapshot} />
      </div>
      <JobsTable page={jobs} role={viewer.role} cursor={cursor} />
      <section aria-labelledby="schedules-title">
        <h2 id="schedules-title">Schedules</h2>
        <SchedulesPanel schedules={schedules} viewer={viewer} queue={queue} />
        {can(viewer.role, 'administer') ? (
          <p>
            <a href={href(PATHS.scheduleNew, {}, { queue })}>Add a schedule</a>
          </p>
        ) : (
          ''
        )}
      </section>
      <div class="side-by-side">
        {can(viewer.role, 'produce') ? (
          <EnqueueForm queue={queue} maxBytes={snapshot.policy.max_payload_bytes} />
        ) : (
          ''
        )}
        <PolicyPanel queue={queue} policy={snapshot.policy} role={viewer.role} />
      </div>
    </Layout>
  );
}
