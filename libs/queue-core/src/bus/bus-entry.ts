import { ENTRY_FIELDS } from './bus-keys';
import { BusMessage, JSON_CONTENT_TYPE, MessageDraft } from './bus-message';

/** A stream entry as Redis returns it: `[entry id, [field, value, …]]`. */
export type RawEntry = [string, string[]];

/** Turns a stream entry into the message every route returns. */
export function decodeEntry([entryId, fields]: RawEntry): BusMessage {
  let id = '';
  let seq = '';
  const draft: MessageDraft = { content_type: 'text', body: '' };
  for (let i = 0; i < fields.length; i += 2) {
    const value = fields[i + 1];
    switch (fields[i]) {
      case ENTRY_FIELDS.id:
        id = value;
        break;
      case ENTRY_FIELDS.seq:
        seq = value;
        break;
      case ENTRY_FIELDS.type:
        draft.content_type = value;
        break;
      case ENTRY_FIELDS.content:
        draft.body = value;
        break;
      case ENTRY_FIELDS.title:
        draft.title = value;
        break;
    }
  }
  return storedMessage(entryId, id, Number(seq), draft);
}

/** The message a draft became once stored as stream entry `entryId` (an empty title is none). */
export function storedMessage(
  entryId: string,
  id: string,
  seq: number,
  draft: MessageDraft,
): BusMessage {
  const { title, content_type, body } = draft;
  return {
    id,
    seq,
    published_at: new Date(Number(entryId.slice(0, entryId.indexOf('-')))).toISOString(),
    ...(title ? { title } : {}),
    content_type,
    content:
      'value' in draft
        ? draft.value
        : content_type === JSON_CONTENT_TYPE
          ? (JSON.parse(body) as unknown)
          : body,
  };
}

/** The content of `message` as text: JSON text for JSON messages. */
export function contentText(message: BusMessage): string {
  return message.content_type === JSON_CONTENT_TYPE
    ? JSON.stringify(message.content)
    : String(message.content);
}
