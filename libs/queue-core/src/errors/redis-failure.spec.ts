import { redisFailure } from './redis-failure';
import { RedisOutOfMemoryError } from './redis-out-of-memory.error';
import { RedisUnavailableError } from './redis-unavailable.error';

describe('redisFailure', () => {
  it.each([
    "Stream isn't writeable and enableOfflineQueue options is false",
    'Connection is closed.',
    'MOVED 12182 127.0.0.1:7002',
    'ASK 12182 127.0.0.1:7002',
    'CLUSTERDOWN The cluster is down',
    'TRYAGAIN Multiple keys request during rehashing of slot',
    'Too many Cluster redirections. Last error: ReplyError: CLUSTERDOWN The cluster is down',
    'Failed to refresh slots cache.',
  ])('reads %j as Redis being unavailable (503, never 500)', (message) => {
    expect(redisFailure(new Error(message))).toBeInstanceOf(RedisUnavailableError);
  });

  it('reads OOM as out of memory and anything else as not about Redis', () => {
    expect(redisFailure(new Error('OOM command not allowed'))).toBeInstanceOf(
      RedisOutOfMemoryError,
    );
    expect(
      redisFailure(new Error('CROSSSLOT Keys in request do not hash to the same slot')),
    ).toBeUndefined();
    expect(redisFailure(new Error('boom'))).toBeUndefined();
  });
});
