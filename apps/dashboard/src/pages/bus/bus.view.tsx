import type { BusMessage, TopicInfo, TopicSettings } from '@jobq/queue-core';
import type { Viewer } from '@jobq/http';
import { EmptyState } from '../../components/empty-state';
import { Fact } from '../../components/fact';
import { num, pretty, time } from '../../components/format';
import { Layout } from '../../components/layout';
import { href, PATHS } from '../../routes';

const retention = (s: TopicSettings) =>
  [
    s.max_len === null ? 'any number' : `at most ${num(s.max_len)}`,
    s.max_age_s === null ? 'forever' : `for ${num(s.max_age_s)} s`,
  ].join(', ');

/** Every topic of the bus: size, newest message, retention, poll and stream clients. */
export function BusPage({ topics, viewer }: { topics: TopicInfo[]; viewer: Viewer }): JSX.Element {
  return (
    <Layout title="Bus" viewer={viewer} active="bus">
      {topics.length === 0 ? (
        <EmptyState>No topics yet: publish with POST /bus/&lt;topic&gt; on the API.</EmptyState>
      ) : (
        <table id="topics" class="grid">
          <caption class="visually-hidden">Every topic</caption>
          <thead>
            <tr>
              <th scope="col">topic</th>
              <th scope="col" class="num">
                messages
              </th>
              <th scope="col">last message</th>
              <th scope="col">kept</th>
              <th scope="col" class="num">
                backlog
              </th>
              <th scope="col" class="num">
                poll / stream clients (5 min)
              </th>
            </tr>
          </thead>
          <tbody>
            {topics.map((t) => (
              <tr data-topic={t.name}>
                <th scope="row">
                  <a href={href(PATHS.topic, { topic: t.name })} safe>
                    {t.name}
                  </a>
                </th>
                <td class="num" safe>
                  {num(t.messages)}
                </td>
                <td safe>{time(t.last_published_at)}</td>
                <td safe>{retention(t.settings)}</td>
                <td class="num" safe>
                  {num(t.settings.backlog)}
                </td>
                <td class="num" safe>
                  {num(t.clients)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

/** One topic: its settings and newest messages. */
export function TopicPage({
  topic,
  info,
  messages,
  viewer,
}: {
  topic: string;
  info?: TopicInfo;
  messages: BusMessage[];
  viewer: Viewer;
}): JSX.Element {
  return (
    <Layout title={`Topic ${topic}`} viewer={viewer} active="bus">
      {info ? (
        <dl class="facts">
          <Fact term="messages" value={num(info.messages)} />
          <Fact term="last message" value={time(info.last_published_at)} />
          <Fact term="kept" value={retention(info.settings)} />
          <Fact term="backlog for new clients" value={num(info.settings.backlog)} />
          <Fact term="poll / stream clients (5 min)" value={num(info.clients)} />
        </dl>
      ) : (
        <EmptyState>No such topic.</EmptyState>
      )}
      <h2 safe>{`Newest ${messages.length} messages`}</h2>
      {messages.length === 0 ? (
        <EmptyState>No messages.</EmptyState>
      ) : (
        <ol class="messages">
          {messages.map((m) => (
            <li>
              <p
                class="muted"
                safe
              >{`#${m.seq} · ${time(m.published_at)} · ${m.content_type} · ${m.id}`}</p>
              {m.title ? <p safe>{m.title}</p> : ''}
              <pre class="code" tabindex="0" safe>
                {typeof m.content === 'string' ? m.content : pretty(m.content)}
              </pre>
            </li>
          ))}
        </ol>
      )}
    </Layout>
  );
}
