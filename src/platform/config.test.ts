import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to demo mode on port 3000 with ./data', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, demo: true, production: false, sessionIdleMinutes: 30, databaseUrl: null });
    expect(c.dataDir.endsWith('/data')).toBe(true);
  });
  it('never seeds demo users in production, even when asked', () => {
    expect(loadConfig({ NODE_ENV: 'production', DEMO: '1' }).demo).toBe(false);
  });
  it('reads PORT, DATA_DIR, DATABASE_URL and the session timeout', () => {
    const c = loadConfig({ PORT: '4000', DATA_DIR: '/tmp/x', DATABASE_URL: 'postgres://h/db', SESSION_IDLE_MINUTES: '15', DEMO: '0' });
    expect(c).toMatchObject({ port: 4000, dataDir: '/tmp/x', databaseUrl: 'postgres://h/db', sessionIdleMinutes: 15, demo: false });
  });
  it('refuses nonsense numbers', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
  });
});
