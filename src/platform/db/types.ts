// The database handle types, apart from connect.ts so that modules connect.ts uses can name them without a cycle.
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/** The typed Drizzle client. No schema generic: nothing uses relational queries, so the platform needs no area's tables. */
export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything queries can run on: the database or an open transaction. */
export type Queryable = Db | Tx;
