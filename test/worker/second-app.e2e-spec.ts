import { spawnDist } from '../helpers/apps';
import { waitUntil } from '../helpers/wait-until';
import { WorkerFixture } from './worker-fixture';

describe('a worker app of its own, built on @jobq/worker, beside the demo worker', () => {
  let fx: WorkerFixture;
  beforeAll(async () => {
    fx = await WorkerFixture.create();
  });
  afterAll(() => fx.close());

  it('serves only its own queue, runs its jobs, and both apps beat into the fleet', async () => {
    await fx.spawnWorker();
    const mailer = spawnDist('test/fixtures/mailer/main.js', fx.env);
    fx.workers.push(mailer);
    const ready = await mailer.waitForLine(/"msg":"worker ready"/, 30_000);
    expect(JSON.parse(ready)).toMatchObject({ app: 'mailer', queues: ['mail'] });

    const mail = fx.registry.queue('mail');
    const [sent, echoed] = await Promise.all([
      mail.add('send', { to: 'ann@example.com' }),
      fx.demo.add('echo', { n: 1 }),
    ]);
    const sentDone = await waitUntil(
      async () => ((await sent.isCompleted()) ? mail.getJob(sent.id!) : undefined),
      'the mail job to complete',
    );
    expect(sentDone.returnvalue).toEqual({ sent_to: 'ann@example.com', by: 'mailer' });
    expect((await fx.settled(echoed.id!)).returnvalue).toEqual({ n: 1 });

    const bad = await mail.add('send', { to: 'nobody' }, { attempts: 3 });
    const failed = await waitUntil(
      async () => ((await bad.isFailed()) ? mail.getJob(bad.id!) : undefined),
      'the bad mail job to fail',
    );
    expect(failed.failedReason).toBe('to must be a mail address');
    expect(failed.attemptsMade).toBe(1);

    const fleet = await waitUntil(async () => {
      const workers = await fx.fleet.list();
      return workers.length === 2 ? workers : undefined;
    }, 'both worker apps in the fleet');
    expect(fleet.map((w) => w.queues).sort()).toEqual([['demo'], ['mail']]);
  });
});
