// Disposal (gallring) of case records and persons, and person merge: pure rules, no I/O, no clock.
// The database side (disposal-repo.ts) loads the facts; these functions decide. Table-tested in disposal-rules.test.ts.
import { addMonths, type IsoDate } from '../platform/calendar';

/** What a retention rule is about: a closed case's record (personakt), or a person left without any case. */
export const DISPOSAL_RECORD_TYPES = ['closed_case', 'person'] as const;
export type DisposalRecordType = (typeof DISPOSAL_RECORD_TYPES)[number];

export const disposalRecordTypeLabel: Record<DisposalRecordType, string> = {
  closed_case: 'Avslutade ärenden (personakt)',
  person: 'Personer utan ärenden',
};

export interface DisposalRule {
  recordType: DisposalRecordType;
  /** An inactive rule disposes nothing (and the dry run says so). */
  active: boolean;
  /** Disposed this many years after the last entry, at the latest by the end of the following year. */
  yearsAfterLastEntry: number;
  /** Persons born on these days of the month are kept (research sample; SoL: the 5th, 15th and 25th). */
  keepBornOnDays: number[];
  /** Cases under LSS with a decision are kept (closed_case only). */
  keepLssDecisions: boolean;
  /** When a person is disposed, their audit entries get a pseudonym instead of their id (never deleted). */
  pseudonymiseAudit: boolean;
}

export const DEFAULT_DISPOSAL_RULES: DisposalRule[] = [
  { recordType: 'closed_case', active: true, yearsAfterLastEntry: 5, keepBornOnDays: [5, 15, 25], keepLssDecisions: true, pseudonymiseAudit: true },
  { recordType: 'person', active: true, yearsAfterLastEntry: 5, keepBornOnDays: [5, 15, 25], keepLssDecisions: true, pseudonymiseAudit: true },
];

/** Why a record stays (or goes). */
export type DisposalVerdict = 'dispose' | 'rule_inactive' | 'open' | 'not_yet' | 'born_on_kept_day' | 'lss_decision' | 'payroll';

export interface RecordFacts {
  /** The latest entry in the record (the case and everything under it; for a person, the person's own row). */
  lastEntry: IsoDate;
  /** A case: ended, rejected or expired. A person: has no case left. */
  closed: boolean;
  /** Day of the month of the person's full birth date; null when only part of it is known. */
  birthDay: number | null;
  /** The case is under LSS and has a decision (closed_case only). */
  lssDecision?: boolean;
  /** The case's assignments have payroll lines, which are accounting records kept by their own rules. */
  payrollLines?: boolean;
}

/** From when the record may be disposed: the anniversary of the last entry (29 February → 28 February). */
export function disposalEligibleFrom(lastEntry: IsoDate, years: number): IsoDate {
  return addMonths(lastEntry, 12 * years);
}

/** By when it must be disposed: the end of the year after the one it became eligible in. */
export function disposalDueBy(lastEntry: IsoDate, years: number): IsoDate {
  return `${Number(disposalEligibleFrom(lastEntry, years).slice(0, 4)) + 1}-12-31`;
}

/**
 * The rule for one record on a day. The exceptions (birth day, LSS, payroll) are checked after time, so a record
 * counted as kept is one that would otherwise go now.
 */
export function disposalVerdict(rule: DisposalRule, f: RecordFacts, today: IsoDate): DisposalVerdict {
  if (!rule.active) return 'rule_inactive';
  if (!f.closed) return 'open';
  if (today < disposalEligibleFrom(f.lastEntry, rule.yearsAfterLastEntry)) return 'not_yet';
  if (f.birthDay !== null && rule.keepBornOnDays.includes(f.birthDay)) return 'born_on_kept_day';
  if (rule.recordType === 'closed_case' && rule.keepLssDecisions && f.lssDecision) return 'lss_decision';
  if (f.payrollLines) return 'payroll';
  return 'dispose';
}

/** The earliest date a record may have had its last entry and still be eligible today (a loose SQL pre-filter: a few days early). */
export function disposalCandidateCutoff(years: number, today: IsoDate): IsoDate {
  return addMonths(today, -12 * years + 1);
}

/** What a rule's form must hold. */
export function disposalRuleProblems(r: Pick<DisposalRule, 'yearsAfterLastEntry' | 'keepBornOnDays'>): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (!Number.isInteger(r.yearsAfterLastEntry) || r.yearsAfterLastEntry < 1 || r.yearsAfterLastEntry > 100)
    out.push({ path: 'yearsAfterLastEntry', message: 'Ange ett helt antal år, 1–100.' });
  if (r.keepBornOnDays.some((d) => !Number.isInteger(d) || d < 1 || d > 31)) out.push({ path: 'keepBornOnDays', message: 'Dagarna ska vara mellan 1 och 31.' });
  return out;
}

// ── Person merge ─────────────────────────────────────────────────────────────────────────────────────────────

export interface MergeCandidate {
  id: string;
  idKind: 'personnummer' | 'samordningsnummer' | 'reservnummer';
  identityNumber: string;
  mergedIntoId: string | null;
}

export type MergeRefusal = 'same_person' | 'already_merged' | 'different_personnummer';

/**
 * Two records of one person may be merged unless they are the same record, one is merged already, or both carry a
 * personnummer (two different valid personnummer are two people; the register's uniqueness makes them different).
 */
export function mergeRefusal(keep: MergeCandidate, merge: MergeCandidate): MergeRefusal | null {
  if (keep.id === merge.id) return 'same_person';
  if (keep.mergedIntoId || merge.mergedIntoId) return 'already_merged';
  if (keep.idKind === 'personnummer' && merge.idKind === 'personnummer' && keep.identityNumber !== merge.identityNumber) return 'different_personnummer';
  return null;
}

// ── Bulk reassignment ────────────────────────────────────────────────────────────────────────────────────────

/** Which of the chosen cases cannot be moved from `fromUserId` (not theirs, or not found in scope). */
export function reassignProblems(chosen: string[], found: { id: string; responsibleUserId: string }[], fromUserId: string, toUserId: string): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (fromUserId === toUserId) out.push({ path: 'toUserId', message: 'Välj en annan handläggare än den som ärendena flyttas från.' });
  const byId = new Map(found.map((c) => [c.id, c]));
  if (chosen.some((id) => byId.get(id)?.responsibleUserId !== fromUserId))
    out.push({ path: 'caseIds', message: 'Något av de valda ärendena finns inte hos handläggaren. Ladda om sidan och välj igen.' });
  return out;
}
