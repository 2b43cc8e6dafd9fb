// The genomförandeplan, written by the provider's kontaktsekreterare with the person (issue 11 item 8): goals linked
// to the decision, activities, how often and when, how the person wants it done, how and when it is followed up.
// One plan per decision, reached through the decision's order; every save is a new version (never edited), so a
// plan's history stays readable. Two writers saving from the same version: the second gets 409 (the unique
// (decision, plan_version) index backs the check when they race).
import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import type { Queryable } from '../platform/db/connect';
import { readUseCase, writeUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { AppError, fieldError } from '../platform/errors';
import { can, scopeCovers, scopeOf } from '../platform/policy/permissions';
import { renderPdf } from '../platform/documents/pdf';
import { settingsOf } from '../platform/settings';
import { users } from '../platform/tables';
import { persons } from '../people/tables';
import { cases } from '../intake/tables';
import { decisions, legalBases } from '../decisions/tables';
import { findOrder, type OrderRow } from '../orders/repo';
import { scopeText } from '../orders/rules';
import { planPdf } from './plan-document';
import type { PlanOut, PlanPageOut, savePlanBody } from './plan-pay/schema';
import { implementationPlans } from './tables';

const NOT_FOUND = 'Beställningen finns inte, eller så har du inte behörighet att se den.';
type PlanRow = typeof implementationPlans.$inferSelect;

/** The order in the actor's scope (its provider unit), with what the plan shows of the case and the decision. */
async function loadPlanOrder(q: Queryable, ctx: UseCaseContext, orderId: string, permission: 'assignment:read' | 'assignment:write') {
  const o: OrderRow | null = await findOrder(q, orderId);
  if (!o || !scopeCovers(ctx.actor, scopeOf(ctx.actor, permission), { unitId: o.providerUnitId })) throw new AppError('NOT_FOUND', { message: NOT_FOUND });
  const [row] = await q
    .select({ caseNumber: cases.caseNumber, personId: cases.personId, firstName: persons.firstName, lastName: persons.lastName, d: decisions, law: legalBases.law, paragraph: legalBases.paragraph })
    .from(decisions)
    .innerJoin(cases, eq(cases.id, decisions.caseId))
    .innerJoin(persons, eq(persons.id, cases.personId))
    .innerJoin(legalBases, eq(legalBases.id, decisions.legalBasisId))
    .where(eq(decisions.id, o.decisionId));
  return { o, ...row };
}
type PlanOrder = Awaited<ReturnType<typeof loadPlanOrder>>;

async function versionsOf(q: Queryable, decisionId: string) {
  return q
    .select({ p: implementationPlans, savedBy: users.displayName })
    .from(implementationPlans)
    .leftJoin(users, eq(users.id, implementationPlans.createdBy))
    .where(eq(implementationPlans.decisionId, decisionId))
    .orderBy(desc(implementationPlans.planVersion));
}

function presentPlan(p: PlanRow, savedBy: string | null): PlanOut {
  return {
    planVersion: p.planVersion,
    goals: p.goals.map((g) => ({ goal: g.goal, fromDecision: g.fromDecision ?? null })),
    activities: p.activities,
    schedule: p.schedule,
    personWishes: p.personWishes,
    followUpHow: p.followUpHow,
    followUpDate: p.followUpDate,
    writtenDate: p.writtenDate,
    savedAt: p.createdAt.toISOString(),
    savedBy,
  };
}

async function presentPage(q: Queryable, ctx: UseCaseContext, po: PlanOrder): Promise<PlanPageOut> {
  const rows = await versionsOf(q, po.d.id);
  const d = po.d;
  return {
    order: { id: po.o.id, caseNumber: po.caseNumber },
    person: { name: `${po.firstName} ${po.lastName}` },
    decision: {
      id: d.id,
      decisionDate: d.decisionDate,
      legalBasis: `${po.law} ${po.paragraph}`,
      scope: scopeText(d.scopeUnit, d.scopeAmount, d.level),
      reasons: d.reasons,
      startDate: d.startDate,
      endDate: d.endDate,
    },
    current: rows[0] ? presentPlan(rows[0].p, rows[0].savedBy) : null,
    versions: rows.map((r) => ({ planVersion: r.p.planVersion, writtenDate: r.p.writtenDate, savedAt: r.p.createdAt.toISOString(), savedBy: r.savedBy })),
    abilities: { canWrite: can(ctx.actor, 'assignment:write') && scopeCovers(ctx.actor, scopeOf(ctx.actor, 'assignment:write'), { unitId: po.o.providerUnitId }) },
  };
}

/** The plan page: the decision to link goals to, the latest version and the list of versions. */
export function getPlan(ctx: UseCaseContext, orderId: string): Promise<PlanPageOut> {
  return readUseCase(ctx, async (q) => {
    const po = await loadPlanOrder(q, ctx, orderId, 'assignment:read');
    const page = await presentPage(q, ctx, po);
    await recordAudit(q, ctx, { action: 'plan.read', entityType: 'implementation_plan', entityId: po.d.id, personId: po.personId, details: { decisionId: po.d.id, planVersion: page.current?.planVersion ?? null } });
    return page;
  });
}

async function oneVersion(q: Queryable, decisionId: string, planVersion: number) {
  const [row] = await q
    .select({ p: implementationPlans, savedBy: users.displayName })
    .from(implementationPlans)
    .leftJoin(users, eq(users.id, implementationPlans.createdBy))
    .where(and(eq(implementationPlans.decisionId, decisionId), eq(implementationPlans.planVersion, planVersion)));
  if (!row) throw new AppError('NOT_FOUND', { message: `Genomförandeplanen har ingen version ${planVersion}.` });
  return row;
}

/** One earlier (or the latest) version, as it was saved. */
export function getPlanVersion(ctx: UseCaseContext, orderId: string, planVersion: number): Promise<PlanOut> {
  return readUseCase(ctx, async (q) => {
    const po = await loadPlanOrder(q, ctx, orderId, 'assignment:read');
    const row = await oneVersion(q, po.d.id, planVersion);
    await recordAudit(q, ctx, { action: 'plan.read', entityType: 'implementation_plan', entityId: po.d.id, personId: po.personId, details: { decisionId: po.d.id, planVersion } });
    return presentPlan(row.p, row.savedBy);
  });
}

/** Save the plan as its next version. */
export function savePlan(ctx: UseCaseContext, orderId: string, input: z.output<typeof savePlanBody>): Promise<PlanPageOut> {
  const today = ctx.clock.today();
  if (input.writtenDate > today) throw fieldError('writtenDate', 'Datumet kan inte vara senare än i dag.');
  if (input.followUpDate && input.followUpDate < input.writtenDate) throw fieldError('followUpDate', 'Uppföljningen kan inte vara före dagen planen skrevs.');
  return writeUseCase(
    ctx,
    async (tx) => {
      const po = await loadPlanOrder(tx, ctx, orderId, 'assignment:write');
      const [latest] = await tx
        .select({ v: implementationPlans.planVersion })
        .from(implementationPlans)
        .where(eq(implementationPlans.decisionId, po.d.id))
        .orderBy(desc(implementationPlans.planVersion))
        .limit(1);
      if ((latest?.v ?? 0) !== input.basedOnVersion) throw new AppError('PLAN_VERSION_CONFLICT');
      const planVersion = input.basedOnVersion + 1;
      await tx.insert(implementationPlans).values({
        decisionId: po.d.id,
        caseId: po.o.caseId,
        providerUnitId: po.o.providerUnitId,
        planVersion,
        goals: input.goals.map((g) => ({ goal: g.goal, fromDecision: g.fromDecision })),
        activities: input.activities,
        schedule: input.schedule,
        personWishes: input.personWishes,
        followUpHow: input.followUpHow,
        followUpDate: input.followUpDate,
        writtenDate: input.writtenDate,
        createdBy: ctx.actor.id,
        createdAt: ctx.clock.now(),
      });
      await recordAudit(tx, ctx, { action: 'plan.save', entityType: 'implementation_plan', entityId: po.d.id, personId: po.personId, details: { decisionId: po.d.id, planVersion } });
      return presentPage(tx, ctx, po);
    },
    {
      unique: [
        { column: implementationPlans.planVersion, constraint: 'implementation_plans_version_uq', code: 'PLAN_VERSION_CONFLICT', path: 'basedOnVersion', message: 'Någon annan sparade en ny version samtidigt. Ladda om sidan.' },
      ],
    },
  );
}

/** The printable plan (PDF) of one version, for the person. */
export function createPlanPdf(ctx: UseCaseContext, orderId: string, planVersion: number): Promise<{ pdf: Buffer; fileName: string }> {
  return readUseCase(ctx, async (q) => {
    const po = await loadPlanOrder(q, ctx, orderId, 'assignment:read');
    const { p } = await oneVersion(q, po.d.id, planVersion);
    const m = await settingsOf(ctx, q);
    const doc = planPdf({
      municipality: m.name,
      caseNumber: po.caseNumber,
      person: `${po.firstName} ${po.lastName}`,
      scope: scopeText(po.d.scopeUnit, po.d.scopeAmount, po.d.level),
      plan: presentPlan(p, null),
    });
    const pdf = await renderPdf(doc);
    await recordAudit(q, ctx, { action: 'plan.pdf', entityType: 'implementation_plan', entityId: po.d.id, personId: po.personId, details: { decisionId: po.d.id, planVersion } });
    return { pdf, fileName: `genomforandeplan-${po.caseNumber}-v${planVersion}.pdf` };
  });
}
