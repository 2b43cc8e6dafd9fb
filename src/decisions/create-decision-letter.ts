import type { UseCaseContext } from '../platform/context';
import { writeUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { AppError } from '../platform/errors';
import { renderPdf } from '../platform/documents/pdf';
import { settingsOf } from '../platform/settings';
import { requirePerson } from '../people/repo';
import { protectedContactCase, recordProtectedReveal } from '../people/load-person-view';
import { loadCase } from '../intake/load-case';
import { decisionLetterPdf, type DecisionLetterInput } from './decision-letter';
import { hoursOf } from './present';
import { findDecision } from './repo';
import { formatHours, formatScope, isFavourable } from './rules';

/**
 * The decision letter as PDF, from the stored decision and the legal basis it stores. A protected person's address
 * is printed only for readers allowed to see it (logged as a reveal), as for the acknowledgement letter.
 */
export async function createDecisionLetter(ctx: UseCaseContext, decisionId: string): Promise<{ pdf: Buffer; fileName: string }> {
  const input = await writeUseCase(ctx, async (tx): Promise<DecisionLetterInput> => {
    const full = await findDecision(tx, decisionId);
    if (!full) throw new AppError('NOT_FOUND');
    const { c, unitName } = await loadCase(tx, ctx, full.d.caseId);
    const d = full.d;
    if (d.state !== 'decided') throw new AppError('DECISION_NOT_DECIDED');
    const person = await requirePerson(tx, c.personId);
    const basis = await protectedContactCase(tx, ctx, person);
    const showAddress = !person.protectedIdentity || basis !== null;
    if (basis) await recordProtectedReveal(tx, ctx, person, basis, 'letter');
    const m = await settingsOf(ctx, tx);
    const appealRoute = d.outcome === 'granted' ? null : full.basis.appealRoute;
    await recordAudit(tx, ctx, { action: 'letter.decision', entityType: 'decision', entityId: d.id, personId: c.personId, details: { addressPrinted: showAddress, appealRoute } });
    const hours = hoursOf(d, m);
    return {
      municipality: { name: m.name, postalAddress: m.postalAddress, phone: m.phone, email: m.email },
      unitName,
      caseNumber: c.caseNumber,
      applicationDate: c.applicationDate ?? c.receivedDate,
      decisionDate: d.decisionDate,
      person: {
        firstName: person.firstName,
        lastName: person.lastName,
        address: showAddress ? { street: person.streetAddress, postalCode: person.postalCode, city: person.city } : null,
      },
      caseOfficer: full.decidedByName ?? '',
      outcome: d.outcome,
      requested: d.requested,
      reasons: d.reasons,
      scope:
        isFavourable(d.outcome) && d.scopeUnit && d.scopeAmount && d.startDate && hours
          ? { text: formatScope(d.scopeUnit, d.scopeAmount), hours: formatHours(hours), contactPersonCount: d.contactPersonCount ?? 1, startDate: d.startDate, endDate: d.endDate }
          : null,
      homeCareTariff: d.homeCareTariff,
      basis: { printText: full.basis.printText, appealRoute: full.basis.appealRoute },
    };
  });
  return { pdf: await renderPdf(decisionLetterPdf(input)), fileName: `beslut-${input.caseNumber}.pdf` };
}
