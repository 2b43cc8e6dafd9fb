import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { allOf, readUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { AppError } from '../platform/errors';
import { can } from '../platform/policy/permissions';
import { explainCandidate, rankCandidates, type ExclusionKind } from './rules';
import { loadWaitingOrder, matchConfigOf } from './load';
import { presentWaiting } from './present';
import { candidateProfile, contactPersonNames, offersOf, profilesOf, searchContactPersons } from './repo';
import { candidatePool } from './candidate-pool';
import type { CandidatesOut, candidatesQuery, WhyNotOut } from './schema';

export const exclusionLabel: Record<ExclusionKind, string> = {
  not_approved: 'Inte godkänd eller avslutad',
  household: 'Bor i personens hushåll',
  representative: 'God man, förvaltare eller vårdnadshavare för personen',
  staff: 'Arbetar på personens boende',
  register_check: 'Registerkontroll saknas eller gäller inte vid start',
  full: 'Har inte plats',
  paused: 'Pausad',
  gender: 'Inte det kön personen behöver',
  closed_offer: 'Redan prövad för beställningen',
  open_offer: 'Redan erbjuden för beställningen',
};

/** Candidates are contact persons' data: reading them needs contact-person:read besides assignment:read. */
function requireRegisterRead(ctx: UseCaseContext) {
  if (!can(ctx.actor, 'contact-person:read')) throw new AppError('FORBIDDEN');
}

/** The ranked candidates for one waiting order, with reasons; plus name hits for "Varför inte?". */
export function getCandidates(ctx: UseCaseContext, orderId: string, query: z.output<typeof candidatesQuery>): Promise<CandidatesOut> {
  requireRegisterRead(ctx);
  return readUseCase(ctx, async (q) => {
    const today = ctx.clock.today();
    // A read outside a transaction: the three statements may run on three pool connections at once.
    const [row, cfg, offered] = await allOf(q,() => loadWaitingOrder(q, ctx, orderId, 'assignment:read'), () => matchConfigOf(q), () => offersOf(q, [orderId]));
    const profile = (await profilesOf(q, [row], today, offered)).get(orderId)!;
    const pool = await candidatePool(q, ctx.db, today, cfg);
    const ranking = rankCandidates(profile, pool, cfg, query.limit);
    const matches = query.name ? await searchContactPersons(q, query.name) : [];
    await recordAudit(q, ctx, [
      { action: 'matching.candidates', entityType: 'order', entityId: orderId, personId: row.personId, details: { considered: ranking.considered, shown: ranking.candidates.length } },
      ...ranking.candidates.map((c) => ({ action: 'matching.candidates' as const, entityType: 'contact_person' as const, entityId: c.id })),
    ]);
    return {
      order: presentWaiting(row, offered, today, cfg.weights),
      plannedStart: profile.startDate,
      candidates: ranking.candidates.map((c) => {
        const p = pool.cps[pool.indexOf(c.id)];
        return { id: c.id, name: `${p.firstName} ${p.lastName}`, postalCode: p.postalCode, score: c.score, reasons: c.reasons };
      }),
      considered: ranking.considered,
      excluded: Object.entries(ranking.excluded).map(([kind, count]) => ({ kind: kind as ExclusionKind, label: exclusionLabel[kind as ExclusionKind], count: count ?? 0 })),
      matches: matches.map((m) => ({ id: m.id, name: `${m.firstName} ${m.lastName}` })),
    };
  });
}

/** "Varför inte X?": every reason this contact person cannot be offered for the order, or their score and place. */
export function whyNot(ctx: UseCaseContext, orderId: string, contactPersonId: string): Promise<WhyNotOut> {
  requireRegisterRead(ctx);
  return readUseCase(ctx, async (q) => {
    const today = ctx.clock.today();
    const row = await loadWaitingOrder(q, ctx, orderId, 'assignment:read');
    const found = await candidateProfile(q, contactPersonId, today);
    if (!found) throw new AppError('NOT_FOUND', { message: 'Kontaktpersonen finns inte.' });
    const cfg = await matchConfigOf(q);
    const profile = (await profilesOf(q, [row], today)).get(orderId)!;
    const r = explainCandidate(profile, found.profile, cfg);
    const exclusions = [
      ...(!found.approved ? [{ kind: 'not_approved' as const, reason: 'Är inte godkänd som kontaktperson.' }] : []),
      ...(found.ended ? [{ kind: 'not_approved' as const, reason: 'Är avslutad i registret.' }] : []),
      ...r.exclusions,
    ];
    let rank: number | null = null;
    if (exclusions.length === 0) {
      rank = rankCandidates(profile, await candidatePool(q, ctx.db, today, cfg), cfg, 0).rankOf(contactPersonId);
    }
    const name = (await contactPersonNames(q, [contactPersonId])).get(contactPersonId)!;
    await recordAudit(q, ctx, [
      { action: 'matching.why_not', entityType: 'order', entityId: orderId, personId: row.personId, details: { excluded: exclusions.length > 0 } },
      { action: 'matching.why_not', entityType: 'contact_person', entityId: contactPersonId },
    ]);
    return { contactPerson: { id: contactPersonId, name: `${name.firstName} ${name.lastName}` }, eligible: exclusions.length === 0, exclusions, score: r.score, reasons: r.reasons, rank };
  });
}
