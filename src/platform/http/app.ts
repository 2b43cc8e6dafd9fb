// The HTTP application: plugins, the auth + policy gate, error mapping, and the routes of the areas it is given.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { trustProxyOption } from '../config';
import { ping } from '../db/connect';
import { AppError, describeError, ERROR_CODES, isDatabaseUnavailable, type ErrorCode } from '../errors';
import { errorResponse } from '../validation';
import { can } from '../policy/permissions';
import { hashToken, resolveSession, SESSION_COOKIE, type SessionActor } from '../auth/sessions';
import { ApiRateLimiter } from './rate-limit';
import { describeAccess, type Access } from './access';
import { registerAuthRoutes, type DemoAccount } from '../auth/routes';
import { registerNotificationRoutes } from '../notifications/routes';
import { installAreas, type Area } from '../areas';
import type { AppDeps } from './route-kit';

declare module 'fastify' {
  interface FastifyRequest {
    actor: SessionActor | null;
  }
  interface FastifyInstance {
    /** The general API rate limit's counters (ADR 015); tests flush them to share counts between instances. */
    rateLimiter: ApiRateLimiter;
  }
}

/** What the app is built from: the platform's dependencies, the areas (src/areas.ts) and, in demo mode, the demo logins. */
export interface AppOptions extends AppDeps {
  areas: readonly Area[];
  demoAccounts?: readonly DemoAccount[];
}

function send(reply: FastifyReply, req: FastifyRequest, code: ErrorCode, extra: { message?: string; fields?: { path: string; message: string }[] } = {}) {
  const [status, message] = ERROR_CODES[code];
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send({ code, message: extra.message ?? message, requestId: req.id, ...(extra.fields ? { fields: extra.fields } : {}) });
}

/** Log lines carry method, route pattern and status only: never a URL with ids or queries, never a body. */
const logSerializers = {
  req: (req: FastifyRequest) => ({ method: req.method, route: req.routeOptions?.url ?? 'unmatched', id: req.id }),
  res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
};

export async function buildApp(appOptions: AppOptions): Promise<FastifyInstance> {
  const { areas, demoAccounts = [], ...deps } = appOptions;
  const { config } = deps;
  installAreas(areas);
  const options: FastifyServerOptions = {
    logger:
      deps.logger === false
        ? false
        : ({ level: config.logLevel, serializers: logSerializers, ...(typeof deps.logger === 'object' ? deps.logger : {}) } as FastifyServerOptions['logger']),
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: trustProxyOption(config.trustProxy),
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 100 },
    // Errors Fastify raises before routing (malformed URL, over-long parameter) also answer in Swedish.
    frameworkErrors: (_err, req, reply) => {
      send(reply, req, 'BAD_REQUEST');
    },
  };
  const app = Fastify(options);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('actor', null);
  // The API speaks JSON only: anything else is 415, not a string body for the schema to puzzle over.
  app.removeContentTypeParser('text/plain');

  const table: RouteAccess[] = [];
  app.decorate('routeAccessTable', table);
  app.addHook('onRoute', (route) => {
    const url = route.url ?? '';
    // Pages, static files and the API docs are public; every other /api route must say who may call it.
    if (!url.startsWith('/api') || url.startsWith('/api/docs')) {
      route.config = { ...(route.config ?? {}), access: 'public' } as typeof route.config;
    }
    const access = (route.config as { access?: Access } | undefined)?.access;
    if (!access) throw new Error(`Route ${String(route.method)} ${url} declares no access (config.access)`);
    for (const m of ([] as string[]).concat(route.method as string | string[])) table.push({ method: m, url, access: describeAccess(access) });
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Our own files, and the one fixed <style> react-aria's usePress adds (touch-action on pressables), by its
        // hash: a new react-aria that changes it is caught by the e2e journeys' CSP check.
        styleSrc: ["'self'", "'sha256-38RhXrc7EdReTKsOm23ZPOCUgniTUUcjky8QOOrQx6o='"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.production ? undefined : false,
  });
  // Kontakt uses none of the browser's powerful features; a file picker (receipts) needs no permission.
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=()');
    return payload;
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Kontakt API', description: 'Ärendesystem för kontaktpersoner (LSS 9 § 4 och socialtjänstlagen).', version: '0.1.0' },
      servers: [{ url: '/', description: 'Den här servern' }],
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    // Every operation gets a stable camelCase operationId derived from method and path (clients are generated from it).
    // Any operation can answer a Swedish { code, message } 4XX (bad request, not signed in): say so where a route lists only successes.
    transform: (arg) => {
      const response = arg.schema?.response as Record<string, unknown> | undefined;
      const withErrors = response && !Object.keys(response).some((k) => k.startsWith('4')) ? { ...arg.schema, response: { ...response, '4XX': errorResponse } } : arg.schema;
      const out = jsonSchemaTransform({ ...arg, schema: withErrors });
      const method = ([] as string[]).concat(arg.route.method as string | string[])[0];
      return { ...out, schema: { operationId: operationIdOf(method, arg.url), ...out.schema } };
    },
  });
  // The browsable docs: swagger-ui sets inline styles, which its default CSP (style-src without 'unsafe-inline')
  // refuses; it gets the app's own policy instead, and no calls to the external validator.
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP:
      "default-src 'self'; base-uri 'self'; script-src 'self'; script-src-attr 'none'; style-src 'self' 'unsafe-inline'; " +
      "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'",
    uiConfig: { validatorUrl: null },
  });

  const limiter = new ApiRateLimiter(deps.db, deps.clock, config.apiRateLimit, (e) =>
    app.log.error({ ...describeError(e) }, 'rate-limit flush failed'),
  );
  app.decorate('rateLimiter', limiter);
  app.addHook('onReady', async () => limiter.start());
  app.addHook('onClose', async () => limiter.stop());
  const { perIp, perSession } = config.apiRateLimit;
  const refuse = (reply: FastifyReply, req: FastifyRequest, retryAfter: number) => {
    reply.header('retry-after', String(retryAfter));
    return send(reply, req, 'RATE_LIMITED');
  };

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
    const access = req.routeOptions.config?.access;
    // Pages and assets set their own caching (see the static files below); API answers are never stored.
    if (!isApiPath(req.url)) return;
    reply.header('cache-control', 'no-store');
    // A second line against cross-site request forgery, behind SameSite=Strict and JSON-only bodies.
    if (crossSite(req)) return send(reply, req, 'CROSS_SITE_REQUEST');
    // The general rate limit: per client address before the session is looked up, then per session. Health
    // checks (load balancers) are not counted.
    const limited = limiter.enabled && req.routeOptions.url !== '/api/health';
    if (limited && perIp !== null) {
      const r = limiter.take([{ key: `ip:${req.ip}`, limit: perIp }]);
      if (!r.allowed) return refuse(reply, req, r.retryAfter);
    }
    const token = req.cookies[SESSION_COOKIE];
    if (token) req.actor = await resolveSession(deps.db, token, deps.clock.now(), config.sessionIdleMinutes);
    if (limited && perSession !== null && token && req.actor) {
      const r = limiter.take([{ key: `s:${hashToken(token).slice(0, 32)}`, limit: perSession }]);
      if (!r.allowed) return refuse(reply, req, r.retryAfter);
    }
    if (access === 'public' || access === undefined) return;
    if (!req.actor) return send(reply, req, 'UNAUTHENTICATED');
    if (access !== 'authenticated' && !can(req.actor, access.permission)) return send(reply, req, 'FORBIDDEN');
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) return send(reply, req, err.code, { message: err.message, fields: err.fields });
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v) => ({ path: v.instancePath.replace(/^\//, '').replace(/\//g, '.'), message: v.message ?? 'Ogiltigt värde.' }));
      return send(reply, req, 'VALIDATION_FAILED', { fields });
    }
    const status = err.statusCode ?? 500;
    if (status === 413) return send(reply, req, 'PAYLOAD_TOO_LARGE', { message: req.routeOptions.config?.payloadTooLargeMessage });
    if (status === 415) return send(reply, req, 'UNSUPPORTED_MEDIA_TYPE');
    if (status === 404) return send(reply, req, 'NOT_FOUND');
    if (status === 429) return send(reply, req, 'TOO_MANY_ATTEMPTS');
    if (status >= 400 && status < 500) return send(reply, req, 'BAD_REQUEST');
    // The database stopped, restarting or out of reach: a clean 503 the client can retry, never a 500. The pool
    // reconnects by itself when it is back (src/platform/db/connect.ts).
    if (isDatabaseUnavailable(err)) {
      req.log.warn({ ...describeError(err), route: req.routeOptions?.url }, 'database unavailable');
      reply.header('retry-after', '5');
      return send(reply, req, 'DATABASE_UNAVAILABLE');
    }
    // Only the error's class, code and SQLSTATE (along the cause chain): messages of database errors can quote personal data.
    req.log.error({ ...describeError(err), route: req.routeOptions?.url }, 'unexpected error');
    return send(reply, req, 'INTERNAL');
  });

  // The web app: hashed assets (and their .br/.gz made at build time) cached for a year, everything else
  // (index.html) revalidated on every load. Every GET outside /api that is not a file is the app's index.html,
  // and the app routes it (with its own "Sidan finns inte").
  const hasWeb = fs.existsSync(path.join(config.webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: config.webDist,
      // One route per built file: a folder or a missing file falls through to the not-found handler below.
      wildcard: false,
      index: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        const hashed = path.relative(config.webDist, filePath).split(path.sep)[0] === 'assets';
        reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (isApiPath(req.url)) return send(reply, req, 'ROUTE_NOT_FOUND');
    reply.header('cache-control', 'no-store');
    // A missing file (an old hashed asset, /favicon.ico) is a 404, never the HTML shell (the browser would refuse it as script).
    if (!hasWeb || (req.method !== 'GET' && req.method !== 'HEAD') || looksLikeFile(req.url)) {
      return reply.code(404).type('text/plain; charset=utf-8').send('Sidan finns inte.');
    }
    return reply.sendFile('index.html');
  });

  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/api/health', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) => {
    try {
      await ping(deps.db);
      return { status: 'ok' };
    } catch {
      return send(reply, _req, 'DATABASE_UNAVAILABLE');
    }
  });
  api.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  registerAuthRoutes(api, deps, demoAccounts);
  registerNotificationRoutes(api, deps);
  for (const area of areas) area.routes?.(api, deps);
  return app;
}

/** `/api` and everything under it (not `/apix`). */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A state-changing request a browser sent from another site: Sec-Fetch-Site says so (every current browser sends
 * it), or, from an older browser, an Origin whose host is not this one. Requests without either header come from
 * programs, not from a page in a browser, and carry no ambient cookie risk beyond what the session already allows.
 */
function crossSite(req: { method: string; headers: Record<string, string | string[] | undefined>; host: string }): boolean {
  if (SAFE_METHODS.has(req.method)) return false;
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string') return site !== 'same-origin' && site !== 'none';
  const origin = req.headers.origin;
  if (typeof origin !== 'string') return false;
  try {
    return origin === 'null' || new URL(origin).host !== req.host;
  } catch {
    return true;
  }
}

function isApiPath(url: string): boolean {
  return /^\/api(?:[/?#]|$)/.test(url);
}

/** A request for a file rather than a page: anything under /assets/, or a last segment with an extension. */
function looksLikeFile(url: string): boolean {
  const pathname = url.split(/[?#]/)[0];
  return /^\/assets\/./.test(pathname) || /\/[^/]*\.[A-Za-z0-9]+$/.test(pathname);
}

/** `GET /api/cases/:id/acknowledge` → `getCasesByIdAcknowledge`: stable, unique per method and path. */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api(?=\/|$)/, '')
    .split('/')
    .filter(Boolean)
    .flatMap((seg) => (seg.startsWith(':') || seg.startsWith('{') ? ['by', ...seg.replace(/[:{}]/g, '').split(/[-_]/)] : seg.split(/[-_.]/)));
  const cap = (w: string) => (w ? w[0].toUpperCase() + w.slice(1) : '');
  return method.toLowerCase() + words.map(cap).join('');
}

export interface RouteAccess {
  method: string;
  url: string;
  access: string;
}

/** For the route-table test and docs: every route with its declared access. */
export function routeTable(app: FastifyInstance): RouteAccess[] {
  return (app as unknown as { routeAccessTable: RouteAccess[] }).routeAccessTable;
}
