// What the decision stage asks of the investigation before it lets a handläggare decide.
//
//   investigationReadiness(q: Queryable, caseId: string, today: string, config: EligibilityConfig): Promise<InvestigationReadiness>
//
// - `q`: the caller's transaction or connection. No scope check here: the caller has already loaded the case with
//   loadCase (src/intake/load-case.ts) for its own permission.
// - `today`: the injected clock's today (the person's age for the SoL age warning is counted on this day).
// - `config`: `investigationConfig(await settingsOf(ctx, q))` from ./rules (solMinAge and the configured SoL
//   exclusions; settings are per request, so the caller reads them).
// Returns { exists, completed, completedDate, unansweredSources, warnings, missingReasons, warningReasons, wishes,
// householdMembers }. A case without an investigation answers exists: false, completed: false, every source
// unanswered and the warnings an empty form gives. Pure computation on the loaded rows (assessInvestigation in rules.ts).
import { eq } from 'drizzle-orm';
import type { Queryable } from '../platform/db/connect';
import { persons } from '../people/tables';
import { ageOn } from '../people/rules';
import { cases } from '../intake/tables';
import { factsOfInvestigation } from './present';
import { findInvestigation } from './repo';
import {
  assessInvestigation,
  eligibilityAge,
  type EligibilityConfig,
  type EligibilityWarning,
  type EligibilityWarningCode,
  type HouseholdMember,
  type OtherSource,
  type WarningReasons,
  type WishedGender,
} from './rules';

export interface InvestigationWishes {
  gender: WishedGender | null;
  genderRequired: boolean;
  ageMin: number | null;
  ageMax: number | null;
  interests: string[];
  languages: string[];
  other: string | null;
}

export interface InvestigationReadiness {
  exists: boolean;
  completed: boolean;
  completedDate: string | null;
  unansweredSources: OtherSource[];
  warnings: EligibilityWarning[];
  missingReasons: EligibilityWarningCode[];
  /** The handläggare's reasons per warning (part of the record, printed in the decision if wanted). */
  warningReasons: WarningReasons;
  wishes: InvestigationWishes;
  householdMembers: HouseholdMember[];
}

export async function investigationReadiness(q: Queryable, caseId: string, today: string, config: EligibilityConfig): Promise<InvestigationReadiness> {
  const [c] = await q
    .select({ route: cases.route, birthDate: persons.birthDate, birthDatePartial: persons.birthDatePartial })
    .from(cases)
    .innerJoin(persons, eq(persons.id, cases.personId))
    .where(eq(cases.id, caseId));
  if (!c) throw new Error(`investigationReadiness: no case ${caseId}`);
  const inv = await findInvestigation(q, caseId);
  const a = assessInvestigation(factsOfInvestigation(inv), c.route, eligibilityAge(ageOn(c, today)), config);
  return {
    exists: inv !== null,
    completed: inv?.completedDate != null,
    completedDate: inv?.completedDate ?? null,
    ...a,
    warningReasons: inv?.warningReasons ?? {},
    wishes: {
      gender: inv?.wishedGender ?? null,
      genderRequired: inv?.wishedGenderRequired ?? false,
      ageMin: inv?.wishedAgeMin ?? null,
      ageMax: inv?.wishedAgeMax ?? null,
      interests: inv?.wishedInterests ?? [],
      languages: inv?.wishedLanguages ?? [],
      other: inv?.wishesOther ?? null,
    },
    householdMembers: inv?.householdMembers ?? [],
  };
}
