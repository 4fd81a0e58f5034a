import { ENTRY_FIELDS } from './bus-keys';
import { BusMessage, JSON_CONTENT_TYPE } from './bus-message';

/** A stream entry as Redis returns it: `[entry id, [field, value, …]]`. */
export type RawEntry = [string, string[]];

/** Turns a stream entry into the message every route returns. */
export function decodeEntry([entryId, fields]: RawEntry): BusMessage {
  const get = (name: string): string | undefined => {
    for (let i = 0; i < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
    return undefined;
  };
  const contentType = get(ENTRY_FIELDS.type) ?? 'text';
  const raw = get(ENTRY_FIELDS.content) ?? '';
  const title = get(ENTRY_FIELDS.title);
  return {
    id: get(ENTRY_FIELDS.id) ?? '',
    seq: Number(get(ENTRY_FIELDS.seq)),
    published_at: new Date(Number(entryId.slice(0, entryId.indexOf('-')))).toISOString(),
    ...(title === undefined ? {} : { title }),
    content_type: contentType,
    content: contentType === JSON_CONTENT_TYPE ? (JSON.parse(raw) as unknown) : raw,
  };
}

/** The content of `message` as text: JSON text for JSON messages. */
export function contentText(message: BusMessage): string {
  return message.content_type === JSON_CONTENT_TYPE
    ? JSON.stringify(message.content)
    : String(message.content);
}
