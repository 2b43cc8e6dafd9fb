import type { Db, Tx } from './connect';

/** Run one use case in one transaction: all of it is written, or none of it. */
export function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(fn);
}
