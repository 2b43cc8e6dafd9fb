import type { UseCaseContext } from '../platform/context';
import { writeUseCase } from '../platform/db/transaction';
import { updateVersioned } from '../platform/db/versioned';
import { recordAudit } from '../platform/audit/record';
import { AppError } from '../platform/errors';
import { parseIdentityNumber } from '../people/identity-number';
import { loadInvestigation } from './load-investigation';
import { presentInvestigation } from './present';
import { isUniqueViolation, throwProblems } from './problems';
import type { InvestigationRow } from './repo';
import { draftProblems, investigationRefusal, OTHER_SOURCES, type InvestigationFieldProblem, type OtherSourceAnswers, type WarningReasons } from './rules';
import type { InvestigationInput, InvestigationOut } from './schema';
import { investigations } from './tables';

type Columns = Omit<typeof investigations.$inferInsert, 'id' | 'caseId' | 'startedDate' | 'version' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'completedDate'>;

/** The form's values as columns: empty answers and reasons left out, household numbers normalised to 12 digits. */
function columnsOf(input: InvestigationInput, today: string): { set: Columns; problems: InvestigationFieldProblem[] } {
  const problems: InvestigationFieldProblem[] = [];
  const otherSources: OtherSourceAnswers = {};
  for (const s of OTHER_SOURCES) {
    const a = input.otherSources[s];
    if (a) otherSources[s] = { answer: a.answer, note: a.note };
  }
  const warningReasons: WarningReasons = {};
  for (const [code, reason] of Object.entries(input.warningReasons)) if (reason) warningReasons[code as keyof WarningReasons] = reason;
  const householdMembers = input.householdMembers.map((m, i) => {
    if (!m.identityNumber) return { name: m.name, relation: m.relation, identityNumber: null };
    const p = parseIdentityNumber(m.identityNumber, today);
    if (!p.ok) problems.push({ path: `householdMembers.${i}.identityNumber`, message: p.message });
    return { name: m.name, relation: m.relation, identityNumber: p.ok ? p.normalized : null };
  });
  const { version: _v, ...rest } = input;
  return { set: { ...rest, otherSources, warningReasons, householdMembers }, problems };
}

/** Field names whose value differs from the row (for the audit entry: names, never values). */
function changedFields(before: InvestigationRow | null, set: Columns): string[] {
  return Object.keys(set).filter((k) => JSON.stringify((before as Record<string, unknown> | null)?.[k] ?? null) !== JSON.stringify(set[k as keyof Columns] ?? null));
}

/**
 * Save the investigation form as a draft: the whole form each time, with the version it was read at (a colleague's
 * save in between → 409 VERSION_CONFLICT). The first save creates the row (the case is then "under utredning").
 */
export async function saveInvestigation(ctx: UseCaseContext, caseId: string, input: InvestigationInput): Promise<InvestigationOut> {
  try {
    return await writeUseCase(ctx, async (tx) => {
      const l = await loadInvestigation(tx, ctx, caseId, 'investigation:write');
      const today = ctx.clock.today();
      throwProblems([investigationRefusal(l.facts)]);
      if ((l.inv?.version ?? null) !== (input.version ?? null)) throw new AppError('VERSION_CONFLICT');
      if (l.inv?.completedDate) throw new AppError('INVESTIGATION_COMPLETED');
      const { set, problems } = columnsOf(input, today);
      throwProblems([...draftProblems(input, today, l.config), ...problems]);
      const fields = changedFields(l.inv, set);
      if (l.inv) {
        await updateVersioned(tx, investigations, l.inv.id, l.inv.version, { ...set, updatedBy: ctx.actor.id, updatedAt: ctx.clock.now() });
      } else {
        await tx.insert(investigations).values({ caseId, startedDate: today, ...set, updatedBy: ctx.actor.id });
      }
      await recordAudit(tx, ctx, { action: 'investigation.save', entityType: 'case', entityId: caseId, personId: l.r.c.personId, details: { fields, created: !l.inv } });
      return presentInvestigation(ctx.actor, await loadInvestigation(tx, ctx, caseId, 'investigation:write'));
    });
  } catch (e) {
    // Two first saves at once (or a booking that created the row meanwhile): the second saw no version.
    if (isUniqueViolation(e, 'investigations_case_id_unique')) throw new AppError('VERSION_CONFLICT');
    throw e;
  }
}
