import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { createLogger, LOGGER } from '@jobq/queue-core';
import type { Handler } from './handler';
import { HandlerRegistry } from './handler.registry';
import { JobHandler } from './job-handler.decorator';
import { NoHandlerError } from './no-handler.error';

@JobHandler({ queue: 'mail', name: 'send' })
class SendMailHandler implements Handler {
  handle(): string {
    return 'sent';
  }
}

@JobHandler({ queue: 'mail', name: 'send' })
class SendMailAgainHandler implements Handler {
  handle(): string {
    return 'sent twice';
  }
}

@JobHandler({ queue: 'mail', name: 'bounce' })
class BounceHandler implements Handler {
  handle(): string {
    return 'bounced';
  }
}

async function boot(...handlers: (new () => Handler)[]): Promise<HandlerRegistry> {
  const module = await Test.createTestingModule({
    imports: [DiscoveryModule],
    providers: [
      HandlerRegistry,
      ...handlers,
      { provide: LOGGER, useValue: createLogger('t', 'silent') },
    ],
  }).compile();
  await module.init();
  return module.get(HandlerRegistry);
}

describe('HandlerRegistry', () => {
  it('discovers @JobHandler providers by queue and job name', async () => {
    const registry = await boot(SendMailHandler, BounceHandler);
    expect(registry.queues()).toEqual(['mail']);
    expect(registry.jobs('mail')).toEqual(['bounce', 'send']);
    expect(registry.resolve('mail', 'send')).toBeInstanceOf(SendMailHandler);
  });

  it('refuses to boot when two handlers claim the same queue and name, naming both', async () => {
    await expect(boot(SendMailHandler, SendMailAgainHandler)).rejects.toThrow(
      'two handlers for job "send" on queue "mail": SendMailHandler and SendMailAgainHandler',
    );
  });

  it('answers an unknown job name with an unrecoverable "no handler for <name>"', async () => {
    const registry = await boot(SendMailHandler);
    expect(() => registry.resolve('mail', 'nope')).toThrow(NoHandlerError);
    expect(() => registry.resolve('mail', 'nope')).toThrow(
      'no handler for nope on queue mail (handlers: send)',
    );
  });

  it('rejects invalid queue or job names at decoration time', () => {
    expect(() => JobHandler({ queue: 'bad queue', name: 'x' })).toThrow(/invalid queue name/);
    expect(() => JobHandler({ queue: 'q', name: '' })).toThrow(/invalid job name/);
  });
});
