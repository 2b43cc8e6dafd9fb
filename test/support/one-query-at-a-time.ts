// node-postgres runs one query at a time per connection; a second query started on a busy client (Promise.all
// inside a transaction) is queued today with a deprecation warning and refused by pg 9. Every db test on PostgreSQL
// fails when that happens, naming the statement: use `allOf` (src/platform/db/transaction.ts) or await in turn.
import pg from 'pg';
import { afterEach, expect } from 'vitest';

const overlaps: string[] = [];
const g = globalThis as { __kontaktOneQueryAtATime?: boolean };
if (!g.__kontaktOneQueryAtATime) {
  g.__kontaktOneQueryAtATime = true;
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown; _activeQuery?: unknown; _queryQueue?: unknown[] };
  const query = proto.query;
  proto.query = function (this: typeof proto, ...args: unknown[]) {
    if (this._activeQuery || (this._queryQueue?.length ?? 0) > 0) {
      const c = args[0] as string | { text?: string };
      overlaps.push(String(typeof c === 'string' ? c : c?.text).replace(/\s+/g, ' ').slice(0, 160));
    }
    return query.apply(this, args);
  };
}

afterEach(() => {
  const seen = overlaps.splice(0);
  expect(seen, 'queries started on a connection that was still busy (Promise.all in a transaction?)').toEqual([]);
});
