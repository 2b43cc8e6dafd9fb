// Configuration from the environment, read once at start. Everything a municipality changes
// at run time (rates, texts, legal bases) lives in the database instead.
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  production: boolean;
  /** Seed "Demo kommun" with demo users on an empty database. Never in production. */
  demo: boolean;
  sessionIdleMinutes: number;
  /** Behind a load balancer/TLS terminator: trust X-Forwarded-* (client address, https). */
  trustProxy: boolean;
  /** Login attempts allowed per client address per 15 minutes. */
  loginAttemptsPerIp: number;
  logLevel: string;
  webDist: string;
}

function int(v: string | undefined, fallback: number, name: string): number {
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const demoFlag = env.DEMO;
  return {
    port: int(env.PORT, 3000, 'PORT'),
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || null,
    dataDir: path.resolve(env.DATA_DIR || 'data'),
    production,
    demo: !production && demoFlag !== '0' && demoFlag !== 'false',
    sessionIdleMinutes: int(env.SESSION_IDLE_MINUTES, 30, 'SESSION_IDLE_MINUTES'),
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    loginAttemptsPerIp: int(env.LOGIN_ATTEMPTS_PER_IP, 30, 'LOGIN_ATTEMPTS_PER_IP'),
    logLevel: env.LOG_LEVEL || (env.NODE_ENV === 'test' ? 'warn' : 'info'),
    webDist: path.resolve(env.WEB_DIST || 'web/dist'),
  };
}
