// The floor of bench/api-table.ts: a bare Fastify server that, for each endpoint, replays exactly the statements the
// app sent to the database for one request of it (captured by bench/sql-trace.mjs: the session lookup, the
// endpoint's queries in their transaction, the audit INSERT) and nothing else — no routing by permission, no
// validation, no presenting, a two-byte answer. What the app achieves beside it is the share of the database's
// work it leaves on the table. Same pool size as the app (openPostgres) or the same embedded PGlite folder.
//   FLOOR_STATEMENTS=file.json PORT=… (DATABASE_URL=… | DATA_DIR=…) npx tsx bench/floor-server.ts
import fs from 'node:fs';
import Fastify from 'fastify';
import type pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { openPglite, openPostgres } from '../src/platform/db/connect';

export interface Statement {
  text: string;
  values: unknown[];
  name: string | null;
}

const byEndpoint = JSON.parse(fs.readFileSync(process.env.FLOOR_STATEMENTS!, 'utf8')) as Record<string, Statement[]>;
const isTx = (t: string, word: 'begin' | 'commit' | 'rollback') => t.trim().toLowerCase() === word;

type Run = (list: Statement[]) => Promise<void>;
let run: Run;
let close: () => Promise<void>;
if (process.env.DATABASE_URL) {
  const database = await openPostgres(process.env.DATABASE_URL);
  const pool = (database.db as unknown as { $client: pg.Pool }).$client;
  // Outside a transaction each statement takes a pooled connection, inside one the transaction's own, as the app does.
  run = async (list) => {
    let client: pg.PoolClient | null = null;
    try {
      for (const s of list) {
        if (isTx(s.text, 'begin')) client = await pool.connect();
        const q = { text: s.text, values: s.values, ...(s.name ? { name: s.name } : {}) };
        await (client ?? pool).query(q);
        if (client && (isTx(s.text, 'commit') || isTx(s.text, 'rollback'))) {
          client.release();
          client = null;
        }
      }
    } finally {
      client?.release();
    }
  };
  close = () => database.close();
} else {
  const database = await openPglite(process.env.DATA_DIR!);
  const client = (database.db as unknown as { $client: PGlite }).$client;
  // One embedded connection: a request's statements run as one unit, as PGlite serialises them anyway.
  run = async (list) => {
    await client.transaction(async (tx) => {
      for (const s of list) if (!isTx(s.text, 'begin') && !isTx(s.text, 'commit')) await tx.query(s.text, s.values as unknown[]);
    });
  };
  close = () => database.close();
}

const app = Fastify({ logger: false });
app.get<{ Params: { name: string } }>('/floor/:name', async (req, reply) => {
  const list = byEndpoint[req.params.name];
  if (!list) return reply.code(404).send('no such endpoint');
  await run(list);
  return reply.type('text/plain').send('ok');
});
// Through the database, like the app's: the bench waits on it until earlier requests are worked off.
app.get('/api/health', async () => {
  await run([{ text: 'select 1', values: [], name: null }]);
  return { status: 'ok' };
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
const stop = async () => {
  await app.close();
  await close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
