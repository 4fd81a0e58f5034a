import type { AuditPage } from '@jobq/queue-core';
import type { Viewer } from '@jobq/http';
import { EmptyState } from '../../components/empty-state';
import { pretty, time } from '../../components/format';
import { Layout } from '../../components/layout';
import { href, PATHS } from '../../routes';

/** The audit trail, newest first, a page at a time (older pages by cursor). */
export function AuditTrailPage({
  page,
  viewer,
  first,
}: {
  page: AuditPage;
  viewer: Viewer;
  first: boolean;
}): JSX.Element {
  return (
    <Layout title="Audit trail" viewer={viewer} active="audit">
      {page.entries.length === 0 ? (
        <EmptyState>Nothing recorded yet.</EmptyState>
      ) : (
        <table id="audit" class="grid">
          <caption class="visually-hidden">Actions, newest first</caption>
          <thead>
            <tr>
              <th scope="col">when</th>
              <th scope="col">who</th>
              <th scope="col">action</th>
              <th scope="col">on</th>
              <th scope="col">via · from</th>
              <th scope="col">details</th>
            </tr>
          </thead>
          <tbody>
            {page.entries.map((e) => (
              <tr>
                <td safe>{time(e.at)}</td>
                <td safe>{`${e.actor.name} (${e.actor.kind}, ${e.actor.role})`}</td>
                <td>{e.action}</td>
                <td safe>{[e.queue ?? e.topic, e.id].filter(Boolean).join(' / ')}</td>
                <td safe>{`${e.via} · ${e.from}`}</td>
                <td>
                  {e.before !== undefined || e.after !== undefined || e.details !== undefined ? (
                    <details>
                      <summary>show</summary>
                      <pre class="code" safe>
                        {pretty({ before: e.before, after: e.after, details: e.details })}
                      </pre>
                    </details>
                  ) : (
                    ''
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav class="pager" aria-label="Pages">
        {first ? '' : <a href={PATHS.audit}>Newest</a>}
        {page.next ? (
          <a href={href(PATHS.audit, {}, { before: page.next })} rel="next">
            Older entries
          </a>
        ) : (
          ''
        )}
      </nav>
    </Layout>
  );
}
