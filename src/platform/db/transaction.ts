import type { Db, Queryable, Tx } from './connect';

/** Run one use case in one transaction: all of it is written, or none of it. */
export function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(fn);
}

/**
 * A read use case: its only write is the audit entry of what was read, written last. No explicit
 * transaction (BEGIN/COMMIT would double the round trips of a search): the response is sent only
 * after the audit INSERT succeeded, so nothing leaves the server unlogged, and a failed read
 * writes nothing.
 */
export function inReadUseCase<T>(db: Db, fn: (q: Queryable) => Promise<T>): Promise<T> {
  return fn(db);
}
