import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only audit log of every read and write of a person's data.
 * A trigger (migration 0001) refuses UPDATE, DELETE and TRUNCATE.
 * No foreign keys: the log must outlive what it points at.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorUsername: text('actor_username'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    personId: uuid('person_id'),
    requestId: text('request_id'),
    details: jsonb('details'),
  },
  (t) => [
    index('audit_person_idx').on(t.personId, t.occurredAt),
    index('audit_actor_idx').on(t.actorUserId, t.occurredAt),
    index('audit_time_idx').on(t.occurredAt),
    // Loggkontroll's unusual reads over a period (a year's log): the reads of persons by users, read from the index alone.
    index('audit_person_reads_idx')
      .on(t.occurredAt, t.actorUserId, t.personId, t.action)
      .where(sql`${t.personId} is not null and ${t.actorUserId} is not null`),
  ],
);
