/**
 * Cross-process broadcast events (Redis pub/sub on {@link RedisKeys.events}). Every in-process
 * cache is invalidated by one of these. Persisted — never rename.
 */
export const CoreEvent = {
  QueueAdded: 'queue.added',
  QueueRemoved: 'queue.removed',
  PolicyChanged: 'policy.changed',
} as const;

export type CoreEventName = (typeof CoreEvent)[keyof typeof CoreEvent];

/** What goes over the wire: an event name and the name of the queue or topic it is about. */
export interface CoreEventMessage {
  type: CoreEventName;
  name: string;
}
