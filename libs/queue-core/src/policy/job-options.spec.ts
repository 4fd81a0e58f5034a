import { toJobOptions, toRetention } from './job-options';
import { DEFAULT_POLICY, QueuePolicy } from './queue-policy';

describe('toJobOptions', () => {
  it('maps the policy to BullMQ options', () => {
    expect(toJobOptions(DEFAULT_POLICY)).toEqual({
      attempts: 3,
      backoff: { type: 'exponential', delay: 1000 },
    });
  });

  it('leaves retention to the workers', () => {
    expect(toRetention(DEFAULT_POLICY)).toEqual({
      removeOnComplete: { count: 1000, age: 86400 },
      removeOnFail: { count: 10000, age: 604800 },
    });
  });

  it('sets a default priority only when there is one', () => {
    const policy: QueuePolicy = { ...DEFAULT_POLICY, default_priority: 5 };
    expect(toJobOptions(policy).priority).toBe(5);
  });

  it('lets job-level options win and ignores undefined ones', () => {
    const options = toJobOptions(DEFAULT_POLICY, { attempts: 9, priority: undefined, delay: 10 });
    expect(options).toMatchObject({ attempts: 9, delay: 10 });
    expect(options).not.toHaveProperty('priority');
  });
});
