import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, pk, updatedAt, versionCol } from '../platform/db/columns';
import { units, users } from '../platform/tables';
import { persons } from '../people/tables';
import { ROUTES } from '../platform/rules';
import { REQUESTERS } from './rules';

/** A case (ärende): one request or referral and, in later stages, what follows from it. */
export const cases = pgTable(
  'cases',
  {
    id: pk(),
    caseNumber: text('case_number').notNull().unique(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    route: text('route', { enum: ROUTES }).notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    responsibleUserId: uuid('responsible_user_id')
      .notNull()
      .references(() => users.id),
    requester: text('requester', { enum: REQUESTERS }).notNull(),
    requesterName: text('requester_name'),
    channel: text('channel', { enum: ['phone', 'letter', 'e_service', 'visit'] }).notNull(),
    receivedDate: date('received_date', { mode: 'string' }).notNull(),
    /** Date the person (or representative) applied; null while a referral has no application. */
    applicationDate: date('application_date', { mode: 'string' }),
    acknowledgedDate: date('acknowledged_date', { mode: 'string' }),
    acknowledgementMethod: text('acknowledgement_method', { enum: ['phone', 'letter'] }),
    personkretsDocumentation: text('personkrets_documentation', { enum: ['present', 'missing'] }),
    personkretsGroup: integer('personkrets_group'),
    documentationReceivedDate: date('documentation_received_date', { mode: 'string' }),
    description: text('description'),
    createdBy: uuid('created_by').references(() => users.id),
    version: versionCol(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('cases_unit_idx').on(t.unitId, t.receivedDate),
    index('cases_responsible_idx').on(t.responsibleUserId, t.receivedDate),
    index('cases_person_idx').on(t.personId),
    check('cases_personkrets_group_chk', sql`${t.personkretsGroup} is null or ${t.personkretsGroup} between 1 and 3`),
  ],
);

/** Running number per year for case numbers; incremented inside the registering transaction. */
export const caseNumberCounters = pgTable('case_number_counters', {
  year: integer('year').primaryKey(),
  lastNumber: integer('last_number').notNull(),
});
