// Bench-only preload (`node --import ./bench/sql-trace.mjs`): appends every statement the server sends to the
// database — text, parameters and prepared-statement name — as one JSON line to the file in BENCH_SQL_TRACE: on
// PostgreSQL at node-postgres' Client.query (transaction statements included), on PGlite at Drizzle's prepared
// query (PGlite runs a transaction's BEGIN/COMMIT itself; the floor wraps a request's statements in one). bench/api-table.ts reads it to replay exactly an endpoint's database work in its floor server.
// It holds the parameters (personal data of generated, fictitious persons): never load it outside the benches.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const file = process.env.BENCH_SQL_TRACE;
if (file) {
  const pg = createRequire(import.meta.url)('pg');
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function traced(config, values, callback) {
    const text = typeof config === 'string' ? config : config?.text;
    if (typeof text === 'string') {
      const params = (typeof config === 'object' && config?.values) || (Array.isArray(values) ? values : []);
      fs.appendFileSync(file, `${JSON.stringify({ text, values: params, name: typeof config === 'object' ? (config?.name ?? null) : null })}\n`);
    }
    return query.call(this, config, values, callback);
  };
  const { PglitePreparedQuery } = await import('drizzle-orm/pglite/session');
  const { fillPlaceholders } = await import('drizzle-orm/sql/sql');
  const execute = PglitePreparedQuery.prototype.execute;
  PglitePreparedQuery.prototype.execute = function traced(placeholders = {}) {
    fs.appendFileSync(file, `${JSON.stringify({ text: this.queryString, values: fillPlaceholders(this.params, placeholders), name: null })}\n`);
    return execute.call(this, placeholders);
  };
}
