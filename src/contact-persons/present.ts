// What the coordinator sees of a contact person: the profile, each requirement's state (rules.ts), the
// duplicates ("finns redan") and whether the applicant is also a registered client. Never payment details.
import { can, type Actor } from '../platform/policy/permissions';
import { formatIdentityNumber } from '../people/identity-number';
import {
  approvalProblems,
  assignmentsToFollowUp,
  blockedForNewAssignments,
  cpStatusLabel,
  deriveCpStatus,
  endReasonLabel,
  extractKeepUntil,
  requirementLabel,
  requirementStateLabel,
  requirementStates,
  type CheckRuleVersion,
  type CpStatus,
  type RequirementView,
} from './rules';
import { statusFactsOf, type CpFacts, type CpFull, type CpListRow, type CpSettings } from './repo';
import type { CpOut, CpSummaryOut } from './schema';

export function presentSummary(r: CpListRow): CpSummaryOut {
  return {
    id: r.id,
    name: `${r.firstName} ${r.lastName}`,
    status: r.status,
    statusLabel: cpStatusLabel[r.status],
    appliedDate: r.appliedDate,
    district: r.district,
    interests: r.interests,
    languages: r.languages,
    availability: r.availability,
    capacity: r.capacity,
    activeAssignments: r.activeAssignments,
    duplicate: r.duplicate,
    isClient: r.isClient,
  };
}

export function requirementsOf(full: CpFacts, settings: CpSettings, rules: readonly CheckRuleVersion[], today: string): RequirementView[] {
  const latest = full.checks[0]?.check ?? null;
  return requirementStates(
    {
      config: settings.requirements,
      steps: full.steps.map((s) => ({ kind: s.kind, status: s.status, doneDate: s.doneDate, bookedDate: s.bookedDate })),
      references: full.references,
      referencesRequired: settings.referencesRequired,
      check: latest,
      rules,
    },
    today,
  );
}

export function presentContactPerson(actor: Actor, full: CpFull, settings: CpSettings, rules: readonly CheckRuleVersion[], today: string, duplicateStatuses: Map<string, CpStatus>): CpOut {
  const r = full.row;
  const status = deriveCpStatus(statusFactsOf(full), today);
  const reqs = requirementsOf(full, settings, rules, today);
  const problems = approvalProblems(reqs);
  const canEdit = can(actor, 'contact-person:write');
  const open = status !== 'ended';
  const interview = full.steps.find((s) => s.kind === 'interview');
  return {
    id: r.id,
    name: `${r.firstName} ${r.lastName}`,
    status,
    statusLabel: cpStatusLabel[status],
    appliedDate: r.appliedDate,
    district: full.district,
    interests: r.interests,
    languages: r.languages,
    availability: r.availability,
    capacity: r.capacity,
    activeAssignments: r.currentLoad,
    duplicate: full.duplicates.length > 0,
    isClient: full.isClient,
    firstName: r.firstName,
    lastName: r.lastName,
    identityNumber: formatIdentityNumber(r.identityNumber, 'personnummer'),
    email: r.email,
    phone: r.phone,
    streetAddress: r.streetAddress,
    postalCode: r.postalCode,
    city: r.city,
    districtId: r.districtId,
    motivation: r.motivation,
    interestsOther: r.interestsOther,
    travel: r.travel,
    ageGroups: r.ageGroups,
    preferredGender: r.preferredGender,
    comfortableWith: r.comfortableWith,
    pets: r.pets,
    smokes: r.smokes,
    allergies: r.allergies,
    experience: r.experience,
    workplace: r.workplace,
    source: r.source,
    approvedDate: r.approvedDate,
    approvedBy: full.approvedByName,
    endedDate: r.endedDate,
    endReason: r.endReason,
    endReasonLabel: r.endReason ? endReasonLabel[r.endReason] : null,
    endNote: r.endNote,
    lastContactDate: r.lastContactDate,
    duplicates: full.duplicates.map((d) => {
      const s = duplicateStatuses.get(d.id) ?? 'applicant';
      return { id: d.id, name: `${d.firstName} ${d.lastName}`, status: cpStatusLabel[s], appliedDate: d.appliedDate };
    }),
    requirements: reqs.map((q) => ({ kind: q.kind, label: requirementLabel[q.kind], state: q.state, stateLabel: requirementStateLabel[q.state], date: q.date, expires: q.expires })),
    approvalProblems: problems,
    blockedForNewAssignments: r.approvedDate !== null && blockedForNewAssignments(reqs),
    assignmentsToFollowUp: r.approvedDate !== null ? assignmentsToFollowUp(reqs, r.currentLoad) : 0,
    interview: interview
      ? { status: interview.status, bookedDate: interview.bookedDate, bookedTime: interview.bookedTime, location: interview.location, doneDate: interview.doneDate, notes: interview.notes }
      : null,
    steps: full.steps.map((s) => ({ kind: s.kind, status: s.status, doneDate: s.doneDate, notes: s.notes })),
    references: full.references.map((x) => ({ id: x.id, name: x.name, relation: x.relation, phone: x.phone, contactedDate: x.contactedDate, outcome: x.outcome, notes: x.notes })),
    registerChecks: full.checks.map(({ check: c, seenBy }) => ({
      id: c.id,
      shownDate: c.shownDate,
      extractDate: c.extractDate,
      registers: c.registers,
      law: c.law,
      seenBy,
      returnedDate: c.returnedDate,
      // Kept at least two years from the assignment's start (2010:479 4 §); until assignments exist, from the day it was shown.
      keepAtLeastUntil: extractKeepUntil(c.shownDate),
    })),
    pauses: full.pauses.map((p) => ({ id: p.id, fromDate: p.fromDate, untilDate: p.untilDate, reason: p.reason })),
    version: r.version,
    abilities: {
      canEdit: canEdit && open,
      canApprove: canEdit && open && r.approvedDate === null && problems.length === 0,
      canEnd: canEdit && open,
      canSeePayment: can(actor, 'contact-person:payment') || canEdit,
    },
  };
}
