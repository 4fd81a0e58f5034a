import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { callerOf } from '@jobq/http';
import { AuditAction, AuditActor, AuditRecord, AuditStore } from '@jobq/queue-core';

/** With no keys configured (loopback only), actions are the anonymous local caller's. */
const ANONYMOUS: AuditActor = { kind: 'anonymous', name: 'anonymous', role: 'admin' };

/** What an API action adds to the trail beside who, how and from where. */
export type AuditedChange = Omit<AuditRecord, 'actor' | 'action' | 'via' | 'from'>;

/** Records an API action in the audit trail: the request's key (by name), its address, `via: api`. */
@Injectable()
export class ApiAuditor {
  constructor(private readonly store: AuditStore) {}

  /** Appends `action` on `change` by the caller of `request`; returns its id in the trail. */
  record(request: FastifyRequest, action: AuditAction, change: AuditedChange): Promise<string> {
    const actor: AuditActor = callerOf(request) ?? ANONYMOUS;
    return this.store.record({ actor, action, via: 'api', from: request.ip, ...change });
  }
}
