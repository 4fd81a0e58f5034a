import { Controller, Get } from '@nestjs/common';
import { EVICTION_UNSAFE, RedisCheck, RedisUnavailableError } from '@jobq/queue-core';
import { Public } from '../auth/requires.decorator';

/** `GET /health/ready` while Redis answers: `degraded` when its eviction policy can drop jobs. */
export interface Readiness {
  status: 'ok' | 'degraded';
  redis: {
    status: 'up' | 'degraded';
    version?: string;
    eviction_policy: string;
    /** Set when degraded: what is wrong and what to set. */
    message?: string;
  };
}

/**
 * `GET /health` (the process is alive) and `GET /health/ready` (Redis reachable and safe), on api
 * and dashboard. Not ready is the usual error body: 503 `REDIS_UNAVAILABLE`.
 */
@Controller('health')
export class HealthController {
  constructor(private readonly redisCheck: RedisCheck) {}

  @Get()
  @Public()
  alive(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  async ready(): Promise<Readiness> {
    const status = await this.redisCheck.check();
    if (!status.reachable) throw new RedisUnavailableError();
    const redis = { version: status.version, eviction_policy: status.evictionPolicy ?? 'unknown' };
    return status.evictionSafe
      ? { status: 'ok', redis: { status: 'up', ...redis } }
      : { status: 'degraded', redis: { status: 'degraded', ...redis, message: EVICTION_UNSAFE } };
  }
}
