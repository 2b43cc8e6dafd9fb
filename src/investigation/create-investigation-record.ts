import type { UseCaseContext } from '../platform/context';
import { readUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { renderPdf } from '../platform/documents/pdf';
import { AppError } from '../platform/errors';
import { settingsOf } from '../platform/settings';
import { formatIdentityNumber } from '../people/identity-number';
import { investigationRecordPdf, type InvestigationRecordInput } from './investigation-record';
import { loadInvestigation } from './load-investigation';
import { factsOfInvestigation } from './present';
import { assessInvestigation } from './rules';

/** The investigation as a PDF record, with the warnings and the reasons to go on. Logged. */
export async function createInvestigationRecord(ctx: UseCaseContext, caseId: string): Promise<{ pdf: Buffer; fileName: string }> {
  const input = await readUseCase(ctx, async (q): Promise<InvestigationRecordInput> => {
    const l = await loadInvestigation(q, ctx, caseId, 'case:read');
    const inv = l.inv;
    if (!inv) throw new AppError('INVESTIGATION_NOT_STARTED');
    const { warnings } = assessInvestigation(factsOfInvestigation(inv), l.r.c.route, l.age, l.config);
    const m = await settingsOf(ctx, q);
    await recordAudit(q, ctx, { action: 'letter.investigation_record', entityType: 'case', entityId: caseId, personId: l.r.c.personId, details: { warnings: warnings.length } });
    return {
      municipalityName: m.name,
      unitName: l.r.unitName,
      caseNumber: l.r.c.caseNumber,
      route: l.r.c.route,
      person: { name: `${l.r.personFirstName} ${l.r.personLastName}`, identityNumber: formatIdentityNumber(l.r.personIdentityNumber, l.r.personIdKind) },
      caseOfficer: l.r.responsibleName,
      printedDate: ctx.clock.today(),
      startedDate: inv.startedDate,
      completedDate: inv.completedDate,
      needInOwnWords: inv.needInOwnWords,
      assessment: inv.assessment,
      otherSources: inv.otherSources,
      livingSituation: inv.livingSituation,
      livingSituationNote: inv.livingSituationNote,
      residenceName: inv.residenceName,
      householdMembers: inv.householdMembers.map((h) => ({ ...h, identityNumber: h.identityNumber ? formatIdentityNumber(h.identityNumber, 'personnummer') : null })),
      personkretsGroup: inv.personkretsGroup,
      personkretsDocumentation: inv.personkretsDocumentation,
      personkretsDocumentationDate: inv.personkretsDocumentationDate,
      solCriteria: { items: l.config.solCriteria, answers: inv.solCriteria },
      solExclusions: { items: l.config.solExclusions, chosen: inv.solExclusions },
      wishes: {
        gender: inv.wishedGender,
        genderRequired: inv.wishedGenderRequired,
        ageMin: inv.wishedAgeMin,
        ageMax: inv.wishedAgeMax,
        interests: inv.wishedInterests,
        languages: inv.wishedLanguages,
        other: inv.wishesOther,
      },
      warnings,
      warningReasons: inv.warningReasons,
      bookings: l.bookings.map((b) => ({ kind: b.kind, date: b.date, time: b.time, state: b.state, changeReason: b.changeReason })),
    };
  });
  return { pdf: await renderPdf(investigationRecordPdf(input)), fileName: `utredning-${input.caseNumber}.pdf` };
}
