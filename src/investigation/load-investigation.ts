// Shared by the investigation use cases: the case (within scope, loadCase), its investigation and bookings, the
// person's age, whether the person is known to the unit, and the municipality's routine.
import type { Queryable } from '../platform/db/connect';
import type { UseCaseContext } from '../platform/context';
import type { Permission } from '../platform/policy/permissions';
import { settingsOf } from '../platform/settings';
import { requirePerson, type PersonRow } from '../people/repo';
import { ageOn } from '../people/rules';
import { loadCase } from '../intake/load-case';
import type { CaseWithNames } from '../intake/repo';
import { findInvestigation, listBookings, otherCasesInUnit, type BookingRow, type InvestigationRow } from './repo';
import { eligibilityAge, investigationConfig, isPersonKnown, type InvestigationCase } from './rules';
import { allOf } from '../platform/db/transaction';

export interface LoadedInvestigation {
  r: CaseWithNames;
  inv: InvestigationRow | null;
  bookings: BookingRow[];
  person: PersonRow;
  age: number | null;
  personKnown: boolean;
  config: ReturnType<typeof investigationConfig>;
  /** The case facts the investigation rules read. */
  facts: InvestigationCase;
}

export async function loadInvestigation(q: Queryable, ctx: UseCaseContext, caseId: string, permission: Permission): Promise<LoadedInvestigation> {
  const r = await loadCase(q, ctx, caseId, permission);
  const [inv, bookings, person, others, settings] = await allOf(q,
    () => findInvestigation(q, caseId),
    () => listBookings(q, caseId),
    () => requirePerson(q, r.c.personId),
    () => otherCasesInUnit(q, r.c),
    () => settingsOf(ctx, q));
  return {
    r,
    inv,
    bookings,
    person,
    age: eligibilityAge(ageOn(person, ctx.clock.today())),
    personKnown: isPersonKnown({ otherCasesInUnit: others, acknowledgementMethod: r.c.acknowledgementMethod }),
    config: investigationConfig(settings),
    facts: { applicationDate: r.c.applicationDate, acknowledgedDate: r.c.acknowledgedDate, decided: r.facts.decisionOutcome !== null },
  };
}
