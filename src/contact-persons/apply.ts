// "Bli kontaktperson": the public application (no login). Protected against automated posting without a
// CAPTCHA service:
//  - a rate limit per client address, counted in the database (cp_apply_throttle, the login_throttle pattern:
//    one atomic upsert per attempt, shared by every instance, nothing in memory);
//  - a honeypot field (`website`, hidden from people and assistive technology) that must stay empty;
//  - a minimum fill time: the GET hands out a token "issued-at.HMAC(issued-at)" signed with the register's secret
//    (cp_settings.form_secret, one per deployment, so every instance accepts every instance's token). A POST sooner
//    than `minFillSeconds` after the GET, or with a token older than a day or not signed by us, is refused. The
//    client cannot forge the time, unlike a client-side timestamp.
// A refused application writes no contact-person row. Applying twice with the same personnummer is not an
// update: a second row is made and the coordinator sees "finns redan" on both.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import type { AnonymousContext } from '../platform/context';
import { writeUseCase } from '../platform/db/transaction';
import { AppError, fieldError } from '../platform/errors';
import { recordAudit } from '../platform/audit/record';
import { settingsOf } from '../platform/settings';
import { parseIdentityNumber } from '../people/identity-number';
import { cpSettingsOf } from './repo';
import { NEXT_STEPS, type ApplicationBody } from './schema';
import { contactPersons, cpApplyThrottle, cpDistricts } from './tables';

type PublicContext = Omit<AnonymousContext, 'actor'>;

const TOKEN_MAX_AGE_MS = 24 * 3600_000;
export const THROTTLE_WINDOW_MS = 3600_000;

function sign(secret: string, issued: number): string {
  return createHmac('sha256', secret).update(`cp-application:${issued}`).digest('base64url');
}

export function makeFormToken(secret: string, now: Date): string {
  const issued = now.getTime();
  return `${issued}.${sign(secret, issued)}`;
}

/** Why the token is refused, or null: 'invalid' (not ours, malformed, too old) or 'too_fast'. */
export function formTokenProblem(secret: string, token: string, now: Date, minFillSeconds: number): 'invalid' | 'too_fast' | null {
  const m = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return 'invalid';
  const issued = Number(m[1]);
  const expected = Buffer.from(sign(secret, issued));
  const got = Buffer.from(m[2]);
  if (expected.length !== got.length || !timingSafeEqual(expected, got)) return 'invalid';
  const age = now.getTime() - issued;
  if (age < 0 || age > TOKEN_MAX_AGE_MS) return 'invalid';
  if (age < minFillSeconds * 1000) return 'too_fast';
  return null;
}

/** What the public form needs: the token, the municipality, the interests and districts to choose from. */
export async function applicationForm(ctx: PublicContext) {
  const s = await cpSettingsOf(ctx.db);
  const m = await settingsOf(ctx, ctx.db);
  const districts = await ctx.db.select({ id: cpDistricts.id, name: cpDistricts.name }).from(cpDistricts).where(eq(cpDistricts.active, true)).orderBy(asc(cpDistricts.name));
  return { formToken: makeFormToken(s.formSecret, ctx.clock.now()), municipalityName: m.name, privacyInfo: m.privacyInfo, interests: s.interests, districts };
}

/** Take one slot of the address's hourly budget (atomic upsert); false when it is spent. */
async function takeSlot(ctx: PublicContext, key: string, limit: number, now: Date): Promise<boolean> {
  const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const stale = sql`${cpApplyThrottle.windowStart} <= ${windowStart}`;
  const [row] = await ctx.db
    .insert(cpApplyThrottle)
    .values({ key, windowStart: now, attempts: 1 })
    .onConflictDoUpdate({
      target: cpApplyThrottle.key,
      set: {
        attempts: sql`case when ${stale} then 1 else ${cpApplyThrottle.attempts} + 1 end`,
        windowStart: sql`case when ${stale} then ${now} else ${cpApplyThrottle.windowStart} end`,
      },
      setWhere: sql`${stale} or ${cpApplyThrottle.attempts} < ${limit}`,
    })
    .returning({ key: cpApplyThrottle.key });
  return !!row;
}

export async function submitApplication(ctx: PublicContext, input: ApplicationBody) {
  const now = ctx.clock.now();
  const today = ctx.clock.today();
  const s = await cpSettingsOf(ctx.db);
  if (!(await takeSlot(ctx, `ip:${ctx.clientIp}`, s.applicationsPerHour, now))) throw new AppError('TOO_MANY_APPLICATIONS');
  // A bot fills every field; a person never sees this one. Refused like a too-fast form, with no hint why.
  if (input.website) throw new AppError('APPLICATION_NOT_ACCEPTED');
  if (formTokenProblem(s.formSecret, input.formToken, now, s.minFillSeconds) !== null) throw new AppError('APPLICATION_NOT_ACCEPTED');
  const id = parseIdentityNumber(input.identityNumber, today);
  if (!id.ok) throw fieldError('identityNumber', id.message);
  if (id.kind === 'reservnummer') throw fieldError('identityNumber', 'Skriv ditt personnummer eller samordningsnummer.');
  await writeUseCase(ctx, async (tx) => {
    if (input.districtId) {
      const [d] = await tx.select({ id: cpDistricts.id }).from(cpDistricts).where(eq(cpDistricts.id, input.districtId));
      if (!d) throw fieldError('districtId', 'Välj ett område i listan.');
    }
    const known = new Set(s.interests.map((i) => i.code));
    if (input.interests.some((i) => !known.has(i))) throw fieldError('interests', 'Välj intressen i listan. Skriv andra intressen i fältet under.');
    const [duplicate] = await tx.select({ id: contactPersons.id }).from(contactPersons).where(eq(contactPersons.identityNumber, id.normalized)).limit(1);
    const [cp] = await tx
      .insert(contactPersons)
      .values({
        identityNumber: id.normalized,
        firstName: input.firstName,
        lastName: input.lastName,
        email: input.email,
        phone: input.phone,
        streetAddress: input.streetAddress,
        postalCode: input.postalCode,
        city: input.city,
        districtId: input.districtId ?? null,
        motivation: input.motivation,
        interests: [...new Set(input.interests)],
        interestsOther: input.interestsOther,
        languages: normalizeLanguages(input.languages),
        travel: [...new Set(input.travel)],
        availability: [...new Set(input.availability)],
        capacity: input.capacity,
        ageGroups: [...new Set(input.ageGroups)],
        preferredGender: input.preferredGender,
        comfortableWith: input.comfortableWith,
        pets: input.pets ?? null,
        smokes: input.smokes ?? null,
        allergies: input.allergies,
        experience: input.experience,
        workplace: input.workplace,
        source: 'public',
        appliedDate: today,
        privacyAcceptedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: contactPersons.id });
    await recordAudit(tx, { actor: null, requestId: ctx.requestId, clock: ctx.clock }, {
      action: 'contact_person.apply',
      entityType: 'contact_person',
      entityId: cp.id,
      details: { duplicate: !!duplicate },
    });
  });
  return { received: true as const, nextSteps: NEXT_STEPS };
}

/** Languages as typed ("Svenska", " arabiska ") → lower-case, unique. */
export function normalizeLanguages(list: readonly string[]): string[] {
  return [...new Set(list.map((l) => l.trim().toLowerCase()).filter(Boolean))];
}
