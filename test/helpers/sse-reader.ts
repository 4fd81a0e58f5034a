/** One Server-Sent Event as a browser's EventSource would see it (comments kept apart). */
export interface SseEvent {
  id?: string;
  /** The `event:` name (absent for plain messages). */
  event?: string;
  data?: string;
  comment?: string;
}

/** Reads the events of an SSE response as they arrive. */
export async function* sseEvents(res: Response): AsyncGenerator<SseEvent> {
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event: SseEvent = {};
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) event.comment = line.slice(1).trim();
        else if (line.startsWith('id: ')) event.id = line.slice(4);
        else if (line.startsWith('event: ')) event.event = line.slice(7);
        else if (line.startsWith('data: '))
          event.data = event.data === undefined ? line.slice(6) : `${event.data}\n${line.slice(6)}`;
      }
      if (event.id !== undefined || event.data !== undefined || event.comment) yield event;
    }
  }
}

/** The next `n` message events (comments skipped). */
export async function take(events: AsyncGenerator<SseEvent>, n: number): Promise<SseEvent[]> {
  const out: SseEvent[] = [];
  while (out.length < n) {
    const { value, done } = await events.next();
    if (done) throw new Error(`stream ended after ${out.length} of ${n} events`);
    if (value.data !== undefined) out.push(value);
  }
  return out;
}
