// Decide a case: the first decision, or a new decision that replaces a decided one (change, renewal, or a court's
// change after an appeal). Load the case within scope, check the investigation and the rules, choose the state by
// delegation, write, audit — one transaction. Two handläggare deciding at once: the unique indexes let one win, the
// other gets 409.
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import type { Tx } from '../platform/db/connect';
import { writeUseCase, type UniqueField } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { AppError } from '../platform/errors';
import { canOnCase } from '../platform/policy/permissions';
import { settingsOf, type MunicipalitySettings } from '../platform/settings';
import { investigationConfig, otherSourceLabel } from '../investigation/rules';
import { loadCase } from '../intake/load-case';
import type { CaseWithNames } from '../intake/repo';
import { investigationReadiness } from '../investigation/readiness';
import { legalBasesInForce } from './legal-bases';
import { presentDecision, type DecisionOut } from './present';
import { findDecision, hasFirstDecision, hasSuccessor, requireDecisionRow, type DecisionRow } from './repo';
import { decisionProblems, isFavourable, monthlyHoursEquivalent, needsApproval, type SuccessionKind } from './rules';
import type { decisionBody } from './schema';
import { decisions } from './tables';

export type DecisionInput = z.output<typeof decisionBody>;

export const ONE_DECISION: UniqueField[] = [
  { column: decisions.caseId, constraint: 'decisions_one_first', code: 'DECISION_ALREADY_EXISTS', path: 'outcome', message: 'Ärendet har redan ett beslut.' },
  {
    column: decisions.previousDecisionId,
    constraint: 'decisions_one_successor',
    code: 'DECISION_ALREADY_EXISTS',
    path: 'outcome',
    message: 'Beslutet har redan ersatts av ett nytt beslut.',
  },
];

/** Refuse a decision while the investigation is not ready: other sources unanswered or a warning without a reason. */
export async function requireInvestigationReady(tx: Tx, caseId: string, today: string, m: MunicipalitySettings): Promise<void> {
  const r = await investigationReadiness(tx, caseId, today, investigationConfig(m));
  if (!r.exists) throw new AppError('DECISION_INVESTIGATION_NOT_READY', { message: 'Det finns ingen utredning i ärendet. Utred innan du fattar beslut.' });
  if (r.unansweredSources.length > 0)
    throw new AppError('DECISION_INVESTIGATION_NOT_READY', {
      message: `Utredningen svarar inte på om behovet tillgodoses på annat sätt: ${r.unansweredSources.map((s) => otherSourceLabel[s].toLowerCase()).join(', ')}.`,
    });
  if (r.missingReasons.length > 0)
    throw new AppError('DECISION_INVESTIGATION_NOT_READY', {
      message: `Utredningen har varningar utan skriven motivering: ${r.warnings
        .filter((w) => r.missingReasons.includes(w.code))
        .map((w) => w.message)
        .join(' ')} Skriv varför du går vidare i utredningen.`,
    });
}

/** Check the input against the rules and the catalogue, and insert the decision. Shared by every way of deciding. */
export async function insertDecision(
  tx: Tx,
  ctx: UseCaseContext,
  r: CaseWithNames,
  input: DecisionInput,
  previous: { id: string; succession: SuccessionKind } | null,
): Promise<DecisionRow> {
  const c = r.c;
  const m = await settingsOf(ctx, tx);
  const today = ctx.clock.today();
  if (c.applicationDate === null) throw new AppError('DECISION_CASE_IS_REFERRAL');
  const problems = decisionProblems(input, {
    today,
    applicationDate: c.applicationDate,
    decisionMaxMonths: m.decisionMaxMonths,
    levelCodes: (m.scopeLevels ?? []).map((l) => l.code),
  });
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { fields: problems });
  const inForce = await legalBasesInForce(tx, c.route, input.decisionDate);
  const basis = inForce.find((b) => b.id === input.legalBasisId);
  if (!basis)
    throw new AppError('LEGAL_BASIS_NOT_IN_FORCE', {
      fields: [{ path: 'legalBasisId', message: `Välj en rättslig grund som gäller för ärendets lag på beslutsdatumet ${input.decisionDate}.` }],
    });
  if (previous?.succession !== 'appeal') await requireInvestigationReady(tx, c.id, today, m);
  const favourable = isFavourable(input.outcome);
  const hours = favourable && input.scopeUnit && input.scopeAmount ? monthlyHoursEquivalent(input.scopeUnit, input.scopeAmount, m) : null;
  const contactPersonCount = favourable ? input.contactPersonCount : null;
  // A court's change is not subject to the municipality's delegation.
  const approval = previous?.succession !== 'appeal' && needsApproval({ hoursPerMonth: hours, contactPersonCount }, m);
  // The enhetschef who may approve decides at once; anyone else's decision over the delegation waits in the queue.
  const selfApproved = approval && canOnCase(ctx.actor, 'decision:approve', c);
  const now = ctx.clock.now();
  const [d] = await tx
    .insert(decisions)
    .values({
      caseId: c.id,
      previousDecisionId: previous?.id ?? null,
      succession: previous?.succession ?? null,
      state: approval && !selfApproved ? 'awaiting_approval' : 'decided',
      outcome: input.outcome,
      requested: input.requested,
      reasons: input.reasons,
      legalBasisId: basis.id,
      decisionDate: input.decisionDate,
      scopeUnit: favourable ? input.scopeUnit : null,
      scopeAmount: favourable ? input.scopeAmount : null,
      level: favourable ? input.level : null,
      contactPersonCount,
      startDate: favourable ? input.startDate : null,
      endDate: favourable ? input.endDate : null,
      periodReason: favourable ? input.periodReason : null,
      homeCareTariff: input.homeCareTariff,
      needsApproval: approval,
      approvedBy: selfApproved ? ctx.actor.id : null,
      approvedAt: selfApproved ? now : null,
      decidedBy: ctx.actor.id,
      createdBy: ctx.actor.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await recordAudit(tx, ctx, {
    action: 'decision.make',
    entityType: 'decision',
    entityId: d.id,
    personId: c.personId,
    details: { outcome: d.outcome, legalBasis: basis.code, state: d.state, needsApproval: approval, previousDecisionId: d.previousDecisionId, succession: d.succession },
  });
  return d;
}

async function present(ctx: UseCaseContext, tx: Tx, id: string): Promise<DecisionOut> {
  return presentDecision((await findDecision(tx, id))!, await settingsOf(ctx, tx));
}

/** The case's first decision. */
export function makeDecision(ctx: UseCaseContext, caseId: string, input: DecisionInput): Promise<DecisionOut> {
  return writeUseCase(
    ctx,
    async (tx) => {
      const r = await loadCase(tx, ctx, caseId, 'decision:make');
      if (await hasFirstDecision(tx, caseId)) throw new AppError('DECISION_ALREADY_EXISTS');
      const d = await insertDecision(tx, ctx, r, input, null);
      return present(ctx, tx, d.id);
    },
    { unique: ONE_DECISION },
  );
}

/** A new decision that replaces a decided one: a change of scope or a renewal. The old one is never edited. */
export function makeSuccessorDecision(ctx: UseCaseContext, previousId: string, input: DecisionInput & { succession: 'renewal' | 'change' }): Promise<DecisionOut> {
  return writeUseCase(
    ctx,
    async (tx) => {
      const prev = await requireDecisionRow(tx, previousId);
      const r = await loadCase(tx, ctx, prev.caseId, 'decision:make');
      if (prev.state !== 'decided') throw new AppError('DECISION_NOT_DECIDED');
      if (await hasSuccessor(tx, prev.id)) throw new AppError('DECISION_ALREADY_EXISTS', { message: 'Beslutet har redan ersatts av ett nytt beslut.' });
      if (input.succession === 'renewal' && !isFavourable(prev.outcome)) throw new AppError('DECISION_NOT_FAVOURABLE');
      const { succession, ...body } = input;
      const d = await insertDecision(tx, ctx, r, body, { id: prev.id, succession });
      return present(ctx, tx, d.id);
    },
    { unique: ONE_DECISION },
  );
}
