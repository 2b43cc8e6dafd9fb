// Configuration from the environment, read once at start. Everything a municipality changes
// at run time (rates, texts, legal bases) lives in the database instead.
import net from 'node:net';
import path from 'node:path';
import { ROLES, type Role } from './rules';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | null;
  /**
   * PostgreSQL only: the role that owns the tables and runs the migrations at start. When given,
   * the app migrates with it and then serves with `databaseUrl`, a role that may only read and
   * append to the audit log (see src/platform/db/roles.ts).
   */
  migrationDatabaseUrl: string | null;
  dataDir: string;
  production: boolean;
  /** Seed "Demo kommun" with demo users on an empty database. Never in production. */
  demo: boolean;
  sessionIdleMinutes: number;
  /**
   * Which proxies' X-Forwarded-* headers are believed (client address, https): false (none), the
   * number of proxy hops in front of the app, or the proxies' addresses/CIDRs. Fastify's `trustProxy`.
   */
  trustProxy: TrustProxy;
  /** Login attempts allowed per client address per 15 minutes. */
  loginAttemptsPerIp: number;
  /** The general API rate limit, shared by every instance through the database (ADR 015). */
  apiRateLimit: ApiRateLimitConfig;
  logLevel: string;
  webDist: string;
  /**
   * The e-mail server notifications are sent through (nodemailer connection URL, e.g.
   * smtps://user:password@mail.kommun.se:465). Unset: nothing is sent, and the administrator's outbox page shows
   * what would have been.
   */
  smtpUrl: string | null;
  /** The sender of notification e-mails (MAIL_FROM). */
  mailFrom: string;
  /** The address users reach Kontakt at (PUBLIC_URL), for the link in notification e-mails. */
  publicUrl: string;
  /** Single sign-on for staff (OpenID Connect); null when OIDC_ISSUER is unset. See README "Single sign-on". */
  oidc: OidcConfig | null;
  /**
   * LOCAL_PASSWORDS=off: staff may sign in only through OIDC; the password API then answers 403
   * LOCAL_PASSWORDS_OFF to every account but the contact persons' portal accounts (role kontaktperson).
   */
  localPasswords: boolean;
}

export interface ApiRateLimitConfig {
  /** The fixed window the counts are kept in (API_RATE_LIMIT_WINDOW_SECONDS, default 60). */
  windowSeconds: number;
  /** Requests per signed-in session per window (API_RATE_LIMIT_PER_SESSION, default 600; "off": no limit). */
  perSession: number | null;
  /** Requests per client address per window, signed in or not (API_RATE_LIMIT_PER_IP, default 3000; "off": no limit). */
  perIp: number | null;
  /** How often each instance adds its counts to the shared table and reads the totals back (API_RATE_LIMIT_FLUSH_MS, default 1000). */
  flushMs: number;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back: OIDC_REDIRECT_URL, default PUBLIC_URL + /api/auth/oidc/callback. */
  redirectUrl: string;
  /** The claim that names the user's groups (OIDC_ROLE_CLAIM, default "groups"): a string or a list of strings. */
  roleClaim: string;
  /** The claim the unit is read from (OIDC_UNIT_CLAIM, default the role claim). */
  unitClaim: string;
  /** The claim that becomes the username of a new user (OIDC_USERNAME_CLAIM, default preferred_username; then email, then sub). */
  usernameClaim: string;
  /** Claim value → role (OIDC_ROLE_MAP "kontakt-handlaggare=handlaggare,kontakt-admin=administrator"). */
  roleMap: Record<string, Role>;
  /** Claim value → unit name (OIDC_UNIT_MAP "kontakt-lss=LSS-enheten,kontakt-sol=SoL-enheten"). */
  unitMap: Record<string, string>;
  /** http:// issuers allowed (OIDC_ALLOW_HTTP=1): only for a provider on loopback in tests and development. */
  allowHttp: boolean;
}

export type TrustProxy = false | number | string[];

/** proxy-addr's names for address ranges, accepted besides addresses and CIDRs. */
const RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * TRUST_PROXY: unset/0/false → trust no proxy; an integer n → n proxy hops (1 = the address the one
 * proxy in front of the app appended to X-Forwarded-For); otherwise a comma-separated list of the
 * proxies' addresses or CIDRs. "true" is refused: it would believe an X-Forwarded-For the client wrote.
 */
export function parseTrustProxy(v: string | undefined): TrustProxy {
  const raw = (v ?? '').trim();
  if (raw === '' || raw === '0' || raw.toLowerCase() === 'false') return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  if (raw.toLowerCase() === 'true') {
    throw new Error('TRUST_PROXY=true would trust any X-Forwarded-For a client writes: give the number of proxy hops (e.g. 1) or the proxies\' addresses/CIDRs');
  }
  const list = raw.split(',').map((x) => x.trim()).filter(Boolean);
  for (const entry of list) {
    const [addr, bits, ...rest] = entry.split('/');
    const family = net.isIP(addr);
    const okBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!(RANGE_NAMES.includes(entry) || (family !== 0 && okBits && rest.length === 0))) {
      throw new Error(`TRUST_PROXY: "${entry}" is neither a number of hops nor an IP address or CIDR`);
    }
  }
  return list;
}

/**
 * The form Fastify's `trustProxy` takes. A hop count becomes a function: Fastify 5 ignores a bare number
 * (it trusts nothing then). With n hops, the socket peer and the n-1 entries before it (right to left) are
 * proxies; the entry before those, which the outermost proxy appended, is the client's address.
 */
export function trustProxyOption(tp: TrustProxy): false | string[] | ((addr: string, hop: number) => boolean) {
  if (typeof tp === 'number') return (_addr, hop) => hop < tp;
  return tp;
}

function int(v: string | undefined, fallback: number, name: string): number {
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer`);
  return n;
}

/** At most a day: maintenance removes counters older than that. */
function windowSeconds(v: string | undefined): number {
  const n = int(v, 60, 'API_RATE_LIMIT_WINDOW_SECONDS');
  if (n > 86_400) throw new Error('API_RATE_LIMIT_WINDOW_SECONDS may be at most 86400 (a day)');
  return n;
}

/** A limit that may be switched off: "off" (or 0) → null. */
function limit(v: string | undefined, fallback: number, name: string): number | null {
  const raw = (v ?? '').trim().toLowerCase();
  if (raw === 'off' || raw === '0') return null;
  return int(raw, fallback, name);
}

function migrationUrl(env: NodeJS.ProcessEnv): string | null {
  const url = env.MIGRATION_DATABASE_URL || null;
  if (url && !env.DATABASE_URL) throw new Error('MIGRATION_DATABASE_URL needs DATABASE_URL too (the runtime role the app serves with)');
  return url;
}

function smtpUrl(v: string | undefined): string | null {
  if (!v) return null;
  const url = URL.canParse(v) ? new URL(v) : null;
  if (url?.protocol !== 'smtp:' && url?.protocol !== 'smtps:') throw new Error('SMTP_URL must be an address such as smtp://mail.example.se:587 or smtps://user:password@mail.example.se:465');
  return v;
}

function publicUrl(v: string | undefined, host: string, port: number): string {
  if (!v) return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const url = URL.canParse(v) ? new URL(v) : null;
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') throw new Error('PUBLIC_URL must be an address starting with http:// or https://');
  return v.replace(/\/+$/, '');
}

/** "a=b,c=d" (either side trimmed; values may not repeat a key) → { a: 'b', c: 'd' }. */
export function parseClaimMap(v: string | undefined, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (v ?? '').split(',').map((x) => x.trim()).filter(Boolean)) {
    const at = pair.lastIndexOf('=');
    const key = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    if (at <= 0 || !key || !value) throw new Error(`${name}: "${pair}" is not claim-value=target`);
    if (key in out) throw new Error(`${name}: "${key}" is given twice`);
    out[key] = value;
  }
  return out;
}

function oidcConfig(env: NodeJS.ProcessEnv, publicUrlValue: string): OidcConfig | null {
  const issuer = env.OIDC_ISSUER || null;
  if (!issuer) {
    if (env.OIDC_CLIENT_ID || env.OIDC_CLIENT_SECRET) throw new Error('OIDC_CLIENT_ID/OIDC_CLIENT_SECRET need OIDC_ISSUER too');
    return null;
  }
  const allowHttp = env.OIDC_ALLOW_HTTP === '1' || env.OIDC_ALLOW_HTTP === 'true';
  const url = URL.canParse(issuer) ? new URL(issuer) : null;
  if (url?.protocol !== 'https:' && !(allowHttp && url?.protocol === 'http:')) throw new Error('OIDC_ISSUER must be an https:// address (http:// only with OIDC_ALLOW_HTTP=1, for a test provider)');
  if (!env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) throw new Error('OIDC_ISSUER needs OIDC_CLIENT_ID and OIDC_CLIENT_SECRET');
  const roles = parseClaimMap(env.OIDC_ROLE_MAP, 'OIDC_ROLE_MAP');
  for (const [k, r] of Object.entries(roles)) {
    if (!(ROLES as readonly string[]).includes(r) || r === 'kontaktperson') throw new Error(`OIDC_ROLE_MAP: "${k}" maps to "${r}", which is no staff role (${ROLES.filter((x) => x !== 'kontaktperson').join(', ')})`);
  }
  if (Object.keys(roles).length === 0) throw new Error('OIDC_ISSUER needs OIDC_ROLE_MAP (claim value=role, comma-separated)');
  const redirectUrl = env.OIDC_REDIRECT_URL || `${publicUrlValue}/api/auth/oidc/callback`;
  if (!URL.canParse(redirectUrl)) throw new Error('OIDC_REDIRECT_URL must be an absolute address');
  const roleClaim = env.OIDC_ROLE_CLAIM || 'groups';
  return {
    issuer,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    redirectUrl,
    roleClaim,
    unitClaim: env.OIDC_UNIT_CLAIM || roleClaim,
    usernameClaim: env.OIDC_USERNAME_CLAIM || 'preferred_username',
    roleMap: roles as Record<string, Role>,
    unitMap: parseClaimMap(env.OIDC_UNIT_MAP, 'OIDC_UNIT_MAP'),
    allowHttp,
  };
}

function localPasswords(v: string | undefined, oidc: OidcConfig | null): boolean {
  const raw = (v ?? 'on').trim().toLowerCase();
  if (raw === 'on' || raw === '1' || raw === 'true') return true;
  if (raw !== 'off' && raw !== '0' && raw !== 'false') throw new Error('LOCAL_PASSWORDS must be on or off');
  if (!oidc) throw new Error('LOCAL_PASSWORDS=off needs single sign-on (OIDC_ISSUER): staff could not sign in at all');
  return false;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const demoFlag = env.DEMO;
  const port = int(env.PORT, 3000, 'PORT');
  const host = env.HOST || '127.0.0.1';
  const publicUrlValue = publicUrl(env.PUBLIC_URL, host, port);
  const oidc = oidcConfig(env, publicUrlValue);
  return {
    port,
    host,
    databaseUrl: env.DATABASE_URL || null,
    migrationDatabaseUrl: migrationUrl(env),
    dataDir: path.resolve(env.DATA_DIR || 'data'),
    production,
    demo: !production && demoFlag !== '0' && demoFlag !== 'false',
    sessionIdleMinutes: int(env.SESSION_IDLE_MINUTES, 30, 'SESSION_IDLE_MINUTES'),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    loginAttemptsPerIp: int(env.LOGIN_ATTEMPTS_PER_IP, 30, 'LOGIN_ATTEMPTS_PER_IP'),
    apiRateLimit: {
      windowSeconds: windowSeconds(env.API_RATE_LIMIT_WINDOW_SECONDS),
      perSession: limit(env.API_RATE_LIMIT_PER_SESSION, 600, 'API_RATE_LIMIT_PER_SESSION'),
      perIp: limit(env.API_RATE_LIMIT_PER_IP, 3000, 'API_RATE_LIMIT_PER_IP'),
      flushMs: int(env.API_RATE_LIMIT_FLUSH_MS, 1000, 'API_RATE_LIMIT_FLUSH_MS'),
    },
    logLevel: env.LOG_LEVEL || (env.NODE_ENV === 'test' ? 'warn' : 'info'),
    webDist: path.resolve(env.WEB_DIST || 'web/dist'),
    smtpUrl: smtpUrl(env.SMTP_URL),
    mailFrom: env.MAIL_FROM || 'Kontakt <noreply@localhost>',
    publicUrl: publicUrlValue,
    oidc,
    localPasswords: localPasswords(env.LOCAL_PASSWORDS, oidc),
  };
}
