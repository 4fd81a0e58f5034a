import type { Viewer } from '@jobq/http';
import { EmptyState } from '../../components/empty-state';
import { Layout } from '../../components/layout';
import { href, PATHS } from '../../routes';

/** What a look-up found. */
export type LookupResult =
  | { kind: 'none' }
  | { kind: 'missing'; id: string; queue?: string; searched: number }
  | { kind: 'many'; id: string; queues: string[] };

/** Find a job by id across every queue, or in one queue. */
export function LookupPage({
  viewer,
  id,
  queue,
  queues,
  result,
}: {
  viewer: Viewer;
  id: string;
  queue: string;
  queues: string[];
  result: LookupResult;
}): JSX.Element {
  return (
    <Layout title="Find a job" viewer={viewer} active="none">
      <form class="lookup" method="get" action={PATHS.lookup}>
        <div class="field">
          <label for="lookup-id">Job id</label>
          <input id="lookup-id" name="id" type="search" value={id} autocomplete="off" required />
        </div>
        <div class="field">
          <label for="lookup-queue">Queue</label>
          <select id="lookup-queue" name="queue">
            <option value="" selected={queue === ''}>
              every queue
            </option>
            {queues.map((q) => (
              <option value={q} selected={q === queue} safe>
                {q}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Find</button>
      </form>
      <Result result={result} />
    </Layout>
  );
}

function Result({ result }: { result: LookupResult }): JSX.Element {
  if (result.kind === 'none') return '';
  if (result.kind === 'missing')
    return (
      <EmptyState>
        <span safe>
          {result.queue
            ? `No job ${result.id} in queue ${result.queue}.`
            : `No job ${result.id} in any of the ${result.searched} queues.`}
        </span>
      </EmptyState>
    );
  return (
    <section aria-labelledby="found-title">
      <h2 id="found-title" safe>{`Job ${result.id} is in ${result.queues.length} queues`}</h2>
      <ul>
        {result.queues.map((q) => (
          <li>
            <a href={href(PATHS.job, { queue: q, id: result.id })} safe>{`${q} / ${result.id}`}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
