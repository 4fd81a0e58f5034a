import { can, type ScheduleView } from '@jobq/queue-core';
import type { Viewer } from '@jobq/http';
import { Fact } from '../../components/fact';
import { num, plural, time } from '../../components/format';
import { Layout, QueueLink } from '../../components/layout';
import { href, PATHS } from '../../routes';
import { newScheduleValues, scheduleValues } from './schedule-form';
import { ScheduleForm } from './schedule-form.view';
import { ScheduleBadges, SchedulesTable } from './schedules-table.view';

/** The schedules table, reloaded (by `jobq:schedules`) after an action changes one. */
export function SchedulesPanel({
  schedules,
  viewer,
  queue,
  id,
}: {
  schedules: ScheduleView[];
  viewer: Viewer;
  /** Only this queue's (on its page). */
  queue?: string;
  /** Only this schedule (on its page). */
  id?: string;
}): JSX.Element {
  return (
    <div
      id="schedules-panel"
      hx-trigger="jobq:schedules from:body"
      hx-get={href(PATHS.scheduleTable, {}, { queue, id })}
      hx-swap="innerHTML"
    >
      <SchedulesTable schedules={schedules} role={viewer.role} showQueue={queue === undefined} />
    </div>
  );
}

/** Every schedule of every queue; admins add one from here. */
export function SchedulesPage({
  schedules,
  viewer,
}: {
  schedules: ScheduleView[];
  viewer: Viewer;
}): JSX.Element {
  return (
    <Layout title="Schedules" viewer={viewer} active="schedules">
      <p class="summary" safe>
        {`${plural(schedules.length, 'schedule')} · ${num(schedules.filter((s) => s.paused).length)} paused`}
      </p>
      <SchedulesPanel schedules={schedules} viewer={viewer} />
      {can(viewer.role, 'administer') ? <ScheduleForm values={newScheduleValues()} /> : ''}
    </Layout>
  );
}

/** One schedule: what it does, when it runs next, its last job; its actions; its form for admins. */
export function SchedulePage({
  schedule: s,
  viewer,
}: {
  schedule: ScheduleView;
  viewer: Viewer;
}): JSX.Element {
  return (
    <Layout title={`Schedule ${s.queue}/${s.id}`} viewer={viewer} active="schedules">
      <p>
        <ScheduleBadges schedule={s} />
      </p>
      <dl class="facts">
        <div>
          <dt>queue</dt>
          <dd>
            <QueueLink queue={s.queue} />
          </dd>
        </div>
        <Fact term="runs" value={s.description} />
        <Fact term="job" value={s.name} />
        <Fact term="next run" value={s.paused ? 'paused' : time(s.next_run_at)} />
        <Fact term="produced" value={num(s.produced)} />
        <Fact
          term="last job"
          value={s.last_job ? `${s.last_job.id} (${s.last_job.state})` : 'none yet'}
        />
        <Fact term="starts" value={s.start_at ? time(s.start_at) : 'at once'} />
        <Fact term="ends" value={s.end_at ? time(s.end_at) : 'never'} />
        <Fact term="at most" value={s.limit === null ? 'no limit' : `${num(s.limit)} jobs`} />
        <Fact term="saved" value={time(s.updated_at)} />
      </dl>
      <SchedulesPanel schedules={[s]} viewer={viewer} queue={s.queue} id={s.id} />
      {can(viewer.role, 'administer') ? <ScheduleForm values={scheduleValues(s)} existing /> : ''}
    </Layout>
  );
}

/** The form of a new schedule on `queue` (the queue page's "Add a schedule"). */
export function NewSchedulePage({
  queue,
  viewer,
}: {
  queue?: string;
  viewer: Viewer;
}): JSX.Element {
  return (
    <Layout title="Add a schedule" viewer={viewer} active="schedules">
      <ScheduleForm values={newScheduleValues(queue)} />
    </Layout>
  );
}
