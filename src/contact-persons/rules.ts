// The contact-person register's rules (domain.md §3–4), pure: status, requirements and their expiry, the
// registerkontroll's validity for an assignment over dated rule versions, reminders. No I/O, no clock.
import { addDays, addMonths, daysBetween, type IsoDate } from '../platform/calendar';

// ---- Enums and labels -------------------------------------------------------------------------------

export const CP_STATUSES = ['applicant', 'investigating', 'available', 'full', 'paused', 'ended'] as const;
export type CpStatus = (typeof CP_STATUSES)[number];
export const cpStatusLabel: Record<CpStatus, string> = {
  applicant: 'Sökande',
  investigating: 'Under utredning',
  available: 'Godkänd, ledig',
  full: 'Godkänd, fullbelagd',
  paused: 'Pausad',
  ended: 'Avslutad',
};

/** Why a contact person (or an applicant) is avslutad. */
export const END_REASONS = ['declined', 'withdrawn', 'ended'] as const;
export type EndReason = (typeof END_REASONS)[number];
export const endReasonLabel: Record<EndReason, string> = {
  declined: 'Ej antagen',
  withdrawn: 'Återtog sin ansökan',
  ended: 'Uppdraget som kontaktperson avslutat',
};

/** The steps of recruitment kept as requirement rows (references and registerkontroll have their own records). */
export const STEP_KINDS = ['interview', 'pledge', 'introduction'] as const;
export type StepKind = (typeof STEP_KINDS)[number];
export const REQUIREMENT_KINDS = ['interview', 'references', 'register_check', 'pledge', 'introduction'] as const;
export type RequirementKind = (typeof REQUIREMENT_KINDS)[number];
export const requirementLabel: Record<RequirementKind, string> = {
  interview: 'Intervju',
  references: 'Referenser',
  register_check: 'Registerkontroll',
  pledge: 'Tystnadsförbindelse',
  introduction: 'Introduktion',
};

export const STEP_STATUSES = ['pending', 'booked', 'done', 'failed'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export const REQUIREMENT_STATES = ['missing', 'booked', 'done', 'expired', 'failed', 'not_required'] as const;
export type RequirementState = (typeof REQUIREMENT_STATES)[number];
export const requirementStateLabel: Record<RequirementState, string> = {
  missing: 'Saknas',
  booked: 'Bokad',
  done: 'Klar',
  expired: 'Har gått ut',
  failed: 'Inte godkänd',
  not_required: 'Krävs inte',
};

export const REFERENCE_OUTCOMES = ['pending', 'positive', 'negative'] as const;
export type ReferenceOutcome = (typeof REFERENCE_OUTCOMES)[number];
export const referenceOutcomeLabel: Record<ReferenceOutcome, string> = { pending: 'Inte kontaktad än', positive: 'Positiv', negative: 'Negativ' };

export const REGISTERS = ['belastningsregistret', 'misstankeregistret'] as const;
export type Register = (typeof REGISTERS)[number];
export const registerLabel: Record<Register, string> = { belastningsregistret: 'Belastningsregistret', misstankeregistret: 'Misstankeregistret' };

/** The activity an assignment belongs to, which decides whether a registerkontroll is required. */
export const ACTIVITIES = ['lss_child', 'lss_adult', 'sol_child', 'sol_adult'] as const;
export type Activity = (typeof ACTIVITIES)[number];
export const activityLabel: Record<Activity, string> = {
  lss_child: 'LSS-insats för barn',
  lss_adult: 'LSS-insats för vuxen',
  sol_child: 'Insats enligt socialtjänstlagen för barn',
  sol_adult: 'Insats enligt socialtjänstlagen för vuxen',
};

export const AVAILABILITY_SLOTS = ['weekday_day', 'weekday_evening', 'weekend'] as const;
export type AvailabilitySlot = (typeof AVAILABILITY_SLOTS)[number];
export const availabilityLabel: Record<AvailabilitySlot, string> = { weekday_day: 'Vardagar dagtid', weekday_evening: 'Vardagskvällar', weekend: 'Helger' };

export const TRAVEL_MEANS = ['car', 'public_transport', 'bicycle', 'walk'] as const;
export type TravelMean = (typeof TRAVEL_MEANS)[number];
export const travelLabel: Record<TravelMean, string> = { car: 'Bil', public_transport: 'Kollektivtrafik', bicycle: 'Cykel', walk: 'Till fots' };

export const AGE_GROUPS = ['child', 'youth', 'adult', 'senior'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];
export const ageGroupLabel: Record<AgeGroup, string> = { child: 'Barn (under 13 år)', youth: 'Ungdomar (13–20 år)', adult: 'Vuxna', senior: 'Äldre' };

/** The register-check scope a municipality chooses: always, or only for assignments with children. */
export const REGISTER_CHECK_SCOPES = ['always', 'children'] as const;
export type RegisterCheckScope = (typeof REGISTER_CHECK_SCOPES)[number];

/** The municipality's requirement configuration (contact_person_settings.requirements). */
export interface RequirementConfig {
  kind: RequirementKind;
  required: boolean;
  /** Months a done requirement stays valid; null = does not expire (the registerkontroll follows its rule versions). */
  validityMonths: number | null;
}

export const DEFAULT_REQUIREMENTS: RequirementConfig[] = [
  { kind: 'interview', required: true, validityMonths: null },
  { kind: 'references', required: true, validityMonths: null },
  { kind: 'register_check', required: true, validityMonths: null },
  { kind: 'pledge', required: true, validityMonths: null },
  { kind: 'introduction', required: true, validityMonths: null },
];
export const DEFAULT_REFERENCES_REQUIRED = 2;

// ---- Registerkontroll ---------------------------------------------------------------------------------

/** One version of the rule (lag 2010:479 and its amendments), dated data the administrator can add to. */
export interface CheckRuleVersion {
  law: string;
  validFrom: IsoDate;
  /** Inclusive; null = until further notice. */
  validTo: IsoDate | null;
  maxAgeMonths: number;
  requiredRegisters: readonly string[];
  /** Re-engagement in the same activity within this many months of the last one's end is exempt (3 §). */
  reengagementMonths: number;
}

export const DEFAULT_CHECK_RULES: CheckRuleVersion[] = [
  { law: '2010:479', validFrom: '2011-01-01', validTo: '2026-02-28', maxAgeMonths: 12, requiredRegisters: ['belastningsregistret'], reengagementMonths: 12 },
  {
    law: '2010:479',
    validFrom: '2026-03-01',
    validTo: null,
    maxAgeMonths: 6,
    requiredRegisters: ['belastningsregistret', 'misstankeregistret'],
    reengagementMonths: 12,
  },
];

/** What was recorded when the extract was shown (never its content). */
export interface RegisterCheckFacts {
  extractDate: IsoDate;
  shownDate: IsoDate;
  registers: readonly string[];
}

/** A previous engagement of the contact person (for the re-engagement exemption). */
export interface PreviousEngagement {
  activity: Activity;
  endedDate: IsoDate;
}

export type CheckVerdict =
  | { ok: true; reason: 'not_required' | 'valid' | 'reengagement'; rule: CheckRuleVersion | null }
  | { ok: false; reason: 'missing' | 'too_old' | 'registers' | 'no_rule' | 'future_extract'; rule: CheckRuleVersion | null; message: string };

/** Is a registerkontroll required for an assignment in this activity? LSS for children always; others by configuration. */
export function registerCheckRequired(activity: Activity, scope: RegisterCheckScope): boolean {
  if (activity === 'lss_child') return true;
  return scope === 'always';
}

/** The rule version in force on `date` (the latest valid_from not after it whose valid_to has not passed). */
export function ruleInForce(rules: readonly CheckRuleVersion[], date: IsoDate): CheckRuleVersion | null {
  const inForce = rules.filter((r) => r.validFrom <= date && (r.validTo === null || r.validTo >= date));
  inForce.sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1));
  return inForce[0] ?? null;
}

/**
 * Answers of checkValidThrough per rule list: the reminders ask it for thousands of extracts that share a few hundred
 * dates. Keyed by the rules array (one per request), so a changed rule is never answered from an old list.
 */
const validThroughMemo = new WeakMap<readonly CheckRuleVersion[], Map<string, IsoDate | null>>();

/** The last start date on which this extract is still young enough under the rules (null when none accepts it). */
export function checkValidThrough(check: RegisterCheckFacts, rules: readonly CheckRuleVersion[], from: IsoDate): IsoDate | null {
  let memo = validThroughMemo.get(rules);
  if (!memo) {
    memo = new Map();
    validThroughMemo.set(rules, memo);
  }
  const key = `${check.extractDate}|${check.shownDate}|${check.registers.join(',')}|${from}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const through = validThroughUncached(check, rules, from);
  memo.set(key, through);
  return through;
}

function validThroughUncached(check: RegisterCheckFacts, rules: readonly CheckRuleVersion[], from: IsoDate): IsoDate | null {
  // The boundary is either the extract's age limit under some rule or a rule change: try those dates only.
  const candidates = new Set<IsoDate>([from]);
  for (const r of rules) {
    candidates.add(addMonths(check.extractDate, r.maxAgeMonths));
    if (r.validTo) candidates.add(r.validTo);
    candidates.add(addDays(r.validFrom, -1));
  }
  let best: IsoDate | null = null;
  for (const d of [...candidates].sort()) {
    if (d < from) continue;
    const v = registerCheckValid(check, rules, d, 'lss_child');
    if (v.ok) best = d;
    else if (best !== null) break;
  }
  return best;
}

/**
 * Is this registerkontroll valid for an assignment starting on `startDate` in `activity`? The extract must
 * have been shown, must not be dated after the start, must be at most the in-force rule's max age on the start
 * date, and must cover its registers. Re-engagement in the same activity within the rule's months is exempt.
 */
export function registerCheckValid(
  check: RegisterCheckFacts | null,
  rules: readonly CheckRuleVersion[],
  startDate: IsoDate,
  activity: Activity,
  opts: { scope?: RegisterCheckScope; previous?: readonly PreviousEngagement[] } = {},
): CheckVerdict {
  if (!registerCheckRequired(activity, opts.scope ?? 'children')) return { ok: true, reason: 'not_required', rule: null };
  const rule = ruleInForce(rules, startDate);
  if (!rule) return { ok: false, reason: 'no_rule', rule: null, message: `Det finns ingen regel för registerkontroll som gäller ${startDate}.` };
  const exempt = (opts.previous ?? []).some((p) => p.activity === activity && p.endedDate <= startDate && startDate <= addMonths(p.endedDate, rule.reengagementMonths));
  if (exempt) return { ok: true, reason: 'reengagement', rule };
  if (!check) return { ok: false, reason: 'missing', rule, message: 'Det finns ingen registerkontroll.' };
  if (check.extractDate > startDate) return { ok: false, reason: 'future_extract', rule, message: 'Utdraget är daterat efter uppdragets start.' };
  const oldest = addMonths(startDate, -rule.maxAgeMonths);
  if (check.extractDate < oldest) {
    return {
      ok: false,
      reason: 'too_old',
      rule,
      message: `Utdraget från ${check.extractDate} är för gammalt för en start ${startDate}: enligt ${rule.law} får det vara högst ${rule.maxAgeMonths} månader (senast från ${oldest}).`,
    };
  }
  const missing = rule.requiredRegisters.filter((r) => !check.registers.includes(r));
  if (missing.length > 0) {
    const names = missing.map((r) => registerLabel[r as Register] ?? r).join(' och ');
    return { ok: false, reason: 'registers', rule, message: `Utdraget måste också omfatta ${names.toLowerCase()} för en start ${startDate}.` };
  }
  return { ok: true, reason: 'valid', rule };
}

/** The last date the extract must be kept (2010:479 4 §: at least two years from the assignment's start). */
export function extractKeepUntil(assignmentStart: IsoDate): IsoDate {
  return addMonths(assignmentStart, 24);
}

// ---- Requirements ---------------------------------------------------------------------------------

export interface StepFacts {
  kind: StepKind;
  status: StepStatus;
  doneDate: IsoDate | null;
  bookedDate: IsoDate | null;
}

export interface RequirementView {
  kind: RequirementKind;
  state: RequirementState;
  /** When it was done (or booked), when it runs out (null: never). */
  date: IsoDate | null;
  expires: IsoDate | null;
}

/** When a done requirement expires, or null when it does not. */
export function requirementExpiry(doneDate: IsoDate | null, validityMonths: number | null): IsoDate | null {
  if (!doneDate || validityMonths === null) return null;
  return addMonths(doneDate, validityMonths);
}

/** Is a requirement done on `date` valid then: done, and `date` before its expiry. */
export function requirementValidOn(doneDate: IsoDate | null, validityMonths: number | null, date: IsoDate): boolean {
  if (!doneDate || doneDate > date) return false;
  const exp = requirementExpiry(doneDate, validityMonths);
  return exp === null || date < exp;
}

export interface RequirementInput {
  config: readonly RequirementConfig[];
  steps: readonly StepFacts[];
  references: readonly { outcome: ReferenceOutcome; contactedDate: IsoDate | null }[];
  referencesRequired: number;
  /** The newest registerkontroll, if any. */
  check: RegisterCheckFacts | null;
  rules: readonly CheckRuleVersion[];
}

/** Each requirement's state on `today` (in the order of REQUIREMENT_KINDS). */
export function requirementStates(input: RequirementInput, today: IsoDate): RequirementView[] {
  return REQUIREMENT_KINDS.map((kind): RequirementView => {
    const cfg = input.config.find((c) => c.kind === kind) ?? { kind, required: false, validityMonths: null };
    if (kind === 'references') {
      const positive = input.references.filter((r) => r.outcome === 'positive');
      const negative = input.references.some((r) => r.outcome === 'negative');
      const last = positive.map((r) => r.contactedDate ?? '').sort().at(-1) || null;
      const state: RequirementState = !cfg.required ? 'not_required' : positive.length >= input.referencesRequired ? 'done' : negative ? 'failed' : 'missing';
      return { kind, state, date: last, expires: null };
    }
    if (kind === 'register_check') {
      if (!cfg.required) return { kind, state: 'not_required', date: input.check?.extractDate ?? null, expires: null };
      if (!input.check) return { kind, state: 'missing', date: null, expires: null };
      const through = checkValidThrough(input.check, input.rules, input.check.extractDate);
      const expires = through ? addDays(through, 1) : input.check.extractDate;
      return { kind, state: expires <= today ? 'expired' : 'done', date: input.check.extractDate, expires };
    }
    const step = input.steps.find((s) => s.kind === kind);
    if (!cfg.required && (!step || step.status === 'pending')) return { kind, state: 'not_required', date: null, expires: null };
    if (!step || step.status === 'pending') return { kind, state: 'missing', date: null, expires: null };
    if (step.status === 'failed') return { kind, state: 'failed', date: step.doneDate, expires: null };
    if (step.status === 'booked') return { kind, state: 'booked', date: step.bookedDate, expires: null };
    const expires = requirementExpiry(step.doneDate, cfg.validityMonths);
    return { kind, state: expires !== null && expires <= today ? 'expired' : 'done', date: step.doneDate, expires };
  });
}

/** What stands in the way of approval (empty: may be approved). */
export function approvalProblems(reqs: readonly RequirementView[]): string[] {
  return reqs
    .filter((r) => r.state !== 'done' && r.state !== 'not_required')
    .map((r) => `${requirementLabel[r.kind]}: ${requirementStateLabel[r.state].toLowerCase()}.`);
}

// ---- Status ---------------------------------------------------------------------------------------

export interface StatusFacts {
  approvedDate: IsoDate | null;
  endedDate: IsoDate | null;
  /** Has any recruitment step started (interview booked, a reference, a check …)? */
  recruitmentStarted: boolean;
  pauses: readonly { fromDate: IsoDate; untilDate: IsoDate | null }[];
  capacity: number;
  /** Active assignments (from the assignments stage; never stored on the contact person). */
  activeAssignments: number;
}

/** The active pause on `today`, if any: a pause with an end date is over the day after it (returns automatically). */
export function activePause<P extends { fromDate: IsoDate; untilDate: IsoDate | null }>(pauses: readonly P[], today: IsoDate): P | null {
  return pauses.find((p) => p.fromDate <= today && (p.untilDate === null || today <= p.untilDate)) ?? null;
}

/** The one place a contact person's status is derived: sökande → under utredning → godkänd (ledig/fullbelagd) → pausad → avslutad. */
export function deriveCpStatus(f: StatusFacts, today: IsoDate): CpStatus {
  if (f.endedDate && f.endedDate <= today) return 'ended';
  if (!f.approvedDate) return f.recruitmentStarted ? 'investigating' : 'applicant';
  if (activePause(f.pauses, today)) return 'paused';
  return f.activeAssignments >= f.capacity ? 'full' : 'available';
}

/** Free places for new assignments (0 when not available). */
export function freeCapacity(f: StatusFacts, today: IsoDate): number {
  return deriveCpStatus(f, today) === 'available' ? Math.max(0, f.capacity - f.activeAssignments) : 0;
}

// ---- Reminders ------------------------------------------------------------------------------------

export const REMINDER_KINDS = ['expiring', 'expired', 'no_contact'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export interface Reminder {
  kind: ReminderKind;
  requirement: RequirementKind | null;
  date: IsoDate;
  message: string;
  /** An expired requirement: the places taken (running assignments and open offers) to follow up; otherwise 0. */
  assignmentsToFollowUp: number;
}

/**
 * The reminders for one approved (or paused) contact person on `today`: requirements that expire within
 * `withinDays` (or have expired), and a last contact older than `contactDays`. An expired requirement also flags
 * the contact person's existing assignments (`activeAssignments`: running assignments and open offers).
 */
export function remindersFor(
  reqs: readonly RequirementView[],
  lastContactDate: IsoDate | null,
  approvedDate: IsoDate,
  today: IsoDate,
  withinDays: number,
  contactDays: number,
  activeAssignments = 0,
): Reminder[] {
  const out: Reminder[] = [];
  const horizon = addDays(today, withinDays);
  for (const r of reqs) {
    if (!r.expires) continue;
    if (r.expires <= today) {
      const n = activeAssignments;
      const follow = n === 0 ? '' : ` ${n === 1 ? 'Ett pågående uppdrag berörs' : `${n} pågående uppdrag berörs`}.`;
      out.push({ kind: 'expired', requirement: r.kind, date: r.expires, message: `${requirementLabel[r.kind]} gick ut ${r.expires}.${follow}`, assignmentsToFollowUp: n });
    } else if (r.expires <= horizon) out.push({ kind: 'expiring', requirement: r.kind, date: r.expires, message: `${requirementLabel[r.kind]} går ut ${r.expires}.`, assignmentsToFollowUp: 0 });
  }
  const last = lastContactDate ?? approvedDate;
  if (daysBetween(last, today) > contactDays) out.push({ kind: 'no_contact', requirement: null, date: last, message: `Ingen kontakt sedan ${last}.`, assignmentsToFollowUp: 0 });
  return out;
}

/** Does an expired requirement block new assignments? Yes: any required requirement not valid today. */
export function blockedForNewAssignments(reqs: readonly RequirementView[]): boolean {
  return reqs.some((r) => r.state === 'expired' || r.state === 'failed' || r.state === 'missing');
}

/**
 * The existing assignments flagged by an expired requirement (to follow up until it is renewed): all the places
 * taken (running assignments and open offers) when a requirement has expired, otherwise none.
 */
export function assignmentsToFollowUp(reqs: readonly RequirementView[], activeAssignments: number): number {
  return reqs.some((r) => r.state === 'expired') ? activeAssignments : 0;
}

// ---- Data protection --------------------------------------------------------------------------------

/** A declined or withdrawn applicant's data is removed after `months` from that date. */
export function disposalDue(endedDate: IsoDate | null, reason: EndReason | null, months: number, today: IsoDate): boolean {
  if (!endedDate || (reason !== 'declined' && reason !== 'withdrawn')) return false;
  return addMonths(endedDate, months) <= today;
}

// ---- Bank account ---------------------------------------------------------------------------------

/** Clearing number 4–5 digits (Swedbank's 8xxx-x), account 1–15 digits, spaces and dashes ignored. */
export function normalizeDigits(s: string): string {
  return s.replace(/[\s-]/g, '');
}
