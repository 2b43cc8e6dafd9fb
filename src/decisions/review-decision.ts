// Delegation: a decision over the handläggare's delegation waits for the enhetschef, who approves it (→ decided)
// or sends it back with a comment (→ draft); the handläggare revises the draft (→ waiting again, or decided when
// it is now within the delegation). A decided decision is never edited.
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import type { Tx } from '../platform/db/connect';
import { changeVersioned } from '../platform/db/change-versioned';
import { AppError } from '../platform/errors';
import { canOnCase } from '../platform/policy/permissions';
import { settingsOf } from '../platform/settings';
import { loadCase } from '../intake/load-case';
import type { CaseWithNames } from '../intake/repo';
import { requireInvestigationReady } from './make-decision';
import { legalBasesInForce } from './legal-bases';
import { presentDecision, type DecisionOut } from './present';
import { findDecision, requireDecisionRow, type DecisionRow } from './repo';
import { decisionProblems, isFavourable, monthlyHoursEquivalent, needsApproval } from './rules';
import type { approveBody, returnDecisionBody, reviseDecisionBody } from './schema';
import { decisions } from './tables';

interface Loaded {
  d: DecisionRow;
  r: CaseWithNames;
}

async function load(tx: Tx, ctx: UseCaseContext, id: string, permission: 'decision:make' | 'decision:approve'): Promise<Loaded> {
  const d = await requireDecisionRow(tx, id);
  const r = await loadCase(tx, ctx, d.caseId, permission);
  return { d, r };
}

const present = async (ctx: UseCaseContext, tx: Tx, id: string): Promise<DecisionOut> => presentDecision((await findDecision(tx, id))!, await settingsOf(ctx, tx));

export function approveDecision(ctx: UseCaseContext, id: string, input: z.output<typeof approveBody>): Promise<DecisionOut> {
  return changeVersioned(ctx, {
    table: decisions,
    id,
    version: input.version,
    load: (tx) => load(tx, ctx, id, 'decision:approve'),
    versionOf: (x) => x.d.version,
    check: ({ d }) => {
      if (d.state !== 'awaiting_approval') throw new AppError('DECISION_NOT_AWAITING_APPROVAL');
    },
    apply: () => ({ state: 'decided' as const, approvedBy: ctx.actor.id, approvedAt: ctx.clock.now(), returnComment: null, updatedAt: ctx.clock.now() }),
    audit: ({ d, r }) => ({ action: 'decision.approve', entityType: 'decision', entityId: d.id, personId: r.c.personId, details: { caseId: d.caseId } }),
    present: (d, tx) => present(ctx, tx, d.id),
  });
}

export function returnDecision(ctx: UseCaseContext, id: string, input: z.output<typeof returnDecisionBody>): Promise<DecisionOut> {
  return changeVersioned(ctx, {
    table: decisions,
    id,
    version: input.version,
    load: (tx) => load(tx, ctx, id, 'decision:approve'),
    versionOf: (x) => x.d.version,
    check: ({ d }) => {
      if (d.state !== 'awaiting_approval') throw new AppError('DECISION_NOT_AWAITING_APPROVAL');
    },
    apply: () => ({ state: 'draft' as const, returnComment: input.comment, updatedAt: ctx.clock.now() }),
    audit: ({ d, r }) => ({ action: 'decision.return', entityType: 'decision', entityId: d.id, personId: r.c.personId, details: { caseId: d.caseId } }),
    present: (d, tx) => present(ctx, tx, d.id),
  });
}

/** The handläggare revises a decision the enhetschef sent back (or one still waiting): the same checks as deciding. */
export function reviseDecision(ctx: UseCaseContext, id: string, input: z.output<typeof reviseDecisionBody>): Promise<DecisionOut> {
  const { version, ...body } = input;
  return changeVersioned(ctx, {
    table: decisions,
    id,
    version,
    load: (tx) => load(tx, ctx, id, 'decision:make'),
    versionOf: (x) => x.d.version,
    check: async ({ d, r }, tx) => {
      if (d.state === 'decided') throw new AppError('DECISION_ALREADY_DECIDED');
      const m = await settingsOf(ctx, tx);
      const problems = decisionProblems(body, {
        today: ctx.clock.today(),
        applicationDate: r.c.applicationDate,
        decisionMaxMonths: m.decisionMaxMonths,
        levelCodes: (m.scopeLevels ?? []).map((l) => l.code),
      });
      if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { fields: problems });
      const inForce = await legalBasesInForce(tx, r.c.route, body.decisionDate);
      if (!inForce.some((b) => b.id === body.legalBasisId))
        throw new AppError('LEGAL_BASIS_NOT_IN_FORCE', {
          fields: [{ path: 'legalBasisId', message: `Välj en rättslig grund som gäller för ärendets lag på beslutsdatumet ${body.decisionDate}.` }],
        });
      if (d.succession !== 'appeal') await requireInvestigationReady(tx, r.c.id, ctx.clock.today(), m);
    },
    apply: async ({ r }, tx) => {
      const m = await settingsOf(ctx, tx);
      const favourable = isFavourable(body.outcome);
      const hours = favourable && body.scopeUnit && body.scopeAmount ? monthlyHoursEquivalent(body.scopeUnit, body.scopeAmount, m) : null;
      const contactPersonCount = favourable ? body.contactPersonCount : null;
      const approval = needsApproval({ hoursPerMonth: hours, contactPersonCount }, m);
      const selfApproved = approval && canOnCase(ctx.actor, 'decision:approve', r.c);
      return {
        ...body,
        scopeUnit: favourable ? body.scopeUnit : null,
        scopeAmount: favourable ? body.scopeAmount : null,
        level: favourable ? body.level : null,
        contactPersonCount,
        startDate: favourable ? body.startDate : null,
        endDate: favourable ? body.endDate : null,
        periodReason: favourable ? body.periodReason : null,
        state: approval && !selfApproved ? ('awaiting_approval' as const) : ('decided' as const),
        needsApproval: approval,
        approvedBy: selfApproved ? ctx.actor.id : null,
        approvedAt: selfApproved ? ctx.clock.now() : null,
        decidedBy: ctx.actor.id,
        updatedAt: ctx.clock.now(),
      };
    },
    audit: ({ d, r }, updated, set) => ({
      action: 'decision.revise',
      entityType: 'decision',
      entityId: d.id,
      personId: r.c.personId,
      details: { fields: Object.keys(set).filter((k) => k !== 'updatedAt'), state: updated.state },
    }),
    present: (d, tx) => present(ctx, tx, d.id),
  });
}

