/** The JSON error body of every jobq HTTP app (SPEC §2). */
export interface ErrorBody {
  error: string;
  code: string;
  details?: unknown;
}
