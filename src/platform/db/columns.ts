// Column helpers every table uses, so ids, versions and timestamps look the same everywhere.
import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';

export const pk = () => uuid('id').primaryKey().defaultRandom();
/** Optimistic-locking counter: every UPDATE says WHERE version = ? and bumps it. */
export const versionCol = () => integer('version').notNull().default(1);
export const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
