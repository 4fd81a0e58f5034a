import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { RedisCheck } from '@jobq/queue-core';

/** Terminus indicator: `down` when Redis is unreachable, `degraded` when its eviction policy can drop jobs. */
@Injectable()
export class RedisHealthIndicator {
  constructor(
    private readonly redisCheck: RedisCheck,
    private readonly indicator: HealthIndicatorService,
  ) {}

  async isHealthy(): Promise<HealthIndicatorResult> {
    const session = this.indicator.check('redis');
    const status = await this.redisCheck.check();
    if (!status.reachable) return session.down({ message: status.error ?? 'unreachable' });
    const data = { version: status.version, evictionPolicy: status.evictionPolicy };
    if (!status.evictionSafe) {
      return session.degraded({
        ...data,
        message: 'maxmemory-policy is not noeviction: jobs can be lost under memory pressure',
      });
    }
    return session.up(data);
  }
}
