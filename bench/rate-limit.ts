// The general API rate limit's cost (ADR 015): the same requests against two servers on the demo data, one with the
// limit on (limits high enough never to refuse) and one with it off, at 1 and 100 connections (autocannon,
// loopback), in alternating rounds so drift on a busy machine hits both alike. A cheap authenticated GET
// (/api/auth/me: the session lookup and nothing else, where the limiter's share is largest) and the person search.
//   npx tsx bench/rate-limit.ts [--seconds 10] [--rounds 2] [--port 3510]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createHash } from 'node:crypto';
import { ApiRateLimiter } from '../src/platform/http/rate-limit';
import type { Clock } from '../src/platform/clock';
import type { Queryable } from '../src/platform/db/connect';
import { Client, isMain, OUT, startServer, table, writeSummary, type Server } from './lib';

/**
 * What the limiter adds to one request in-process, measured alone (no database: the flush is one statement a
 * second, not per request): the address's count, the session token's hash and the session's count.
 */
function perRequestMicros(): number {
  const clock = { now: () => new Date() } as unknown as Clock;
  const limiter = new ApiRateLimiter({} as Queryable, clock, { windowSeconds: 60, perSession: 1e12, perIp: 1e12, flushMs: 1000 });
  const n = 300_000;
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const t = performance.now();
    for (let i = 0; i < n; i++) {
      limiter.take([{ key: `ip:10.0.${i % 50}.1`, limit: 1e12 }]);
      limiter.take([{ key: `s:${createHash('sha256').update(`token-${i % 100}`).digest('hex').slice(0, 32)}`, limit: 1e12 }]);
    }
    best = Math.min(best, ((performance.now() - t) * 1000) / n);
  }
  return best;
}

interface Run {
  mode: 'on' | 'off';
  target: string;
  connections: number;
  rps: number;
  p50: number;
  p97_5: number;
  non2xx: number;
}

const TARGETS: { name: string; method: 'GET' | 'POST'; url: string; body?: string }[] = [
  { name: 'GET /api/auth/me', method: 'GET', url: '/api/auth/me' },
  { name: 'POST /api/persons/search', method: 'POST', url: '/api/persons/search', body: JSON.stringify({ query: 'an' }) },
];

async function measure(base: string, cookie: string, t: (typeof TARGETS)[number], connections: number, seconds: number) {
  const r = await autocannon({
    url: base + t.url,
    method: t.method,
    connections,
    duration: seconds,
    headers: { cookie, ...(t.body ? { 'content-type': 'application/json' } : {}) },
    body: t.body,
  });
  return { rps: r.requests.average, p50: r.latency.p50, p97_5: r.latency.p97_5, non2xx: r.non2xx + r.errors + r.timeouts };
}

export async function main(): Promise<void> {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, rounds: { type: 'string', default: '2' }, port: { type: 'string', default: '3510' } } });
  const seconds = Number(values.seconds);
  const rounds = Number(values.rounds);
  const port = Number(values.port);
  const dirs = { on: fs.mkdtempSync(path.join(os.tmpdir(), 'kontakt-rl-on-')), off: fs.mkdtempSync(path.join(os.tmpdir(), 'kontakt-rl-off-')) };
  const servers: Partial<Record<'on' | 'off', Server>> = {};
  try {
    // The bench's own setting (bench/lib.ts) keeps the limit on but out of reach; "off" switches it off.
    servers.on = await startServer({ dataDir: dirs.on, port });
    servers.off = await startServer({ dataDir: dirs.off, port: port + 1, env: { API_RATE_LIMIT_PER_SESSION: 'off', API_RATE_LIMIT_PER_IP: 'off' } });
    const cookies: Record<string, string> = {};
    for (const mode of ['on', 'off'] as const) {
      const c = new Client(servers[mode]!.base);
      await c.login('handlaggare.lss');
      cookies[mode] = c.cookie;
      // Warm up: the first requests compile queries and fill caches.
      for (const t of TARGETS) await measure(servers[mode]!.base, c.cookie, t, 10, 2);
    }
    const runs: Run[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const t of TARGETS) {
        for (const connections of [1, 100]) {
          const order: ('on' | 'off')[] = round % 2 === 0 ? ['on', 'off'] : ['off', 'on'];
          for (const mode of order) {
            const m = await measure(servers[mode]!.base, cookies[mode], t, connections, seconds);
            runs.push({ mode, target: t.name, connections, ...m });
            console.log(`round ${round + 1} ${t.name} ${connections} conn, limit ${mode}: ${Math.round(m.rps)} req/s, p50 ${m.p50} ms, p97.5 ${m.p97_5} ms${m.non2xx ? `, ${m.non2xx} not 2xx` : ''} (load ${os.loadavg()[0].toFixed(1)})`);
          }
        }
      }
    }
    const rows: (string | number)[][] = [];
    const summary: { label: string; value: string; target: string; ok: boolean | null }[] = [];
    for (const t of TARGETS) {
      for (const connections of [1, 100]) {
        const of = (mode: 'on' | 'off') => runs.filter((r) => r.mode === mode && r.target === t.name && r.connections === connections);
        const avg = (xs: Run[], f: (r: Run) => number) => xs.reduce((s, r) => s + f(r), 0) / xs.length;
        const on = avg(of('on'), (r) => r.rps);
        const off = avg(of('off'), (r) => r.rps);
        const cost = ((off - on) / off) * 100;
        rows.push([t.name, connections, `${Math.round(off)}/s`, `${Math.round(on)}/s`, `${cost.toFixed(1)} %`, `${avg(of('off'), (r) => r.p97_5).toFixed(1)} / ${avg(of('on'), (r) => r.p97_5).toFixed(1)} ms`]);
        summary.push({ label: `${t.name}, ${connections} connections: limit on vs off`, value: `${cost.toFixed(1)} % (${Math.round(on)} vs ${Math.round(off)} req/s)`, target: '< 5 %', ok: cost < 5 });
      }
    }
    const micros = perRequestMicros();
    console.log(`\nThe limiter in-process: ${micros.toFixed(1)} µs per request (best of 3 × 300 000).`);
    summary.push({ label: 'rate limiter in-process, per request', value: `${micros.toFixed(1)} µs`, target: '', ok: null });
    console.log(`\nPGlite, demo data, ${seconds} s per run, ${rounds} rounds, load average now ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
    console.log(table(['request', 'connections', 'limit off', 'limit on', 'cost', 'p97.5 off / on'], rows));
    fs.mkdirSync(OUT, { recursive: true });
    fs.writeFileSync(path.join(OUT, 'rate-limit.json'), JSON.stringify(runs, null, 2));
    writeSummary('rate-limit', summary.map((s) => ({ measure: s.label, value: s.value, target: s.target, ok: s.ok })));
  } finally {
    for (const s of Object.values(servers)) await s?.stop();
    for (const d of Object.values(dirs)) fs.rmSync(d, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await main();
