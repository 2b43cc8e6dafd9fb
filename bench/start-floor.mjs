// The floor of the restart bench (issue 14 item 7): a bare process that opens the same PGlite folder, answers one
// query and then GET /api/health over HTTP — what any server on that folder must do before its first answer.
import http from 'node:http';
import { PGlite } from '@electric-sql/pglite';

const db = await PGlite.create(process.env.DATA_DIR);
await db.query('select 1');
const server = http.createServer((req, res) => {
  res.writeHead(req.url === '/api/health' ? 200 : 404, { 'content-type': 'application/json' });
  res.end('{"status":"ok"}');
});
server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
const stop = () => server.close(() => db.close().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
