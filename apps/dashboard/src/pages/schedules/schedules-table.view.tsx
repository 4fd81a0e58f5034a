import { can, type ScheduleView, type DashboardRole } from '@jobq/queue-core';
import { ActionButton } from '../../components/action-button';
import { EmptyState } from '../../components/empty-state';
import { num, time } from '../../components/format';
import { QueueLink } from '../../components/layout';
import { StateBadge } from '../../components/state-badge';
import { href, PATHS } from '../../routes';

/** Schedules as a table: when each runs, its next run, its last job and state, what it produced, and its actions. */
export function SchedulesTable({
  schedules,
  role,
  showQueue = true,
}: {
  schedules: ScheduleView[];
  role: DashboardRole;
  showQueue?: boolean;
}): JSX.Element {
  if (schedules.length === 0) {
    return (
      <EmptyState>
        <span safe>
          {`No schedules yet: ${can(role, 'administer') ? 'add one below, or ' : ''}PUT /schedules/<queue>/<id> on the API, or declare one with @JobHandler({ schedule }).`}
        </span>
      </EmptyState>
    );
  }
  return (
    <table id="schedules" class="grid">
      <caption class="visually-hidden">Schedules</caption>
      <thead>
        <tr>
          {showQueue ? <th scope="col">queue</th> : ''}
          <th scope="col">schedule</th>
          <th scope="col">runs</th>
          <th scope="col">next run</th>
          <th scope="col">last job</th>
          <th scope="col" class="num">
            produced
          </th>
          <th scope="col">
            <span class="visually-hidden">actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {schedules.map((s) => (
          <ScheduleRow schedule={s} role={role} showQueue={showQueue} />
        ))}
      </tbody>
    </table>
  );
}

function ScheduleRow({
  schedule: s,
  role,
  showQueue,
}: {
  schedule: ScheduleView;
  role: DashboardRole;
  showQueue: boolean;
}): JSX.Element {
  const params = { queue: s.queue, id: s.id };
  const label = `${s.queue}/${s.id}`;
  return (
    <tr data-schedule={label}>
      {showQueue ? (
        <td>
          <QueueLink queue={s.queue} />
        </td>
      ) : (
        ''
      )}
      <th scope="row">
        <a href={href(PATHS.schedule, params)} safe>
          {s.id}
        </a>{' '}
        <ScheduleBadges schedule={s} />
      </th>
      <td>
        <span safe>{s.description}</span> <span class="muted" safe>{`→ ${s.name}`}</span>
      </td>
      <td safe>{s.paused ? 'paused' : time(s.next_run_at)}</td>
      <td>
        {s.last_job ? (
          <>
            <a href={href(PATHS.job, { queue: s.queue, id: s.last_job.id })} safe>
              {s.last_job.id}
            </a>{' '}
            <StateBadge state={s.last_job.state} />
          </>
        ) : (
          <span class="muted">none yet</span>
        )}
      </td>
      <td class="num" safe>
        {num(s.produced)}
      </td>
      <td class="actions">
        <ActionButton
          role={role}
          needs="operate"
          url={href(PATHS.scheduleRun, params)}
          label="Run now"
          ariaLabel={`Run ${label} now`}
        />
        <ActionButton
          role={role}
          needs="administer"
          url={href(s.paused ? PATHS.scheduleResume : PATHS.schedulePause, params)}
          label={s.paused ? 'Resume' : 'Pause'}
          ariaLabel={`${s.paused ? 'Resume' : 'Pause'} ${label}`}
        />
        <ActionButton
          role={role}
          needs="administer"
          url={href(PATHS.scheduleDelete, params)}
          label="Delete"
          ariaLabel={`Delete ${label}`}
          confirm={`Delete schedule ${label}? No more jobs will be produced.`}
          danger
        />
      </td>
    </tr>
  );
}

/** Paused, declared in code, no longer declared in code. */
export function ScheduleBadges({ schedule: s }: { schedule: ScheduleView }): JSX.Element {
  const code = s.declared_in_code;
  return (
    <>
      {s.paused ? <span class="badge badge-stopped">paused</span> : ''}
      {code && code.missing_since === null ? (
        <span class="badge" title={`declared in the code of ${code.app}`} safe>
          {`in code: ${code.app}`}
        </span>
      ) : (
        ''
      )}
      {code && code.missing_since !== null ? (
        <span
          class="badge badge-failed"
          title={`${code.app} booted on ${time(code.missing_since)} without declaring it; it keeps producing until deleted`}
          safe
        >
          {`no longer in ${code.app}'s code`}
        </span>
      ) : (
        ''
      )}
    </>
  );
}
