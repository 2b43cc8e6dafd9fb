import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, pk, updatedAt, versionCol } from '../platform/db/columns';
import { units, users } from '../platform/tables';
import { cases } from '../intake/tables';
import { decisions } from '../decisions/tables';
import { ORDER_EVENT_KINDS } from './rules';

/**
 * An order (beställning) from the handläggare to the provider unit for one favourable decision. One per decision
 * (a unique constraint: sending twice never makes two). It stays in the provider's inbox until confirmed.
 */
export const orders = pgTable(
  'orders',
  {
    id: pk(),
    decisionId: uuid('decision_id')
      .notNull()
      .unique()
      .references(() => decisions.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    providerUnitId: uuid('provider_unit_id')
      .notNull()
      .references(() => units.id),
    sentDate: date('sent_date', { mode: 'string' }).notNull(),
    sentBy: uuid('sent_by').references(() => users.id),
    /** What the contact person must know (the handläggare writes it; nothing more of the investigation travels). */
    information: text('information'),
    confirmedDate: date('confirmed_date', { mode: 'string' }),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    /** Returned with a question: open until the handläggare answers (which resends it). */
    returnedAt: timestamp('returned_at', { withTimezone: true, mode: 'date' }),
    returnQuestion: text('return_question'),
    version: versionCol(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('orders_provider_idx').on(t.providerUnitId, t.sentDate),
    // The case's latest order (case_facts_source) in one index probe.
    index('orders_case_idx').on(t.caseId, t.sentDate, t.createdAt),
    check('orders_confirmed_after_sent', sql`${t.confirmedDate} is null or ${t.confirmedDate} >= ${t.sentDate}`),
  ],
);

/** The order's history: sent, returned with a question, answered and resent, confirmed. */
export const orderEvents = pgTable(
  'order_events',
  {
    id: pk(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    kind: text('kind', { enum: ORDER_EVENT_KINDS }).notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    text: text('text'),
    byUser: uuid('by_user').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('order_events_order_idx').on(t.orderId, t.createdAt)],
);
