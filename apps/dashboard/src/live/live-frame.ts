/** One live fragment: the `sse-swap` name it replaces on the page, and its rendered HTML. */
export interface LiveFrame {
  event: string;
  html: string;
}
