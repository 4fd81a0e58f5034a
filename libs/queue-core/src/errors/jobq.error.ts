/**
 * Base class of every domain error jobq throws. The HTTP apps map `kind` to a status in
 * one exception filter (`@jobq/http`); queue-core itself never knows about HTTP.
 */
export class JobqError extends Error {
  /**
   * @param kind - what sort of failure this is; decides the HTTP status at the edge.
   * @param code - stable machine-readable code (`INVALID_NAME`, `NOT_FOUND`, …).
   * @param details - optional structured detail for the client.
   */
  constructor(
    readonly kind: JobqErrorKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** What a {@link JobqError} means for the caller. */
export type JobqErrorKind =
  | 'invalid'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'unauthorized'
  | 'forbidden'
  | 'timeout'
  | 'unavailable';
