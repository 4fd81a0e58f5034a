import { NestFactory } from '@nestjs/core';
import { AuditModule, AuditStore, createLogger, QueueCoreModule } from '@jobq/queue-core';
import type { INestApplicationContext } from '@nestjs/common';
import { testConfig } from '../helpers/test-env';

describe('audit trail', () => {
  let app: INestApplicationContext;
  let audit: AuditStore;
  beforeAll(async () => {
    const config = testConfig();
    app = await NestFactory.createApplicationContext(
      {
        module: class AuditTestModule {},
        imports: [
          QueueCoreModule.forRoot({ role: 'tool', config, logger: createLogger('t', 'silent') }),
          AuditModule,
        ],
      },
      { logger: false },
    );
    audit = app.get(AuditStore);
  });
  afterAll(() => app.close());

  const actor = { kind: 'key' as const, name: 'ops', role: 'admin' as const };

  it('reads back what was recorded, newest first, in pages with a cursor', async () => {
    for (let n = 1; n <= 5; n++) {
      await audit.record({
        actor,
        action: 'job.retry',
        via: 'api',
        from: '127.0.0.1',
        queue: 'q',
        id: String(n),
      });
    }
    await audit.record({
      actor,
      action: 'policy.update',
      via: 'dashboard',
      from: '::1',
      queue: 'other',
      before: { attempts: 3 },
      after: { attempts: 5 },
    });
    const first = await audit.read({ limit: 2 });
    expect(first.entries.map((e) => e.action)).toEqual(['policy.update', 'job.retry']);
    expect(first.entries[0]).toMatchObject({
      before: { attempts: 3 },
      after: { attempts: 5 },
      via: 'dashboard',
    });
    expect(Date.parse(first.entries[0].at)).toBeGreaterThan(Date.now() - 60_000);
    const second = await audit.read({ limit: 2, before: first.next! });
    expect(second.entries.map((e) => e.id)).toEqual(['4', '3']);
    const retries = await audit.read({ action: 'job.retry', queue: 'q', limit: 10 });
    expect(retries.entries.map((e) => e.id)).toEqual(['5', '4', '3', '2', '1']);
    expect(retries.next).toBeNull();
  });

  it('refuses a cursor that is not one', async () => {
    await expect(audit.read({ before: 'yesterday' })).rejects.toThrow(/before must be the "next"/);
  });
});
