// Investigation rules (domain.md §2 step 3–4, §3 eligibility warnings). Pure: no I/O, no clock.
import { routeShortLabel, type Route } from '../platform/rules';

export const BOOKING_KINDS = ['office', 'home', 'phone'] as const;
export type BookingKind = (typeof BOOKING_KINDS)[number];
export const bookingKindLabel: Record<BookingKind, string> = { office: 'Besök på kontoret', home: 'Hembesök', phone: 'Telefon' };

export const BOOKING_STATES = ['booked', 'rebooked', 'cancelled', 'held'] as const;
export type BookingState = (typeof BOOKING_STATES)[number];
export const bookingStateLabel: Record<BookingState, string> = { booked: 'Bokad', rebooked: 'Ombokad', cancelled: 'Avbokad', held: 'Genomförd' };

/** Every source the seed routines name for "is the need met in another way?". */
export const OTHER_SOURCES = ['relatives', 'associations', 'school', 'other_activities', 'network', 'residence_staff'] as const;
export type OtherSource = (typeof OTHER_SOURCES)[number];
export const otherSourceLabel: Record<OtherSource, string> = {
  relatives: 'Anhöriga',
  associations: 'Föreningar',
  school: 'Skola',
  other_activities: 'Andra aktiviteter',
  network: 'Nätverk',
  residence_staff: 'Personal på boendet',
};

export const SOURCE_ANSWERS = ['yes', 'partly', 'no'] as const;
export type SourceAnswer = (typeof SOURCE_ANSWERS)[number];
export const sourceAnswerLabel: Record<SourceAnswer, string> = { yes: 'Ja', partly: 'Delvis', no: 'Nej' };
export type OtherSourceAnswers = Partial<Record<OtherSource, { answer: SourceAnswer; note?: string | null }>>;

export const LIVING_SITUATIONS = ['own_home', 'group_home', 'service_home', 'other'] as const;
export type LivingSituation = (typeof LIVING_SITUATIONS)[number];
export const livingSituationLabel: Record<LivingSituation, string> = {
  own_home: 'Eget boende',
  group_home: 'Gruppbostad',
  service_home: 'Serviceboende',
  other: 'Annat',
};

export const WISHED_GENDERS = ['woman', 'man', 'any'] as const;
export type WishedGender = (typeof WISHED_GENDERS)[number];
export const wishedGenderLabel: Record<WishedGender, string> = { woman: 'Kvinna', man: 'Man', any: 'Spelar ingen roll' };

export interface HouseholdMember {
  name: string;
  relation?: string | null;
  /** Personnummer when known, so matching can exclude them for certain. */
  identityNumber?: string | null;
}

/** SoL criteria answers: criterion code → yes/no with a note. */
export type CriterionAnswers = Record<string, { answer: 'yes' | 'no'; note?: string | null }>;
/** Eligibility warning code → the handläggare's reason to proceed. */
export type WarningReasons = Partial<Record<EligibilityWarningCode, string>>;

/** A configured item (a SoL criterion or exclusion): code and its Swedish label. */
export interface ConfiguredItem {
  code: string;
  label: string;
}

/** Seed 001's criteria for kontaktperson under SoL. */
export const DEFAULT_SOL_CRITERIA: ConfiguredItem[] = [
  { code: 'isolated', label: 'Behöver sällskap eller känner sig isolerad' },
  { code: 'lasting', label: 'Behovet är varaktigt och återkommande' },
  { code: 'going_out', label: 'Har svårt att gå ut på egen hand' },
  { code: 'no_competence', label: 'Ingen särskild kompetens behövs' },
  { code: 'society', label: 'Behöver komma ut och delta i samhället' },
];

/** Seed 001's exclusions: then home care (hemtjänst) may be the right insats. */
export const DEFAULT_SOL_EXCLUSIONS: ConfiguredItem[] = [
  { code: 'dementia', label: 'Demenssjukdom' },
  { code: 'psychiatric', label: 'Svårare psykiatrisk diagnos' },
  { code: 'substance_abuse', label: 'Missbruk' },
  { code: 'housing_support', label: 'Beviljat boendestöd' },
];

export const ELIGIBILITY_WARNING_CODES = [
  'lss_personkrets_undocumented',
  'lss_residence',
  'sol_under_age',
  'sol_exclusion',
  'need_met_otherwise',
] as const;
export type EligibilityWarningCode = (typeof ELIGIBILITY_WARNING_CODES)[number];

/** What each warning is about, for the label of its reason field ("Varför går du vidare trots varningen om …?"). */
export const warningTopic: Record<EligibilityWarningCode, string> = {
  lss_personkrets_undocumented: 'personkretsen',
  lss_residence: 'boendet',
  sol_under_age: 'åldern',
  sol_exclusion: 'hemtjänst',
  need_met_otherwise: 'annat stöd',
};

export interface EligibilityWarning {
  code: EligibilityWarningCode;
  message: string;
}

/** What the eligibility rules read from the investigation, the case and the person. */
export interface EligibilityInput {
  route: Route;
  /** The person's age on the day the warnings are shown (null when the birth date is unknown). */
  age: number | null;
  livingSituation: LivingSituation | null;
  personkretsGroup: number | null;
  personkretsDocumentationDate: string | null;
  solExclusions: readonly string[];
  otherSources: OtherSourceAnswers;
}

export interface EligibilityConfig {
  solMinAge: number;
  solExclusions: readonly ConfiguredItem[];
}

/**
 * Eligibility warnings (domain.md §3). Never a silent block: the handläggare writes why they proceed
 * (`missingWarningReasons`), and the reason is part of the record.
 */
export function eligibilityWarnings(i: EligibilityInput, config: EligibilityConfig): EligibilityWarning[] {
  const out: EligibilityWarning[] = [];
  if (i.route === 'LSS') {
    if (i.personkretsGroup === null || !i.personkretsDocumentationDate) {
      out.push({ code: 'lss_personkrets_undocumented', message: 'Personkretsen är inte styrkt med underlag (LSS 1 §).' });
    }
    if (i.livingSituation === 'group_home' || i.livingSituation === 'service_home') {
      out.push({
        code: 'lss_residence',
        message: `Personen bor i ${i.livingSituation === 'group_home' ? 'gruppbostad' : 'serviceboende'}. Individuell prövning krävs.`,
      });
    }
  } else {
    if (i.age !== null && i.age < config.solMinAge) {
      out.push({ code: 'sol_under_age', message: `Personen är under ${config.solMinAge} år, kommunens gräns för kontaktperson enligt ${routeShortLabel.SOL}.` });
    }
    const applying = config.solExclusions.filter((e) => i.solExclusions.includes(e.code));
    if (applying.length > 0) {
      out.push({
        code: 'sol_exclusion',
        message: `${applying.map((e) => e.label).join(', ')}: hemtjänst kan vara rätt insats.`,
      });
    }
  }
  const met = OTHER_SOURCES.filter((s) => i.otherSources[s]?.answer === 'yes');
  if (met.length > 0) {
    out.push({
      code: 'need_met_otherwise',
      message: `Behovet kan vara tillgodosett på annat sätt: ${met.map((s) => otherSourceLabel[s].toLowerCase()).join(', ')}.`,
    });
  }
  return out;
}

/** The sources not yet answered: the decision page refuses to proceed until this is empty. */
export function unansweredOtherSources(answers: OtherSourceAnswers): OtherSource[] {
  return OTHER_SOURCES.filter((s) => !answers[s]?.answer);
}

/** The warnings the handläggare has not yet written a reason for. */
export function missingWarningReasons(warnings: readonly EligibilityWarning[], reasons: WarningReasons): EligibilityWarningCode[] {
  return warnings.filter((w) => !reasons[w.code]?.trim()).map((w) => w.code);
}

/** Phone is allowed for the investigation only when the person is already known to the unit. */
export function bookingKindProblem(kind: BookingKind, personKnown: boolean): string | null {
  return kind === 'phone' && !personKnown ? 'Telefon går bara när personen redan är känd av enheten. Boka besök på kontoret eller hembesök.' : null;
}

// ---- Who is "known" (phone investigations) ----------------------------------------------------------------

/**
 * The rule for "the person is known" (domain.md §2 step 3: the investigation may be held by phone only then):
 * the person has another case in the same unit (the unit has met them before), or this case was acknowledged
 * by phone (the handläggare has already spoken with them). Anything else needs a visit.
 */
export function isPersonKnown(f: { otherCasesInUnit: number; acknowledgementMethod: 'phone' | 'letter' | null }): boolean {
  return f.otherCasesInUnit > 0 || f.acknowledgementMethod === 'phone';
}

/** The age the eligibility rules use: exact, or the youngest possible when only part of the birth date is known. */
export function eligibilityAge(a: { kind: 'exact'; years: number } | { kind: 'range'; min: number; max: number } | { kind: 'unknown' }): number | null {
  if (a.kind === 'exact') return a.years;
  if (a.kind === 'range') return a.min;
  return null;
}

// ---- What an action requires ------------------------------------------------------------------------------
// Problems as data (like src/intake/rules.ts): a refusal (the case is not in a state for the action) or field
// problems (the input is wrong). The use cases throw them (src/investigation/problems.ts); the web checks the same.

export interface InvestigationRefusal {
  code: 'CASE_NOT_ACKNOWLEDGED' | 'CASE_ALREADY_DECIDED' | 'INVESTIGATION_COMPLETED' | 'BOOKING_EXISTS' | 'BOOKING_NOT_CURRENT' | 'INVESTIGATION_NOT_STARTED';
  message?: string;
}
export interface InvestigationFieldProblem {
  path: string;
  message: string;
}
export type InvestigationProblem = InvestigationRefusal | InvestigationFieldProblem;

export function isInvestigationFieldProblem(p: InvestigationProblem): p is InvestigationFieldProblem {
  return 'path' in p;
}

/** The facts of a case an investigation action depends on. */
export interface InvestigationCase {
  applicationDate: string | null;
  acknowledgedDate: string | null;
  /** A decision has been made on the case (from case_facts). */
  decided: boolean;
}

/** The investigation can be booked and written only for an acknowledged application that is not yet decided. */
export function investigationRefusal(c: InvestigationCase): InvestigationRefusal | null {
  if (c.decided) return { code: 'CASE_ALREADY_DECIDED' };
  if (!c.applicationDate) return { code: 'CASE_NOT_ACKNOWLEDGED', message: 'Det här är en aktualisering. Registrera och bekräfta ansökan innan du bokar utredningen.' };
  if (!c.acknowledgedDate) return { code: 'CASE_NOT_ACKNOWLEDGED', message: 'Bekräfta ansökan innan du bokar utredningen.' };
  return null;
}

export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
/** How far ahead a meeting can be booked. */
export const BOOKING_MAX_DAYS_AHEAD = 365;

export interface BookingInput {
  kind: BookingKind;
  date: string;
  time: string;
  place?: string | null;
}

/** Booking or rebooking a meeting: not in the past, not more than a year ahead, phone only when known, a place for an office visit. */
export function bookingProblems(input: BookingInput, today: string, personKnown: boolean, maxDate: string): InvestigationFieldProblem[] {
  const out: InvestigationFieldProblem[] = [];
  const kind = bookingKindProblem(input.kind, personKnown);
  if (kind) out.push({ path: 'kind', message: kind });
  if (input.date < today) out.push({ path: 'date', message: 'Datumet har redan varit. Välj i dag eller ett senare datum.' });
  else if (input.date > maxDate) out.push({ path: 'date', message: `Datumet ligger för långt fram. Välj ett datum senast ${maxDate}.` });
  if (!TIME_PATTERN.test(input.time)) out.push({ path: 'time', message: 'Skriv tiden som TT:MM, till exempel 09:30.' });
  if (input.kind === 'office' && !input.place?.trim()) out.push({ path: 'place', message: 'Skriv var mötet är, till exempel kontorets adress och rum.' });
  return out;
}

/** What the draft may not hold even while it is written (the rest is checked when it is completed). */
export interface DraftInput {
  personkretsDocumentationDate?: string | null;
  wishedAgeMin?: number | null;
  wishedAgeMax?: number | null;
  solCriteria?: Record<string, unknown>;
  solExclusions?: readonly string[];
}

export function draftProblems(input: DraftInput, today: string, config: { solCriteria: readonly ConfiguredItem[]; solExclusions: readonly ConfiguredItem[] }): InvestigationFieldProblem[] {
  const out: InvestigationFieldProblem[] = [];
  if (input.personkretsDocumentationDate && input.personkretsDocumentationDate > today) {
    out.push({ path: 'personkretsDocumentationDate', message: 'Datumet kan inte vara senare än i dag.' });
  }
  if (input.wishedAgeMin != null && input.wishedAgeMax != null && input.wishedAgeMin > input.wishedAgeMax) {
    out.push({ path: 'wishedAgeMax', message: 'Den högsta åldern kan inte vara lägre än den lägsta.' });
  }
  const criteria = new Set(config.solCriteria.map((c) => c.code));
  for (const code of Object.keys(input.solCriteria ?? {})) {
    if (!criteria.has(code)) out.push({ path: 'solCriteria', message: 'Ett av kriterierna finns inte i kommunens lista. Ladda om sidan.' });
  }
  const exclusions = new Set(config.solExclusions.map((c) => c.code));
  if ((input.solExclusions ?? []).some((c) => !exclusions.has(c))) {
    out.push({ path: 'solExclusions', message: 'Ett av hindren finns inte i kommunens lista. Ladda om sidan.' });
  }
  return out.filter((p, i) => out.findIndex((q) => q.path === p.path) === i);
}

/** What completing the investigation needs: every source answered, every warning given a reason, SoL: every criterion answered. */
export function completionProblems(
  i: { otherSources: OtherSourceAnswers; solCriteria: CriterionAnswers; warningReasons: WarningReasons },
  route: Route,
  warnings: readonly EligibilityWarning[],
  criteria: readonly ConfiguredItem[],
): InvestigationFieldProblem[] {
  const out: InvestigationFieldProblem[] = [];
  for (const s of unansweredOtherSources(i.otherSources)) {
    out.push({ path: `otherSources.${s}`, message: `Svara på om behovet tillgodoses av ${otherSourceLabel[s].toLowerCase()}.` });
  }
  if (route === 'SOL') {
    for (const c of criteria) {
      if (!i.solCriteria[c.code]?.answer) out.push({ path: `solCriteria.${c.code}`, message: `Svara ja eller nej: ${c.label.toLowerCase()}.` });
    }
  }
  for (const code of missingWarningReasons(warnings, i.warningReasons)) {
    out.push({ path: `warningReasons.${code}`, message: 'Skriv varför du går vidare trots varningen.' });
  }
  return out;
}

/** The municipality's routine settings (null lists = the defaults above) → what the investigation rules use. */
export function investigationConfig(s: { solMinAge: number; solCriteria: readonly ConfiguredItem[] | null; solExclusions: readonly ConfiguredItem[] | null }): EligibilityConfig & {
  solCriteria: readonly ConfiguredItem[];
} {
  return { solMinAge: s.solMinAge, solCriteria: s.solCriteria ?? DEFAULT_SOL_CRITERIA, solExclusions: s.solExclusions ?? DEFAULT_SOL_EXCLUSIONS };
}

/** What the eligibility assessment reads of an investigation (its row, or nothing yet). */
export interface InvestigationFacts {
  livingSituation: LivingSituation | null;
  personkretsGroup: number | null;
  personkretsDocumentationDate: string | null;
  solExclusions: readonly string[];
  otherSources: OtherSourceAnswers;
  warningReasons: WarningReasons;
}

export const EMPTY_INVESTIGATION: InvestigationFacts = {
  livingSituation: null,
  personkretsGroup: null,
  personkretsDocumentationDate: null,
  solExclusions: [],
  otherSources: {},
  warningReasons: {},
};

/** The warnings, the unanswered sources and the warnings without a reason: shown before deciding and checked by the decision. */
export function assessInvestigation(
  i: InvestigationFacts | null,
  route: Route,
  age: number | null,
  config: EligibilityConfig,
): { warnings: EligibilityWarning[]; unansweredSources: OtherSource[]; missingReasons: EligibilityWarningCode[] } {
  const f = i ?? EMPTY_INVESTIGATION;
  const warnings = eligibilityWarnings({ route, age, ...f }, config);
  return { warnings, unansweredSources: unansweredOtherSources(f.otherSources), missingReasons: missingWarningReasons(warnings, f.warningReasons) };
}
