import { RedisKeys } from '../names/redis-keys';
import { BusKeys } from './bus-keys';

describe('BusKeys', () => {
  it('keeps the persisted layout: every key of a topic under <prefix>:_jobq:bus:t:<topic>:', () => {
    const keys = new BusKeys(new RedisKeys('{app}'));
    expect(keys.topics).toBe('{app}:_jobq:bus:topics');
    expect([
      keys.stream('news'),
      keys.index('news'),
      keys.seq('news'),
      keys.settings('news'),
      keys.clients('news'),
      keys.notify('news'),
      keys.client('news', 'c-1'),
    ]).toEqual([
      '{app}:_jobq:bus:t:news:stream',
      '{app}:_jobq:bus:t:news:ids',
      '{app}:_jobq:bus:t:news:seq',
      '{app}:_jobq:bus:t:news:settings',
      '{app}:_jobq:bus:t:news:clients',
      '{app}:_jobq:bus:t:news:notify',
      '{app}:_jobq:bus:t:news:c:c-1',
    ]);
  });
});
