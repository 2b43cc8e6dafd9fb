// Builds what is stale: the web app (Vite → web/dist) and the server bundle (esbuild → dist/server.mjs).
// Used by `npm start` (scripts/start.mjs) and after `npm install` (postinstall), so the first start
// does not wait for a build. Plain JavaScript on purpose: nothing to compile before the check itself.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const serverBundle = path.join(root, 'dist/server.mjs');
const pgliteTemplate = path.join(root, 'dist/pglite-template.tar');
const webIndex = path.join(root, 'web/dist/index.html');
const viteBin = path.join(root, 'node_modules/vite/bin/vite.js');

function newest(p) {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs;
  for (const e of fs.readdirSync(p)) if (e !== 'dist' && e !== 'node_modules') m = Math.max(m, newest(path.join(p, e)));
  return m;
}
const mtime = (p) => fs.statSync(p, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const sourcesAt = () => Math.max(newest(path.join(root, 'src')), mtime(path.join(root, 'package-lock.json')));

/** The web app imports the shared schemas from src/ too, so either folder makes it stale. */
export function webIsStale() {
  return mtime(webIndex) < Math.max(sourcesAt(), newest(path.join(root, 'web')));
}

export function serverIsStale() {
  return mtime(serverBundle) < sourcesAt();
}

/** The empty migrated PGlite folder new data folders start from (see PGLITE_TEMPLATE in connect.ts). */
export function templateIsStale() {
  return mtime(pgliteTemplate) < Math.max(newest(path.join(root, 'migrations')), mtime(path.join(root, 'package-lock.json')));
}

export async function buildIfStale() {
  if (webIsStale()) {
    if (!fs.existsSync(viteBin)) {
      // A production install without dev tools: the web app must have been built beforehand.
      if (!fs.existsSync(webIndex)) console.warn('Webbappen är inte byggd och Vite saknas (npm ci --include=dev && npm run build:web).');
    } else {
      console.log('Bygger webbappen …');
      const r = spawnSync(process.execPath, [viteBin, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
      if (r.status !== 0) throw new Error('vite build failed');
    }
  }
  if (serverIsStale()) {
    const esbuild = await import('esbuild');
    await esbuild.build({
      entryPoints: [path.join(root, 'src/main.ts')],
      outfile: serverBundle,
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
  // Only a speed-up: without it (or when it is older than the migrations) start-up runs initdb/migrations.
  if (!process.env.DATABASE_URL && templateIsStale()) {
    console.log('Förbereder den inbyggda databasen …');
    const { writePgliteTemplate } = await import(serverBundle);
    await writePgliteTemplate();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildIfStale().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
