import { JobNotFoundError, JobOutcome } from '@jobq/queue-core';
import type { FastifyReply } from 'fastify';

/**
 * SPEC §5 answers of a finished wait: 200 `{id, result}` when it completed, 422 `{id, error}` when it
 * failed for good, 504 `{id, state}` when the time ran out (the job goes on).
 */
export function rpcReply(reply: FastifyReply, queue: string, outcome: JobOutcome): unknown {
  switch (outcome.state) {
    case 'completed':
      return { id: outcome.id, result: 'result' in outcome ? outcome.result : null };
    case 'failed':
      void reply.status(422);
      return { id: outcome.id, error: 'error' in outcome ? outcome.error : 'failed' };
    case 'missing':
      throw new JobNotFoundError(queue, outcome.id);
    default:
      void reply.status(504);
      return {
        id: outcome.id,
        state: outcome.state,
        location: `/q/${queue}/jobs/${encodeURIComponent(outcome.id)}`,
      };
  }
}
