/**
 * How a message's `content` is to be read: `application/json` (content is any JSON value),
 * Atom's `text`, `html` and `xhtml` (content is a string; `xhtml` is one serialized XHTML
 * `<div>`), or another media type from an Atom entry (content is a string: inline XML for
 * `…/xml` and `…+xml`, text for `text/…`, Base64 otherwise).
 */
export type BusContentType = string;

/** The content type of JSON messages. */
export const JSON_CONTENT_TYPE = 'application/json';

/** One message of a topic, as every bus route returns it. */
export interface BusMessage {
  /** `urn:uuid:…`, assigned at publish; the cursor for `start_after`, `start_at`, `Last-Event-ID`. */
  id: string;
  /** Position in the topic: 1 for its first message, then +1 per publish. */
  seq: number;
  /** ISO 8601 time the message was stored. */
  published_at: string;
  /** Optional human title (Atom `<title>`, or `?title=` on a JSON publish). */
  title?: string;
  content_type: BusContentType;
  content: unknown;
}

/** What a publisher hands the bus: the content as text (JSON text for JSON messages). */
export interface MessageDraft {
  title?: string;
  content_type: BusContentType;
  /** The content, serialized: JSON text, plain text, HTML, XML or Base64. */
  body: string;
  /** The JSON value `body` serializes, when the publisher has it (saves parsing it back). */
  value?: unknown;
}

/** One page of a topic, oldest first. */
export interface BusPage {
  topic: string;
  messages: BusMessage[];
  /** The `start_after` or `start_at` id the page was read from, if any. */
  cursor?: string;
}

/** A topic and its state, for listings (`GET /bus`, the dashboard). */
export interface TopicInfo {
  name: string;
  /** Messages now held (after retention). */
  messages: number;
  /** Id of the newest message, or null while the topic is empty. */
  last_id: string | null;
  last_published_at: string | null;
  /** Poll and stream clients seen in the last 5 minutes. */
  clients: number;
  settings: TopicSettings;
}

/** Per-topic settings (stored in Redis; every field optional in a patch). */
export interface TopicSettings {
  /** Keep at most this many messages (oldest trimmed first); null: unbounded. @defaultValue null */
  max_len: number | null;
  /** Keep messages at most this many seconds (trimmed as new ones arrive); null: forever. @defaultValue null */
  max_age_s: number | null;
  /** How many recent messages a new poll/stream client is handed first (Tatsumaki). @defaultValue 30 */
  backlog: number;
}

/** A change of settings: the fields given change, null resets one to its default. */
export type TopicSettingsPatch = { [K in keyof TopicSettings]?: TopicSettings[K] | null };

/** Defaults of {@link TopicSettings}: AtomMQ is durable, Tatsumaki's backlog is 30. */
export const DEFAULT_TOPIC_SETTINGS: Readonly<TopicSettings> = Object.freeze({
  max_len: null,
  max_age_s: null,
  backlog: 30,
});
