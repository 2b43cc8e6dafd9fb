// `npm start`: build what is stale, then run the server from one bundled file.
// The web app (Vite) is built when missing or older than its sources (web/ and the shared schemas
// in src/); the server is bundled with esbuild so start-up does not pay for TypeScript on the fly.
// Plain JavaScript on purpose: nothing to compile before the check itself.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webBuilt = path.join(root, 'web/dist/index.html');
const serverBuilt = path.join(root, 'dist/server.mjs');

function newest(p) {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs;
  for (const e of fs.readdirSync(p)) if (e !== 'dist' && e !== 'node_modules') m = Math.max(m, newest(path.join(p, e)));
  return m;
}
const mtime = (p) => fs.statSync(p, { throwIfNoEntry: false })?.mtimeMs ?? 0;

const srcAt = Math.max(newest(path.join(root, 'src')), mtime(path.join(root, 'package-lock.json')));
// The web app imports the shared schemas from src/ too.
if (mtime(webBuilt) < Math.max(srcAt, newest(path.join(root, 'web')))) {
  console.log('Bygger webbappen …');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
if (mtime(serverBuilt) < srcAt) {
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [path.join(root, 'src/main.ts')],
    outfile: serverBuilt,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Dependencies are bundled too (fewer files to resolve and load at start), except those that
    // find files beside their own code at run time.
    external: ['@electric-sql/pglite', 'pg', 'pg-native', '@fastify/swagger-ui', 'pdfmake', 'pdfmake/*'],
    banner: { js: "import { createRequire as __kontaktRequire } from 'node:module'; const require = __kontaktRequire(import.meta.url);" },
    sourcemap: true,
    logLevel: 'warning',
  });
  // esbuild keeps a helper process for further builds; we need none.
  await esbuild.stop();
}
const { startServer } = await import(serverBuilt);
await startServer().catch((e) => {
  console.error('Kontakt could not start:', e instanceof Error ? e.message : e);
  process.exit(1);
});
