import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * Brotli and gzip copies of every text file in the build (`x.js.br`, `x.js.gz`), made once at build time;
 * the server sends them as they are (@fastify/static `preCompressed`) to browsers that accept them.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'kontakt-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|svg|json|txt)$/.test(file)) continue;
        const raw = fs.readFileSync(file);
        if (raw.length < 256) continue;
        fs.writeFileSync(`${file}.br`, brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }));
        fs.writeFileSync(`${file}.gz`, gzipSync(raw, { level: 9 }));
      }
    },
  };
}

/**
 * `<link rel="prefetch">` in index.html for the login page's chunk and what it imports. A newcomer's first page is
 * the login page (`/` sends there), so its code downloads beside the entry instead of after it. Prefetch, not
 * modulepreload: a preloaded module runs in the entry's long task (measured: more blocking time on /logga-in).
 */
function preloadLoginPage(): Plugin {
  return {
    name: 'kontakt-preload-login-page',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter((c) => c.type === 'chunk');
        const login = chunks.find((c) => c.facadeModuleId?.endsWith('/platform/login-page.tsx'));
        if (!login) throw new Error('kontakt-preload-login-page: no chunk for platform/login-page.tsx');
        const files = [login.fileName, ...login.imports].filter((f) => !html.includes(`/${f}"`));
        return files.map((f) => ({ tag: 'link', attrs: { rel: 'prefetch', crossorigin: true, href: `/${f}` }, injectTo: 'head' as const }));
      },
    },
  };
}

// The SPA lives in web/ and shares its zod schemas with the API in ../src.
export default defineConfig({
  root: webRoot,
  plugins: [react(), preloadLoginPage(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Pages are separate chunks (lazy routes in routes.tsx); the rest is split by what each page shares.
    chunkSizeWarningLimit: 300,
  },
  server: {
    port: 5173,
    fs: { allow: ['..'] },
    proxy: { '/api': 'http://localhost:3000' },
  },
});
