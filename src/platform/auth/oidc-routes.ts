// Single sign-on routes: where the login page sends the browser, and where the provider sends it back.
// Both are top-level navigations, so both answer with redirects: a refusal goes to the login page with its code
// (the page shows the code's Swedish message), never to an address from outside.
import { z } from 'zod';
import type { Api, AppDeps } from '../http/route-kit';
import { AppError, type ErrorCode } from '../errors';
import { errorResponse, safeString } from '../validation';
import { finishOidcLogin, OIDC_COOKIE, startOidcLogin } from './oidc';
import { OIDC_LOGIN_MINUTES } from './rules';
import { sessionCookieOptions, SESSION_COOKIE } from './sessions';

export const signInOptionsOut = z.object({
  /** Single sign-on is configured: the page shows "Logga in med kommunens konto". */
  oidc: z.boolean(),
  /** Staff may sign in with a password (false: the form is for contact persons only). */
  localPasswords: z.boolean(),
});

const OIDC_PATH = '/api/auth/oidc';

export function registerOidcRoutes(api: Api, deps: AppDeps) {
  const anonymous = (req: { id: string; ip: string }) => ({ db: deps.db, clock: deps.clock, config: deps.config, actor: null, requestId: req.id, clientIp: req.ip });

  api.get(
    '/api/auth/sign-in-options',
    { config: { access: 'public' }, schema: { tags: ['Inloggning'], summary: 'Vilka sätt att logga in som finns', response: { 200: signInOptionsOut } } },
    async () => ({ oidc: deps.config.oidc !== null, localPasswords: deps.config.localPasswords }),
  );

  api.get(
    `${OIDC_PATH}/start`,
    {
      config: { access: 'public' },
      schema: { tags: ['Inloggning'], summary: 'Logga in med kommunens konto (skickar vidare till kommunens inloggning)', querystring: z.object({ next: safeString().max(2000, { message: 'Adressen är för lång.' }).regex(/^\/(?!\/)/, { message: 'Adressen ska vara en sida i Kontakt och börja med /.' }).optional() }), response: { 404: errorResponse } },
    },
    async (req, reply) => {
      const { token, url } = await startOidcLogin(anonymous(req), req.query.next);
      // Lax, not Strict: the provider sends the browser back here from its own site.
      reply.setCookie(OIDC_COOKIE, token, { ...sessionCookieOptions(req, deps.config), sameSite: 'lax', path: OIDC_PATH, maxAge: OIDC_LOGIN_MINUTES * 60 });
      return reply.redirect(url, 303);
    },
  );

  api.get(`${OIDC_PATH}/callback`, { config: { access: 'public' }, schema: { tags: ['Inloggning'], summary: 'Svar från kommunens inloggning' } }, async (req, reply) => {
    reply.clearCookie(OIDC_COOKIE, { path: OIDC_PATH });
    // The address the provider was asked to return to, with the query the browser brought: never the Host header.
    const callbackUrl = new URL(deps.config.oidc?.redirectUrl ?? 'http://localhost/');
    callbackUrl.search = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
    try {
      const { token, returnTo } = await finishOidcLogin(anonymous(req), req.cookies[OIDC_COOKIE], callbackUrl);
      reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(req, deps.config));
      return reply.redirect(returnTo, 303);
    } catch (e) {
      const code: ErrorCode = e instanceof AppError ? e.code : 'OIDC_FAILED';
      if (!(e instanceof AppError)) req.log.error({ err: { type: (e as Error).name } }, 'single sign-on failed');
      return reply.redirect(`/logga-in?inloggningsfel=${code}`, 303);
    }
  });
}
