// The two ways a use case touches the database: `readUseCase` for a read (whose only write is the audit
// entry of what was read) and `writeUseCase` for a change (one transaction). Every use case uses one of them.
import { sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { AppError, type ErrorCode } from '../errors';
import type { Db, Queryable, Tx } from './connect';

/**
 * A read use case: its only write is the audit entry of what was read, written last. No explicit
 * transaction (BEGIN/COMMIT would double the round trips of a search): the response is sent only
 * after the audit INSERT succeeded, so nothing leaves the server unlogged, and a failed read
 * writes nothing.
 */
export function readUseCase<T>(ctx: { db: Db }, fn: (q: Queryable) => Promise<T>): Promise<T> {
  return fn(ctx.db);
}

/**
 * Several independent reads: side by side on the pool (each takes its own connection), one after another in a
 * transaction — a transaction is one connection, and node-postgres will not queue overlapping queries on one
 * (deprecated in pg 8, removed in pg 9; `test/support/one-query-at-a-time.ts` fails a db test that does it).
 */
export async function allOf<T extends readonly unknown[]>(q: Queryable, ...reads: { [K in keyof T]: () => PromiseLike<T[K]> }): Promise<T> {
  if (!('rollback' in q)) return (await Promise.all(reads.map((r) => r()))) as unknown as T;
  const out: unknown[] = [];
  for (const r of reads) out.push(await r());
  return out as unknown as T;
}

/** A unique column whose violation is the user's to fix: 409 with `code`, and `message` on the form field `path`. */
export interface UniqueField {
  column: AnyPgColumn;
  /** The name of a unique index over the column (a partial one, say), when it is not the column's own unique constraint. */
  constraint?: string;
  code: ErrorCode;
  path: string;
  message: string;
}

/**
 * A change: one transaction, all of it is written or none of it. A unique violation on one of `unique`'s
 * columns (detected after the rollback, since PostgreSQL aborts the transaction) becomes its 409 with a
 * field message; any other error passes through. The actor, when there is one, is declared to the transaction
 * (`kontakt.actor_id`, local to it): the internal-control triggers on payment data record who made the change
 * (migration of the payroll stage), whichever use case made it.
 */
export async function writeUseCase<T>(ctx: { db: Db; actor?: { id: string } | null }, fn: (tx: Tx) => Promise<T>, opts: { unique?: UniqueField[] } = {}): Promise<T> {
  const actorId = ctx.actor?.id ?? null;
  try {
    return await ctx.db.transaction(
      actorId === null
        ? fn
        : async (tx) => {
            await tx.execute(sql`select set_config('kontakt.actor_id', ${actorId}, true)`);
            return fn(tx);
          },
    );
  } catch (e) {
    throw uniqueFieldError(e, opts.unique ?? []) ?? e;
  }
}

/** PostgreSQL unique_violation (23505), through Drizzle's wrapper on both drivers: the constraint's name. */
function uniqueViolation(err: unknown): string | null {
  let e = err as { code?: unknown; constraint?: unknown; constraint_name?: unknown; cause?: unknown } | undefined;
  for (let i = 0; e && i < 3; i++, e = e.cause as typeof e) {
    if (e.code === '23505') return String(e.constraint ?? e.constraint_name ?? '');
  }
  return null;
}

/** The 409 for a violated unique field, or null when `err` is not a violation of one of them. */
function uniqueFieldError(err: unknown, fields: UniqueField[]): AppError | null {
  const constraint = uniqueViolation(err);
  if (constraint === null) return null;
  const f = fields.find((x) => (x.constraint ?? x.column.uniqueName) === constraint);
  return f ? new AppError(f.code, { fields: [{ path: f.path, message: f.message }] }) : null;
}

