import { sql } from 'drizzle-orm';
import { boolean, date, index, pgTable, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { createdAt, pk, updatedAt, versionCol } from '../platform/db/columns';
import { units, users } from '../platform/tables';

export const persons = pgTable(
  'persons',
  {
    id: pk(),
    /** 12 digits with century (personnummer/samordningsnummer) or the reserve number as typed. */
    identityNumber: text('identity_number').notNull().unique(),
    idKind: text('id_kind', { enum: ['personnummer', 'samordningsnummer', 'reservnummer'] }).notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    /** The full birth date when known. */
    birthDate: date('birth_date', { mode: 'string' }),
    /**
     * What is known when the full date is not: 'YYYY-MM' or 'YYYY' (a samordningsnummer with day 60 or month 00,
     * or a day not in the calendar). Null when birth_date is set, and for reserve numbers.
     */
    birthDatePartial: text('birth_date_partial'),
    sex: text('sex', { enum: ['female', 'male'] }),
    protectedIdentity: boolean('protected_identity').notNull().default(false),
    streetAddress: text('street_address'),
    postalCode: text('postal_code'),
    city: text('city'),
    phone: text('phone'),
    email: text('email'),
    /** Demo and generated data: never a real person. */
    fictitious: boolean('fictitious').notNull().default(false),
    registeredBy: uuid('registered_by').references(() => users.id),
    registeredUnitId: uuid('registered_unit_id').references(() => units.id),
    /** Registered twice: this record was merged into that one (everything moved there); hidden from search. */
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => persons.id),
    mergedAt: timestamp('merged_at', { withTimezone: true, mode: 'date' }),
    version: versionCol(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Byte-order (C) keys serve both prefix LIKE and ORDER BY, so a search reads only the rows it shows.
    index('persons_last_first_idx').using('btree', sql`lower(${t.lastName}) collate "C"`, sql`lower(${t.firstName}) collate "C"`),
    index('persons_first_last_idx').using('btree', sql`lower(${t.firstName}) collate "C"`, sql`lower(${t.lastName}) collate "C"`),
    index('persons_identity_prefix_idx').using('btree', sql`${t.identityNumber} collate "C"`),
  ],
);

export const representatives = pgTable(
  'representatives',
  {
    id: pk(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['vardnadshavare', 'god_man', 'forvaltare'] }).notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    email: text('email'),
    address: text('address'),
    version: versionCol(),
    createdAt: createdAt(),
  },
  (t) => [index('representatives_person_idx').on(t.personId)],
);
