import type { UseCaseContext } from '../platform/context';
import { writeUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { renderPdf } from '../platform/documents/pdf';
import { settingsOf } from '../platform/settings';
import { requirePerson } from '../people/repo';
import { protectedContactCase, recordProtectedReveal } from '../people/load-person-view';
import { acknowledgementLetterPdf } from './acknowledgement-letter';
import { loadCase } from './load-case';
import { throwProblems } from './problems';
import { documentationDeadline, documentationMissing, letterRefusal } from './rules';

/**
 * The acknowledgement letter as PDF. A protected person's address is printed only for readers allowed
 * to see it (and that is logged as a reveal); anyone else gets the letter without an address.
 */
export async function createAcknowledgementLetter(ctx: UseCaseContext, caseId: string): Promise<{ pdf: Buffer; fileName: string }> {
  const input = await writeUseCase(ctx, async (tx) => {
    const { c, unitName, responsibleName } = await loadCase(tx, ctx, caseId);
    throwProblems([letterRefusal(c)]);
    const acknowledgedDate = c.acknowledgedDate!;
    const person = await requirePerson(tx, c.personId);
    const basis = await protectedContactCase(tx, ctx, person);
    const showAddress = !person.protectedIdentity || basis !== null;
    if (basis) await recordProtectedReveal(tx, ctx, person, basis, 'letter');
    const m = await settingsOf(ctx, tx);
    await recordAudit(tx, ctx, { action: 'letter.acknowledgement', entityType: 'case', entityId: c.id, personId: c.personId, details: { addressPrinted: showAddress } });
    return {
      municipality: { name: m.name, postalAddress: m.postalAddress, phone: m.phone, email: m.email, privacyInfo: m.privacyInfo },
      unitName,
      caseNumber: c.caseNumber,
      route: c.route,
      receivedDate: c.receivedDate,
      // The letter is dated the day of the acknowledgement, whenever it is printed.
      letterDate: acknowledgedDate,
      // The intyg's due date is counted from the acknowledgement, so the letter and the case's warning agree.
      documentationDueDate: documentationMissing(c) ? documentationDeadline(acknowledgedDate, m.documentationWithinWorkingDays) : null,
      person: {
        firstName: person.firstName,
        lastName: person.lastName,
        address: showAddress ? { street: person.streetAddress, postalCode: person.postalCode, city: person.city } : null,
      },
      caseOfficer: responsibleName,
    };
  });
  return { pdf: await renderPdf(acknowledgementLetterPdf(input)), fileName: `bekraftelse-${input.caseNumber}.pdf` };
}
