import { describe, expect, it } from 'vitest';
import { loadConfig, parseTrustProxy } from './config';

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
  it('reads MIGRATION_DATABASE_URL only together with DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://app@h/db', MIGRATION_DATABASE_URL: 'postgres://owner@h/db' }).migrationDatabaseUrl).toBe('postgres://owner@h/db');
    expect(loadConfig({}).migrationDatabaseUrl).toBeNull();
    expect(() => loadConfig({ MIGRATION_DATABASE_URL: 'postgres://owner@h/db' })).toThrow(/DATABASE_URL/);
  });
  it('reads SMTP_URL, MAIL_FROM and PUBLIC_URL for notification e-mail (none by default)', () => {
    expect(loadConfig({})).toMatchObject({ smtpUrl: null, mailFrom: 'Kontakt <noreply@localhost>', publicUrl: 'http://127.0.0.1:3000' });
    const c = loadConfig({ SMTP_URL: 'smtps://u:p@mail.kommun.se:465', MAIL_FROM: 'Kontakt <kontakt@kommun.se>', PUBLIC_URL: 'https://kontakt.kommun.se/' });
    expect(c).toMatchObject({ smtpUrl: 'smtps://u:p@mail.kommun.se:465', mailFrom: 'Kontakt <kontakt@kommun.se>', publicUrl: 'https://kontakt.kommun.se' });
    expect(() => loadConfig({ SMTP_URL: 'http://mail.kommun.se' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ SMTP_URL: 'inte en adress' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ PUBLIC_URL: 'kontakt.kommun.se' })).toThrow(/PUBLIC_URL/);
  });
});

describe('TRUST_PROXY names what is trusted', () => {
  it('trusts no proxy by default', () => {
    for (const v of [undefined, '', '0', 'false']) expect(parseTrustProxy(v)).toBe(false);
  });
  it('reads an integer as the number of proxy hops (1 = one proxy, never "everything")', () => {
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('2')).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
  });
  it('reads the proxies\' addresses and CIDRs', () => {
    expect(parseTrustProxy('10.0.0.5, 10.1.0.0/16,fd00::/8,loopback')).toEqual(['10.0.0.5', '10.1.0.0/16', 'fd00::/8', 'loopback']);
  });
  it('refuses "true", which would believe the client\'s own X-Forwarded-For, and nonsense', () => {
    expect(() => parseTrustProxy('true')).toThrow(/hops/);
    expect(() => parseTrustProxy('proxy.example')).toThrow(/TRUST_PROXY/);
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow(/TRUST_PROXY/);
  });
});
