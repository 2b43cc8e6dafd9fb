// Sign in, sign out, who am I, and (demo mode only) the demo logins.
import { eq } from 'drizzle-orm';
import { contextOf, type Api, type AppDeps } from '../http/route-kit';
import { errorResponse } from '../validation';
import { municipality, units, users } from '../tables';
import { permissionsOf } from '../policy/permissions';
import { roleLabel, type Role } from '../rules';
import { writeUseCase } from '../db/transaction';
import { recordAudit } from '../audit/record';
import { demoAccountsOut, loginBody, meOut, sessionOut, type MeOut } from './schema';
import { logIn } from './log-in';
import { registerOidcRoutes } from './oidc-routes';
import { deleteSession, sessionCookieOptions, sessionNotice, SESSION_COOKIE, type FailedAttemptsNotice } from './sessions';

async function presentMe(deps: AppDeps, userId: string, notice: FailedAttemptsNotice): Promise<MeOut> {
  const [row] = await deps.db
    .select({ user: users, unitName: units.name })
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, userId));
  const [m] = await deps.db.select({ name: municipality.name }).from(municipality);
  const role = row.user.role;
  return {
    user: {
      id: row.user.id,
      username: row.user.username,
      displayName: row.user.displayName,
      role,
      roleLabel: roleLabel[role],
      unit: row.user.unitId ? { id: row.user.unitId, name: row.unitName ?? '' } : null,
    },
    permissions: permissionsOf(role),
    municipalityName: m?.name ?? 'Kommunen',
    demoMode: deps.config.demo,
    sessionIdleMinutes: deps.config.sessionIdleMinutes,
    failedAttemptsSinceLastLogin: notice.failedAttemptsBefore,
    lastFailedAttemptAt: notice.lastFailedAttemptAt ? notice.lastFailedAttemptAt.toISOString() : null,
  };
}

/** A demo login shown on the sign-in page in demo mode (the data is src/demo/, given to buildApp). */
export interface DemoAccount {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  unitName: string | null;
}

export function registerAuthRoutes(api: Api, deps: AppDeps, demoAccounts: readonly DemoAccount[]) {
  const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 429: errorResponse };
  registerOidcRoutes(api, deps);
  api.post(
    '/api/auth/login',
    { config: { access: 'public' }, schema: { tags: ['Inloggning'], summary: 'Logga in', body: loginBody, response: { 200: meOut, ...errors } } },
    async (req, reply) => {
      const { token, userId } = await logIn({ db: deps.db, clock: deps.clock, config: deps.config, actor: null, requestId: req.id, clientIp: req.ip }, req.body);
      reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(req, deps.config));
      return presentMe(deps, userId, await sessionNotice(deps.db, token));
    },
  );
  api.post('/api/auth/logout', { config: { access: 'public' }, schema: { tags: ['Inloggning'], summary: 'Logga ut' } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      await writeUseCase(deps, async (tx) => {
        await deleteSession(tx, token);
        if (req.actor) await recordAudit(tx, { actor: req.actor, requestId: req.id, clock: deps.clock }, { action: 'auth.logout', entityType: 'user', entityId: req.actor.id });
      });
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });
  api.get('/api/auth/me', { config: { access: 'authenticated' }, schema: { tags: ['Inloggning'], summary: 'Inloggad användare', response: { 200: meOut, 401: errorResponse } } }, async (req) => {
    return presentMe(deps, contextOf(req, deps).actor.id, await sessionNotice(deps.db, req.cookies[SESSION_COOKIE] ?? ''));
  });
  api.get(
    '/api/auth/session',
    { config: { access: 'public' }, schema: { tags: ['Inloggning'], summary: 'Inloggad användare, eller null före inloggning', response: { 200: sessionOut } } },
    async (req) => ({ me: req.actor ? await presentMe(deps, req.actor.id, await sessionNotice(deps.db, req.cookies[SESSION_COOKIE] ?? '')) : null }),
  );
  api.get(
    '/api/auth/demo-accounts',
    { config: { access: 'public' }, schema: { tags: ['Inloggning'], summary: 'Demokonton (tom lista utom i demoläge)', response: { 200: demoAccountsOut } } },
    async () => {
      // Outside demo mode an empty list: the login page asks on every visit, and that is no error.
      if (!deps.config.demo) return { accounts: [] };
      return {
        accounts: demoAccounts.map((u) => ({ username: u.username, password: u.password, displayName: u.displayName, roleLabel: roleLabel[u.role], unitName: u.unitName })),
      };
    },
  );
}
