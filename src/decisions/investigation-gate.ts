// TEMPORARY stand-in for `investigationReadiness` from src/investigation/readiness.ts (built in parallel): the
// investigation's readiness for a decision, from the `investigations` row and the investigation stage's pure
// rules. The integrator replaces this file's import in make-decision.ts with the investigation stage's own.
import { eq } from 'drizzle-orm';
import type { Queryable } from '../platform/db/connect';
import { ageOn } from '../people/rules';
import { persons } from '../people/tables';
import { cases } from '../intake/tables';
import {
  eligibilityWarnings,
  missingWarningReasons,
  unansweredOtherSources,
  type EligibilityConfig,
  type EligibilityWarning,
  type EligibilityWarningCode,
  type OtherSource,
} from '../investigation/rules';
import { investigations } from '../investigation/tables';

export interface InvestigationReadiness {
  exists: boolean;
  completed: boolean;
  unansweredSources: OtherSource[];
  warnings: EligibilityWarning[];
  missingReasons: EligibilityWarningCode[];
}

export async function investigationReadiness(q: Queryable, caseId: string, today: string, config: EligibilityConfig): Promise<InvestigationReadiness> {
  const [row] = await q
    .select({ inv: investigations, route: cases.route, birthDate: persons.birthDate, birthDatePartial: persons.birthDatePartial })
    .from(investigations)
    .innerJoin(cases, eq(cases.id, investigations.caseId))
    .innerJoin(persons, eq(persons.id, cases.personId))
    .where(eq(investigations.caseId, caseId));
  if (!row) return { exists: false, completed: false, unansweredSources: unansweredOtherSources({}), warnings: [], missingReasons: [] };
  const age = ageOn({ birthDate: row.birthDate, birthDatePartial: row.birthDatePartial }, today);
  const warnings = eligibilityWarnings(
    {
      route: row.route,
      age: age.kind === 'exact' ? age.years : age.kind === 'range' ? age.min : null,
      livingSituation: row.inv.livingSituation,
      personkretsGroup: row.inv.personkretsGroup,
      personkretsDocumentationDate: row.inv.personkretsDocumentationDate,
      solExclusions: row.inv.solExclusions,
      otherSources: row.inv.otherSources,
    },
    config,
  );
  return {
    exists: true,
    completed: row.inv.completedDate !== null,
    unansweredSources: unansweredOtherSources(row.inv.otherSources),
    warnings,
    missingReasons: missingWarningReasons(warnings, row.inv.warningReasons),
  };
}
