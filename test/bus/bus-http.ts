import type { BusMessage } from '@jobq/queue-core';

/** Small HTTP helpers for the bus tests. */
export const ATOM_NS = 'http://www.w3.org/2005/Atom';

/** An Atom entry as AtomMQ's README posts it. */
export function atomEntry(title: string, body: string): string {
  return `<entry xmlns="${ATOM_NS}"><title>${title}</title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${body}</div></content></entry>`;
}

/** Publishes a JSON value; returns the stored message. */
export async function publishJson(
  base: string,
  topic: string,
  value: unknown,
): Promise<BusMessage> {
  const res = await fetch(`${base}/bus/${topic}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(value),
  });
  if (res.status !== 201) throw new Error(`publish answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as BusMessage;
}

/** Polls as a Tatsumaki client. */
export async function poll(
  base: string,
  topic: string,
  clientId: string,
  timeoutS: number,
): Promise<BusMessage[]> {
  const res = await fetch(`${base}/bus/${topic}/poll?client_id=${clientId}&timeout=${timeoutS}`);
  if (res.status !== 200) throw new Error(`poll answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as BusMessage[];
}
