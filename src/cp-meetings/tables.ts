// Kontaktpersonsträffar (domain.md §2, kontaktsekreterare 6; issue 12 item 5): the monthly group meetings a unit's
// coordinator arranges for its contact persons, who is invited (fixed when scheduled) and who came.
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, pk, updatedAt, versionCol } from '../platform/db/columns';
import { units, users } from '../platform/tables';
import { contactPersons } from '../contact-persons/tables';

/** One träff, arranged by a unit (provider_unit_id: the coordinator's scope). Cancelling keeps the row. */
export const cpMeetings = pgTable(
  'cp_meetings',
  {
    id: pk(),
    providerUnitId: uuid('provider_unit_id')
      .notNull()
      .references(() => units.id),
    date: date('date', { mode: 'string' }).notNull(),
    /** 'HH:MM', Swedish local time. */
    time: text('time').notNull(),
    durationMinutes: integer('duration_minutes').notNull().default(120),
    place: text('place').notNull(),
    topic: text('topic').notNull(),
    /** More about the evening (programme, who speaks), shown to the invited. */
    description: text('description'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true, mode: 'date' }),
    cancelReason: text('cancel_reason'),
    createdBy: uuid('created_by').references(() => users.id),
    version: versionCol(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('cp_meetings_unit_date_idx').on(t.providerUnitId, t.date),
    check('cp_meetings_duration_chk', sql`${t.durationMinutes} between 15 and 720`),
  ],
);

/** A contact person invited to a träff, and whether they came (null until recorded). */
export const cpMeetingInvitations = pgTable(
  'cp_meeting_invitations',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => cpMeetings.id, { onDelete: 'cascade' }),
    contactPersonId: uuid('contact_person_id')
      .notNull()
      .references(() => contactPersons.id, { onDelete: 'cascade' }),
    invitedAt: timestamp('invited_at', { withTimezone: true, mode: 'date' }).notNull(),
    attended: boolean('attended'),
    attendanceRecordedAt: timestamp('attendance_recorded_at', { withTimezone: true, mode: 'date' }),
    attendanceRecordedBy: uuid('attendance_recorded_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.contactPersonId] }), index('cp_meeting_invitations_cp_idx').on(t.contactPersonId)],
);
