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
