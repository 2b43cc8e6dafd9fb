// Single sign-on for staff through the municipality's OpenID provider (openid-client): the authorization code flow
// with PKCE, state and nonce. The user is found by the provider's subject, or made just in time; role and unit
// follow the claims at every sign-in. What follows the sign-in is the app's own database session, as after a
// password. ADR: docs/decisions/014-single-sign-on-oidc.md
import { randomBytes } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import * as oidcClient from 'openid-client';
import type { OidcConfig } from '../config';
import type { AnonymousContext } from '../context';
import { AppError } from '../errors';
import { writeUseCase } from '../db/transaction';
import { oidcLogins, units, users } from '../tables';
import { recordAudit } from '../audit/record';
import type { AuditDetails } from '../audit/actions';
import { claimValues, mapOidcClaims, OIDC_LOGIN_MINUTES, oidcUsername, safeReturnPath } from './rules';
import { createSession, hashToken } from './sessions';
import type { SignedIn } from './log-in';

/** The cookie that binds a sign-in under way to the browser that began it (SameSite=Lax: it must come back from the provider). */
export const OIDC_COOKIE = 'kontakt_oidc';

/** Never verifies as a password (verifyPassword knows only scrypt$…): the user of single sign-on has none. */
const NO_PASSWORD = '!oidc';

const discovered = new WeakMap<OidcConfig, Promise<oidcClient.Configuration>>();

/** The provider's metadata (discovery), fetched once per configuration; a failed fetch is tried again next time. */
function providerOf(c: OidcConfig): Promise<oidcClient.Configuration> {
  let p = discovered.get(c);
  if (!p) {
    p = oidcClient.discovery(new URL(c.issuer), c.clientId, { client_secret: c.clientSecret }, oidcClient.ClientSecretBasic(c.clientSecret), {
      execute: c.allowHttp ? [oidcClient.allowInsecureRequests] : [],
    });
    p.catch(() => discovered.delete(c));
    discovered.set(c, p);
  }
  return p;
}

function configured(ctx: AnonymousContext): OidcConfig {
  if (!ctx.config.oidc) throw new AppError('OIDC_NOT_CONFIGURED');
  return ctx.config.oidc;
}

/**
 * Begin a sign-in: remember state, nonce and the PKCE verifier under a fresh browser token, and give the address at
 * the provider to send the browser to. `next` is where to go afterwards; anything but a local path becomes "/".
 */
export async function startOidcLogin(ctx: AnonymousContext, next: string | undefined): Promise<{ token: string; url: string }> {
  const c = configured(ctx);
  const provider = await providerOf(c);
  const state = oidcClient.randomState();
  const nonce = oidcClient.randomNonce();
  const codeVerifier = oidcClient.randomPKCECodeVerifier();
  const token = randomBytes(32).toString('base64url');
  const now = ctx.clock.now();
  await writeUseCase(ctx, async (tx) => {
    await tx.delete(oidcLogins).where(lt(oidcLogins.createdAt, new Date(now.getTime() - OIDC_LOGIN_MINUTES * 60_000)));
    await tx.insert(oidcLogins).values({ id: hashToken(token), state, nonce, codeVerifier, returnTo: safeReturnPath(next), createdAt: now });
  });
  const url = oidcClient.buildAuthorizationUrl(provider, {
    redirect_uri: c.redirectUrl,
    scope: 'openid profile email',
    state,
    nonce,
    code_challenge: await oidcClient.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { token, url: url.href };
}

type Refusal = 'OIDC_FAILED' | 'OIDC_NO_ROLE' | 'OIDC_NO_UNIT' | 'OIDC_ACCOUNT_INACTIVE' | 'OIDC_USERNAME_TAKEN';
type FailReason = AuditDetails['auth.oidc_login_failed']['reason'];

async function refuse(ctx: AnonymousContext, code: Refusal, reason: FailReason, user: { id: string; username: string } | null = null): Promise<never> {
  await writeUseCase(ctx, (tx) =>
    recordAudit(tx, { actor: user, requestId: ctx.requestId, clock: ctx.clock }, { action: 'auth.oidc_login_failed', entityType: user ? 'user' : 'session', entityId: user?.id ?? null, details: { reason } }),
  );
  throw new AppError(code);
}

/**
 * Finish a sign-in from the provider's answer (`callbackUrl`: the redirect address with the query the browser
 * brought). The pending sign-in is consumed whatever happens, so an answer cannot be replayed. Checks state, nonce
 * and PKCE (openid-client), maps the claims, finds or makes the user, starts a session. Every refusal is audited.
 */
export async function finishOidcLogin(ctx: AnonymousContext, browserToken: string | undefined, callbackUrl: URL): Promise<SignedIn & { returnTo: string }> {
  const c = configured(ctx);
  const now = ctx.clock.now();
  const [pending] = browserToken ? await ctx.db.delete(oidcLogins).where(eq(oidcLogins.id, hashToken(browserToken))).returning() : [];
  if (!pending || now.getTime() - pending.createdAt.getTime() > OIDC_LOGIN_MINUTES * 60_000) return refuse(ctx, 'OIDC_FAILED', 'expired');

  let claims: Record<string, unknown>;
  try {
    const provider = await providerOf(c);
    const tokens = await oidcClient.authorizationCodeGrant(provider, callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new Error('no ID token');
    claims = { ...idClaims };
    // Providers that keep the groups out of the ID token give them at the userinfo endpoint.
    if (claims[c.roleClaim] === undefined || claims[c.unitClaim] === undefined) {
      const info = await oidcClient.fetchUserInfo(provider, tokens.access_token, idClaims.sub);
      claims = { ...info, ...idClaims, [c.roleClaim]: idClaims[c.roleClaim] ?? info[c.roleClaim], [c.unitClaim]: idClaims[c.unitClaim] ?? info[c.unitClaim] };
    }
  } catch (e) {
    // ClientError: a check failed (state, nonce, PKCE, signature, issuer); otherwise the provider refused or was out of reach.
    const reason: FailReason = e instanceof oidcClient.ClientError ? 'checks' : 'provider';
    return refuse(ctx, 'OIDC_FAILED', reason);
  }

  const subject = `${String(claims.iss)} ${String(claims.sub)}`;
  const mapping = mapOidcClaims(claims, c);
  const displayName = displayNameOf(claims);

  const outcome = await writeUseCase(ctx, async (tx): Promise<(SignedIn & { returnTo: string }) | { refused: Refusal; reason: FailReason; user: { id: string; username: string } | null }> => {
    let [user] = await tx.select().from(users).where(eq(users.oidcSubject, subject)).for('update');
    let linked = false;
    if ('refused' in mapping) return { refused: mapping.refused, reason: mapping.refused === 'OIDC_NO_ROLE' ? 'no_role' : 'no_unit', user: user ?? null };
    let unitId: string | null = null;
    if (mapping.unitName !== null) {
      const [unit] = await tx.select({ id: units.id }).from(units).where(and(eq(units.name, mapping.unitName), eq(units.active, true)));
      if (!unit) return { refused: 'OIDC_NO_UNIT', reason: 'no_unit', user: user ?? null };
      unitId = unit.id;
    }
    let created = false;
    if (!user) {
      const username = oidcUsername(claims, c.usernameClaim, String(claims.sub));
      const [same] = await tx.select().from(users).where(eq(users.username, username)).for('update');
      if (same) {
        // An administrator's staff account with the kommun's username becomes this subject's; never a portal account.
        if (same.oidcSubject !== null || same.role === 'kontaktperson') return { refused: 'OIDC_USERNAME_TAKEN', reason: 'username_taken', user: null };
        await tx.update(users).set({ oidcSubject: subject }).where(eq(users.id, same.id));
        user = { ...same, oidcSubject: subject };
        linked = true;
      } else {
        [user] = await tx.insert(users).values({ username, displayName, role: mapping.role, unitId, passwordHash: NO_PASSWORD, oidcSubject: subject }).returning();
        created = true;
      }
    }
    const who = { actor: { id: user.id, username: user.username }, requestId: ctx.requestId, clock: ctx.clock };
    if (!user.active) return { refused: 'OIDC_ACCOUNT_INACTIVE', reason: 'inactive', user: who.actor };
    const changed = [
      ...(user.role !== mapping.role ? ['role'] : []),
      ...(user.unitId !== unitId ? ['unitId'] : []),
      ...(user.displayName !== displayName ? ['displayName'] : []),
    ];
    if (changed.length > 0 && !created) {
      await tx
        .update(users)
        .set({ role: mapping.role, unitId, displayName, version: sql`${users.version} + 1`, updatedAt: now })
        .where(eq(users.id, user.id));
    }
    const token = await createSession(tx, user.id, now);
    await recordAudit(tx, who, { action: 'auth.oidc_login', entityType: 'user', entityId: user.id, details: { created, linked, role: mapping.role, unitId, changed: created ? [] : changed } });
    return { token, userId: user.id, returnTo: pending.returnTo };
  });
  if ('refused' in outcome) return refuse(ctx, outcome.refused, outcome.reason, outcome.user);
  return outcome;
}

function displayNameOf(claims: Record<string, unknown>): string {
  const [name] = claimValues(claims.name);
  if (name?.trim()) return name.trim().slice(0, 200);
  const full = [claimValues(claims.given_name)[0], claimValues(claims.family_name)[0]].filter(Boolean).join(' ').trim();
  if (full) return full.slice(0, 200);
  return String(claims.preferred_username ?? claims.email ?? claims.sub);
}
