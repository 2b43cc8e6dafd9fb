// What the investigation looks like to staff who may read the case. Fields are listed; nothing leaves by accident.
import { canOnCase, type Actor } from '../platform/policy/permissions';
import type { LoadedInvestigation } from './load-investigation';
import type { BookingRow, InvestigationRow } from './repo';
import { assessInvestigation, investigationRefusal, type InvestigationFacts } from './rules';
import type { BookingOut, InvestigationFormOut, InvestigationOut } from './schema';

export function presentBooking(b: BookingRow): BookingOut {
  return {
    id: b.id,
    kind: b.kind,
    date: b.date,
    time: b.time,
    durationMinutes: b.durationMinutes,
    place: b.place,
    personTakesPart: b.personTakesPart,
    representative: b.representative,
    interpreterLanguage: b.interpreterLanguage,
    otherParticipants: b.otherParticipants,
    state: b.state,
    replacedById: b.replacedById,
    changeReason: b.changeReason,
    bookedBy: b.bookedBy,
    version: b.version,
  };
}

const EMPTY_FORM: InvestigationFormOut = {
  needInOwnWords: null,
  assessment: null,
  otherSources: {},
  livingSituation: null,
  livingSituationNote: null,
  residenceName: null,
  householdMembers: [],
  personkretsGroup: null,
  personkretsDocumentation: null,
  personkretsDocumentationDate: null,
  solCriteria: {},
  solExclusions: [],
  wishedGender: null,
  wishedGenderRequired: false,
  wishedAgeMin: null,
  wishedAgeMax: null,
  wishedInterests: [],
  wishedLanguages: [],
  wishesOther: null,
  warningReasons: {},
};

function presentForm(i: InvestigationRow | null): InvestigationFormOut {
  if (!i) return EMPTY_FORM;
  return {
    needInOwnWords: i.needInOwnWords,
    assessment: i.assessment,
    otherSources: i.otherSources as InvestigationFormOut['otherSources'],
    livingSituation: i.livingSituation,
    livingSituationNote: i.livingSituationNote,
    residenceName: i.residenceName,
    householdMembers: i.householdMembers,
    personkretsGroup: i.personkretsGroup,
    personkretsDocumentation: i.personkretsDocumentation,
    personkretsDocumentationDate: i.personkretsDocumentationDate,
    solCriteria: i.solCriteria,
    solExclusions: i.solExclusions,
    wishedGender: i.wishedGender,
    wishedGenderRequired: i.wishedGenderRequired,
    wishedAgeMin: i.wishedAgeMin,
    wishedAgeMax: i.wishedAgeMax,
    wishedInterests: i.wishedInterests,
    wishedLanguages: i.wishedLanguages,
    wishesOther: i.wishesOther,
    warningReasons: i.warningReasons as Record<string, string>,
  };
}

/** The row's facts the eligibility rules read. */
export function factsOfInvestigation(i: InvestigationRow | null): InvestigationFacts | null {
  return i
    ? {
        livingSituation: i.livingSituation,
        personkretsGroup: i.personkretsGroup,
        personkretsDocumentationDate: i.personkretsDocumentationDate,
        solExclusions: i.solExclusions,
        otherSources: i.otherSources,
        warningReasons: i.warningReasons,
      }
    : null;
}

export function presentInvestigation(actor: Actor, l: LoadedInvestigation): InvestigationOut {
  const { r, inv, config } = l;
  const canWrite = canOnCase(actor, 'investigation:write', r.c) && investigationRefusal(l.facts) === null;
  const open = canWrite && !inv?.completedDate;
  const a = assessInvestigation(factsOfInvestigation(inv), r.c.route, l.age, config);
  return {
    caseId: r.c.id,
    caseNumber: r.c.caseNumber,
    route: r.c.route,
    personName: `${r.personFirstName} ${r.personLastName}`,
    exists: inv !== null,
    startedDate: inv?.startedDate ?? null,
    completedDate: inv?.completedDate ?? null,
    version: inv?.version ?? null,
    updatedAt: inv ? inv.updatedAt.toISOString() : null,
    form: presentForm(inv),
    bookings: l.bookings.map(presentBooking),
    ...a,
    solCriteria: [...config.solCriteria],
    solExclusions: [...config.solExclusions],
    personKnown: l.personKnown,
    abilities: { canBook: open, canEdit: open, canComplete: open && inv !== null },
  };
}
