import { Injectable } from '@nestjs/common';
import { AuditAction, AuditRecord, AuditStore } from '@jobq/queue-core';
import type { Actor } from './current-actor.decorator';

/** What an action adds to its audit entry besides who, what and where from. */
export type AuditFields = Omit<AuditRecord, 'actor' | 'action' | 'via' | 'from'>;

/** Records every dashboard action in the audit trail as the user who did it, `via: 'dashboard'`. */
@Injectable()
export class ActionAudit {
  constructor(private readonly audit: AuditStore) {}

  /** Appends one entry. */
  async record(actor: Actor, action: AuditAction, fields: AuditFields = {}): Promise<void> {
    const { viewer, from } = actor;
    await this.audit.record({
      actor: { kind: 'user', name: viewer.name, role: viewer.role },
      action,
      via: 'dashboard',
      from,
      ...fields,
    });
  }
}
