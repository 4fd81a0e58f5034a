/** A JSON body as tests read it: loosely, like `Response.json()`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies of many shapes, checked by the assertions
type Json = any;

/** A parsed HTTP answer: status, headers, JSON body (or text when it is not JSON). */
export interface Answer<T = Json> {
  status: number;
  headers: Headers;
  body: T;
}

/** Sends `body` as JSON (unless a string with its own content type is given) and parses the answer. */
export async function call<T = Json>(
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer<T>> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
  }
  const res = await fetch(url, init);
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, headers: res.headers, body: parsed as T };
}
