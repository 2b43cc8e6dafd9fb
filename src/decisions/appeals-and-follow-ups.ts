// After the decision: the day the letter was sent and the person fick del av it, appeals (timely or not,
// forwarded, the court's outcome; a change is a new decision), and follow-ups. Each one transaction.
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import type { Tx } from '../platform/db/connect';
import { changeVersioned } from '../platform/db/change-versioned';
import { writeUseCase } from '../platform/db/transaction';
import { updateVersioned } from '../platform/db/versioned';
import { recordAudit } from '../platform/audit/record';
import { AppError } from '../platform/errors';
import { settingsOf } from '../platform/settings';
import { loadCase } from '../intake/load-case';
import { insertDecision, ONE_DECISION } from './make-decision';
import { presentAppeal, presentDecision, type DecisionOut } from './present';
import { findDecision, requireAppealRow, requireDecisionRow, type DecisionRow } from './repo';
import { appealReceivedProblem, appealTimely, isFavourable } from './rules';
import type { appealBody, appealOut, appealUpdateBody, followUpBody, sentBody } from './schema';
import { appeals, decisions, followUps } from './tables';

const present = async (ctx: UseCaseContext, tx: Tx, id: string): Promise<DecisionOut> => presentDecision((await findDecision(tx, id))!, await settingsOf(ctx, tx));

const futureProblem = (path: string, date: string, today: string) => (date > today ? { path, message: 'Datumet kan inte vara senare än i dag.' } : null);

/** The day the letter was sent and (optionally) the day the person fick del av the decision, which starts the appeal time. */
export function recordSent(ctx: UseCaseContext, id: string, input: z.output<typeof sentBody>): Promise<DecisionOut> {
  return changeVersioned(ctx, {
    table: decisions,
    id,
    version: input.version,
    load: async (tx) => {
      const d = await requireDecisionRow(tx, id);
      return { d, r: await loadCase(tx, ctx, d.caseId, 'decision:make') };
    },
    versionOf: (x) => x.d.version,
    check: ({ d }) => {
      if (d.state !== 'decided') throw new AppError('DECISION_NOT_DECIDED');
      const today = ctx.clock.today();
      const problems = [
        futureProblem('sentDate', input.sentDate, today),
        input.sentDate < d.decisionDate ? { path: 'sentDate', message: `Beslutet kan inte ha skickats före beslutsdatumet (${d.decisionDate}).` } : null,
        input.notifiedDate ? futureProblem('notifiedDate', input.notifiedDate, today) : null,
        input.notifiedDate && input.notifiedDate < input.sentDate ? { path: 'notifiedDate', message: 'Personen kan inte ha fått del av beslutet före den dag det skickades.' } : null,
      ].filter((p) => p !== null);
      if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { fields: problems });
    },
    apply: () => ({ sentDate: input.sentDate, notifiedDate: input.notifiedDate, updatedAt: ctx.clock.now() }),
    audit: ({ d, r }) => ({ action: 'decision.sent', entityType: 'decision', entityId: d.id, personId: r.c.personId, details: { fields: input.notifiedDate ? ['sentDate', 'notifiedDate'] : ['sentDate'] } }),
    present: (d, tx) => present(ctx, tx, d.id),
  });
}

async function loadDecided(tx: Tx, ctx: UseCaseContext, id: string): Promise<{ d: DecisionRow; personId: string }> {
  const d = await requireDecisionRow(tx, id);
  const r = await loadCase(tx, ctx, d.caseId, 'decision:make');
  if (d.state !== 'decided') throw new AppError('DECISION_NOT_DECIDED');
  return { d, personId: r.c.personId };
}

export function recordAppeal(ctx: UseCaseContext, decisionId: string, input: z.output<typeof appealBody>): Promise<z.infer<typeof appealOut>> {
  return writeUseCase(ctx, async (tx) => {
    const { d, personId } = await loadDecided(tx, ctx, decisionId);
    const problem = appealReceivedProblem(input.receivedDate, d, ctx.clock.today());
    if (problem) throw new AppError('VALIDATION_FAILED', { fields: [problem] });
    const now = ctx.clock.now();
    const [a] = await tx.insert(appeals).values({ decisionId: d.id, receivedDate: input.receivedDate, note: input.note, createdBy: ctx.actor.id, createdAt: now, updatedAt: now }).returning();
    const timely = appealTimely(a.receivedDate, d.notifiedDate);
    await recordAudit(tx, ctx, { action: 'appeal.create', entityType: 'appeal', entityId: a.id, personId, details: { decisionId: d.id, timely } });
    return presentAppeal(a, d.notifiedDate);
  });
}

/**
 * Forwarded to förvaltningsrätten, and the court's outcome. "Ändrat" creates the new decision as the court decided
 * it, linked to the old one (succession 'appeal'); the old decision is never edited.
 */
export function updateAppeal(ctx: UseCaseContext, appealId: string, input: z.output<typeof appealUpdateBody>): Promise<z.infer<typeof appealOut>> {
  return writeUseCase(
    ctx,
    async (tx) => {
      const a = await requireAppealRow(tx, appealId);
      const d = await requireDecisionRow(tx, a.decisionId);
      const r = await loadCase(tx, ctx, d.caseId, 'decision:make');
      if (a.version !== input.version) throw new AppError('VERSION_CONFLICT');
      if (a.outcome !== null) throw new AppError('APPEAL_ALREADY_DECIDED');
      const today = ctx.clock.today();
      const problems = [
        input.forwardedDate ? futureProblem('forwardedDate', input.forwardedDate, today) : null,
        input.forwardedDate && input.forwardedDate < a.receivedDate ? { path: 'forwardedDate', message: `Överklagandet kan inte ha skickats vidare före den dag det kom in (${a.receivedDate}).` } : null,
        input.outcome && !input.outcomeDate ? { path: 'outcomeDate', message: 'Skriv datumet för domstolens beslut.' } : null,
        input.outcomeDate ? futureProblem('outcomeDate', input.outcomeDate, today) : null,
        input.outcomeDate && input.outcomeDate < a.receivedDate ? { path: 'outcomeDate', message: `Domstolens beslut kan inte vara före den dag överklagandet kom in (${a.receivedDate}).` } : null,
        input.outcome === 'changed' && !input.newDecision ? { path: 'newDecision', message: 'Fyll i det nya beslutet som domstolen ändrade till.' } : null,
      ].filter((p) => p !== null);
      if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { fields: problems });
      let newDecisionId: string | null = null;
      if (input.outcome === 'changed' && input.newDecision) {
        newDecisionId = (await insertDecision(tx, ctx, r, input.newDecision, { id: d.id, succession: 'appeal' })).id;
      }
      const set = { forwardedDate: input.forwardedDate, outcome: input.outcome, outcomeDate: input.outcomeDate, note: input.note, newDecisionId, updatedAt: ctx.clock.now() };
      const updated = await updateVersioned(tx, appeals, a.id, input.version, set);
      await recordAudit(tx, ctx, {
        action: 'appeal.update',
        entityType: 'appeal',
        entityId: a.id,
        personId: r.c.personId,
        details: { fields: Object.keys(set).filter((k) => k !== 'updatedAt'), outcome: input.outcome, newDecisionId },
      });
      return presentAppeal(updated, d.notifiedDate);
    },
    { unique: ONE_DECISION },
  );
}

export function recordFollowUp(ctx: UseCaseContext, decisionId: string, input: z.output<typeof followUpBody>): Promise<DecisionOut> {
  return writeUseCase(ctx, async (tx) => {
    const { d, personId } = await loadDecided(tx, ctx, decisionId);
    if (!isFavourable(d.outcome)) throw new AppError('DECISION_NOT_FAVOURABLE');
    const problem =
      futureProblem('date', input.date, ctx.clock.today()) ??
      (input.date < d.decisionDate ? { path: 'date', message: `Uppföljningen kan inte vara före beslutsdatumet (${d.decisionDate}).` } : null);
    if (problem) throw new AppError('VALIDATION_FAILED', { fields: [problem] });
    const [f] = await tx.insert(followUps).values({ decisionId: d.id, date: input.date, result: input.result, note: input.note, createdBy: ctx.actor.id, createdAt: ctx.clock.now() }).returning();
    await recordAudit(tx, ctx, { action: 'follow_up.create', entityType: 'decision', entityId: d.id, personId, details: { decisionId: f.decisionId, result: f.result } });
    return present(ctx, tx, d.id);
  });
}
