// The uppdragsavtal and the förordnande as PDF. Both are logged. Only names are printed (no address of the person:
// a person with skyddad identitet is safe in them too).
import type { UseCaseContext } from '../platform/context';
import { readUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { renderPdf } from '../platform/documents/pdf';
import { settingsOf } from '../platform/settings';
import { rateOn } from '../payments/repo';
import { agreementPdf, appointmentPdf, type AgreementInput } from './agreement-document';
import { loadAssignment } from './load-assignment';
import { assignmentDetail } from './repo';

type Document = 'uppdragsavtal' | 'forordnande';

export function createAssignmentDocument(ctx: UseCaseContext, id: string, document: Document): Promise<{ pdf: Buffer; fileName: string }> {
  return readUseCase(ctx, async (q) => {
    const a = await loadAssignment(q, ctx, id, 'assignment:read');
    const r = (await assignmentDetail(q, a.id))!;
    const m = await settingsOf(ctx, q);
    const rate = await rateOn(q, a.rateLevel, a.periodFrom);
    const input: AgreementInput = {
      municipality: { name: m.name, postalAddress: m.postalAddress },
      unitName: r.providerUnitName,
      caseNumber: r.caseNumber,
      date: document === 'forordnande' ? (a.appointedDate ?? ctx.clock.today()) : (a.agreementDate ?? ctx.clock.today()),
      route: r.route,
      person: { firstName: r.person.firstName, lastName: r.person.lastName },
      contactPerson: { firstName: r.cp.firstName, lastName: r.cp.lastName },
      meetingsPerMonth: a.meetingsPerMonth,
      frequencyText: a.frequencyText,
      activities: a.activities,
      periodFrom: a.periodFrom,
      periodTo: a.periodTo,
      rate: rate ? { name: rate.name, year: rate.year, arvode: rate.arvode, omkostnad: rate.omkostnad } : null,
    };
    await recordAudit(q, ctx, { action: 'assignment.document', entityType: 'assignment', entityId: a.id, personId: r.personId, details: { document } });
    const pdf = await renderPdf(document === 'uppdragsavtal' ? agreementPdf(input) : appointmentPdf(input));
    return { pdf, fileName: `${document}-${r.caseNumber}.pdf` };
  });
}
