// Matching (domain.md §4), pure: the profile of an order and of each contact person → hard constraints (who may not
// be proposed, and why) and a score made of soft criteria, each explained in Swedish words; the waiting list's
// priority; and the best assignment of the whole waiting list (an exact min-cost flow). No I/O, no clock.
import { daysBetween, type IsoDate } from '../platform/calendar';
import type { Route } from '../platform/rules';
import { ageOn, type BirthKnown } from '../people/rules';
import { executionDeadline } from '../decisions/rules';
import {
  registerCheckValid,
  type Activity,
  type AvailabilitySlot,
  type CheckRuleVersion,
  type CheckVerdict,
  type RegisterCheckFacts,
  type RegisterCheckScope,
} from '../contact-persons/rules';
import type { OfferCloseReason } from '../assignments/rules';

// ---- Configuration --------------------------------------------------------------------------------------------

export const CRITERIA = ['area', 'interests', 'language', 'availability', 'age', 'gender', 'continuity'] as const;
export type Criterion = (typeof CRITERIA)[number];
export const criterionLabel: Record<Criterion, string> = {
  area: 'Område (postnummer)',
  interests: 'Gemensamma intressen',
  language: 'Språk',
  availability: 'När de kan träffas',
  age: 'Ålder',
  gender: 'Kön (önskemål)',
  continuity: 'Tidigare kontaktperson för personen',
};

/** Points per criterion (0–100) and the waiting list's priority points (0–100 each). */
export interface MatchWeights {
  area: number;
  interests: number;
  language: number;
  availability: number;
  age: number;
  gender: number;
  continuity: number;
  /** Priority points an order gets at 180 days waited (linear before). */
  waited: number;
  /** Priority points an order gets when its execution deadline has passed (linear over the last 90 days). */
  deadline: number;
}

export const DEFAULT_WEIGHTS: MatchWeights = { area: 20, interests: 25, language: 20, availability: 15, age: 10, gender: 10, continuity: 20, waited: 30, deadline: 40 };
export const WEIGHT_KEYS = [...CRITERIA, 'waited', 'deadline'] as const;

// ---- Profiles -----------------------------------------------------------------------------------------------

export type WishedGender = 'woman' | 'man' | 'any';
export type Gender = 'woman' | 'man';

/** What matching knows of one order (the person's wishes from the investigation, the decision, earlier offers). */
export interface OrderProfile {
  orderId: string;
  route: Route;
  /** The planned start: the registerkontroll must be valid and the age is counted on this day. */
  startDate: IsoDate;
  birth: BirthKnown;
  postalCode: string | null;
  wishedGender: WishedGender | null;
  wishedGenderRequired: boolean;
  wishedAgeMin: number | null;
  wishedAgeMax: number | null;
  interests: readonly string[];
  languages: readonly string[];
  /** Wished times (read from the wishes' free text: "kvällar", "helger", "dagtid"). */
  availability: readonly AvailabilitySlot[];
  /** The investigation's household members: never the person's contact person. */
  household: readonly { name: string; identityNumber?: string | null }[];
  /** The person's vårdnadshavare, god man, förvaltare (people/representatives): only a name is recorded. */
  representatives: readonly { kind: 'vardnadshavare' | 'god_man' | 'forvaltare'; name: string }[];
  /** The residence the person lives in (gruppbostad, serviceboende), by name: its staff are never proposed. */
  residenceName?: string | null;
  /** Contact persons who had an assignment with this person before. */
  previousContactPersonIds: readonly string[];
  /** Earlier offers of this order closed for good (declined, no chemistry, the contact person said no). */
  closedOffers: readonly { contactPersonId: string; reason: OfferCloseReason }[];
  /** Contact persons already offered (an open offer) for this order. */
  openOfferContactPersonIds: readonly string[];
}

/** What matching knows of one contact person (approved, not ended). */
export interface CandidateProfile {
  id: string;
  firstName: string;
  lastName: string;
  /** 12 digits (YYYYMMDDNNNC): the birth date and the legal gender come from it. */
  identityNumber: string;
  postalCode: string | null;
  interests: readonly string[];
  languages: readonly string[];
  availability: readonly string[];
  ageGroups: readonly string[];
  capacity: number;
  currentLoad: number;
  paused: boolean;
  /** The newest registerkontroll. */
  check: RegisterCheckFacts | null;
  /** The residence they work at, if any (compared by name with the person's residence). */
  workplace?: string | null;
}

export interface MatchConfig {
  weights: MatchWeights;
  checkRules: readonly CheckRuleVersion[];
  checkScope: RegisterCheckScope;
  /** Configured interests: code → label (a contact person's interests are codes; a person's wishes are words). */
  interestLabels: Readonly<Record<string, string>>;
}

export const availabilityWord: Record<AvailabilitySlot, string> = { weekday_day: 'dagtid', weekday_evening: 'kvällar', weekend: 'helger' };
const availabilityVerb: Record<AvailabilitySlot, string> = { weekday_day: 'Kan dagtid', weekday_evening: 'Kan kvällar', weekend: 'Kan helger' };

/** Wished times read from the person's wishes in free text ("helst kvällar eller helger"). */
export function wishedAvailability(text: string | null | undefined): AvailabilitySlot[] {
  if (!text) return [];
  const t = text.toLowerCase();
  const out: AvailabilitySlot[] = [];
  if (/dagtid|förmiddag|eftermiddag|på dagen|dagar/.test(t)) out.push('weekday_day');
  if (/kväll/.test(t)) out.push('weekday_evening');
  if (/helg/.test(t)) out.push('weekend');
  return out;
}

const norm = (s: string) => s.trim().toLowerCase();
const nameKey = (s: string) => norm(s).replace(/\s+/g, ' ');

/** The legal gender from a 12-digit personnummer/samordningsnummer (the second-last digit: odd = man). */
export function genderOf(identityNumber: string): Gender | null {
  const d = identityNumber.replace(/\D/g, '');
  if (d.length !== 12) return null;
  return Number(d[10]) % 2 === 1 ? 'man' : 'woman';
}

/** The birth date of a 12-digit identity number (a samordningsnummer's day − 60); null when it is not a date. */
export function birthOf(identityNumber: string): BirthKnown {
  const d = identityNumber.replace(/\D/g, '');
  if (d.length !== 12) return { birthDate: null, birthDatePartial: null };
  let day = Number(d.slice(6, 8));
  if (day > 60) day -= 60;
  const month = d.slice(4, 6);
  if (month === '00') return { birthDate: null, birthDatePartial: d.slice(0, 4) };
  if (day === 0) return { birthDate: null, birthDatePartial: `${d.slice(0, 4)}-${month}` };
  return { birthDate: `${d.slice(0, 4)}-${month}-${String(day).padStart(2, '0')}`, birthDatePartial: null };
}

/** The number written by `len` digits of `s` from `from`. */
function digitsAt(s: string, from: number, len: number): number {
  let x = 0;
  for (let i = from; i < from + len; i++) x = x * 10 + (s.charCodeAt(i) - 48);
  return x;
}

/** Completed years on `date` from a 12-digit identity number (a samordningsnummer's day − 60), without allocating. */
function ageFromDigits(d: string, date: IsoDate): number | null {
  if (d.length !== 12) return null;
  const year = digitsAt(d, 0, 4);
  const month = digitsAt(d, 4, 2);
  let day = digitsAt(d, 6, 2);
  if (day > 60) day -= 60;
  // A month or day of 00 (samordningsnummer): the partial-date rule.
  if (month === 0 || day === 0) return yearsOn(birthOf(d), date);
  const years = digitsAt(date, 0, 4) - year;
  const md = digitsAt(date, 5, 2) * 100 + digitsAt(date, 8, 2);
  return md >= month * 100 + day ? years : years - 1;
}

function yearsOn(b: BirthKnown, date: IsoDate): number | null {
  const a = ageOn(b, date);
  return a.kind === 'exact' ? a.years : a.kind === 'range' ? a.min : null;
}

/** The activity (for the registerkontroll) of an order: the law and whether the person is a child on the start date. */
export function activityOf(route: Route, birth: BirthKnown, startDate: IsoDate): Activity {
  const years = yearsOn(birth, startDate);
  // Unknown age counts as a child: the stricter rule.
  const child = years === null || years < 18;
  return `${route === 'LSS' ? 'lss' : 'sol'}_${child ? 'child' : 'adult'}` as Activity;
}

// ---- Hard constraints -------------------------------------------------------------------------------------------

export const EXCLUSION_KINDS = ['not_approved', 'household', 'representative', 'staff', 'register_check', 'full', 'paused', 'gender', 'closed_offer', 'open_offer'] as const;
export type ExclusionKind = (typeof EXCLUSION_KINDS)[number];
export interface Exclusion {
  kind: ExclusionKind;
  reason: string;
}

const representativeWord = { vardnadshavare: 'vårdnadshavare', god_man: 'god man', forvaltare: 'förvaltare' } as const;
const closedWord: Record<OfferCloseReason, string> = {
  declined: 'personen tackade nej',
  no_chemistry: 'det blev ingen kemi på matchningsmötet',
  contact_person_declined: 'kontaktpersonen tackade nej',
  withdrawn: 'erbjudandet drogs tillbaka',
  ended: 'uppdraget avslutades',
};
/** Closed offers that exclude the contact person for the same order. */
const EXCLUDING_CLOSE: ReadonlySet<OfferCloseReason> = new Set(['declined', 'no_chemistry', 'contact_person_declined']);

// ---- Compiled forms (so one order × 20 000, or 2 000 × 10 000, is plain array work) -------------------------------

/** Words of the orders' wishes, each given a number; a contact person's interests and languages become those numbers. */
export class Vocabulary {
  readonly ids = new Map<string, number>();
  readonly words: string[] = [];
  hasLanguages = false;
  /** A frozen vocabulary (a candidate pool's, shared between requests) answers −1 for a word it has not. */
  frozen = false;
  id(word: string): number {
    const k = norm(word);
    let i = this.ids.get(k);
    if (i === undefined && this.frozen) return -1;
    if (k.startsWith('språk:')) this.hasLanguages = true;
    if (i === undefined) {
      i = this.words.length;
      this.ids.set(k, i);
      this.words.push(k);
    }
    return i;
  }
}

const NONE: number[] = [];
const slotBit: Record<string, number> = { weekday_day: 1, weekday_evening: 2, weekend: 4 };
const SLOTS: AvailabilitySlot[] = ['weekday_day', 'weekday_evening', 'weekend'];

export interface CompiledCandidate {
  p: CandidateProfile;
  index: number;
  interestIds: readonly number[];
  languageIds: readonly number[];
  availability: number;
  postal: number;
  gender: Gender | null;
  /** The identity number's 12 digits ('' when it has not). */
  digits12: string;
  free: number;
  /** The age on `ageDate` (memo: the orders of one proposal mostly share a start date). */
  ageDate: string;
  ageYears: number | null;
}

export interface CompiledOrder {
  p: OrderProfile;
  interestWanted: Uint8Array;
  interestCount: number;
  languageWanted: Uint8Array;
  languageCount: number;
  availability: number;
  postal: number;
  activity: Activity;
  wishedGender: Gender | null;
  personAgeGroup: string | null;
  /** Contact person id → exclusion for this order only (household, representative, earlier offers). */
  pairExclusions: Map<string, Exclusion>;
  householdIds: Set<string>;
  householdNames: Map<string, string>;
  representativeNames: Map<string, string>;
  /** The person's residence as names are compared (null when none is recorded). */
  residence: string | null;
  previous: Set<string>;
  checkKey: string;
}

/** The five digits of a postal code as a number ("123 45" → 12345), −1 when it has not exactly five (no allocation). */
function postalNumber(p: string | null): number {
  if (p === null) return -1;
  let x = 0;
  let digits = 0;
  for (let i = 0; i < p.length; i++) {
    const c = p.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      x = x * 10 + (c - 48);
      digits++;
    }
  }
  return digits === 5 ? x : -1;
}

function ageGroupOf(years: number | null): string | null {
  if (years === null) return null;
  if (years < 13) return 'child';
  if (years <= 20) return 'youth';
  if (years < 65) return 'adult';
  return 'senior';
}

/** The words a contact person's interest code answers to: the code, its label and the label's words. */
function interestKeys(code: string, labels: Readonly<Record<string, string>>): string[] {
  const label = labels[code];
  const keys = [norm(code)];
  if (label) {
    keys.push(norm(label));
    for (const w of norm(label).split(/[^\p{L}]+/u)) if (w.length > 2 && w !== 'och') keys.push(w);
  }
  return keys;
}

export function compileOrder(o: OrderProfile, vocab: Vocabulary): CompiledOrder {
  const interestIds = [...new Set(o.interests.map(norm).filter(Boolean))].map((w) => vocab.id(w));
  const languageIds = [...new Set(o.languages.map(norm).filter(Boolean))].map((w) => vocab.id(`språk:${w}`));
  const interestWanted = new Uint8Array(Math.max(1, vocab.words.length + 64));
  const languageWanted = new Uint8Array(Math.max(1, vocab.words.length + 64));
  // −1: a word no contact person has (a frozen vocabulary); it still counts among the wished ones.
  for (const i of interestIds) if (i >= 0) interestWanted[i] = 1;
  for (const i of languageIds) if (i >= 0) languageWanted[i] = 1;
  const pairExclusions = new Map<string, Exclusion>();
  for (const c of o.closedOffers) {
    if (EXCLUDING_CLOSE.has(c.reason)) pairExclusions.set(c.contactPersonId, { kind: 'closed_offer', reason: `Har redan erbjudits för den här beställningen: ${closedWord[c.reason]}.` });
  }
  for (const id of o.openOfferContactPersonIds) pairExclusions.set(id, { kind: 'open_offer', reason: 'Är redan erbjuden för den här beställningen.' });
  const householdIds = new Set(o.household.map((h) => (h.identityNumber ?? '').replace(/\D/g, '')).filter((d) => d.length >= 10).map((d) => d.slice(-10)));
  const householdNames = new Map(o.household.map((h) => [nameKey(h.name), h.name] as const));
  const representativeNames = new Map(o.representatives.map((r) => [nameKey(r.name), representativeWord[r.kind]] as const));
  const years = yearsOn(o.birth, o.startDate);
  const activity = activityOf(o.route, o.birth, o.startDate);
  return {
    p: o,
    interestWanted,
    interestCount: interestIds.length,
    languageWanted,
    languageCount: languageIds.length,
    availability: o.availability.reduce((m, s) => m | (slotBit[s] ?? 0), 0),
    postal: postalNumber(o.postalCode),
    activity,
    wishedGender: o.wishedGender === 'woman' || o.wishedGender === 'man' ? o.wishedGender : null,
    personAgeGroup: ageGroupOf(years),
    pairExclusions,
    householdIds,
    householdNames,
    representativeNames,
    residence: o.residenceName && nameKey(o.residenceName) ? nameKey(o.residenceName) : null,
    previous: new Set(o.previousContactPersonIds),
    checkKey: `${o.startDate}|${activity}`,
  };
}

/** A contact person's interest codes and languages as the vocabulary's numbers (remembered per code and word). */
class CandidateWords {
  private readonly keysOf = new Map<string, number[]>();
  private readonly langOf = new Map<string, number>();
  constructor(
    private readonly vocab: Vocabulary,
    private readonly labels: Readonly<Record<string, string>>,
  ) {}
  /** The numbers of the words an interest code answers to. */
  ofCode(code: string): number[] {
    let ids = this.keysOf.get(code);
    if (!ids) {
      ids = [...new Set(interestKeys(code, this.labels).map((k) => this.vocab.ids.get(k)).filter((x): x is number => x !== undefined))];
      this.keysOf.set(code, ids);
    }
    return ids;
  }
  /** The number of a language (−1 when no order wished it). */
  ofLanguage(l: string): number {
    if (!this.vocab.hasLanguages) return -1;
    let i = this.langOf.get(l);
    if (i === undefined) {
      i = this.vocab.ids.get(`språk:${norm(l)}`) ?? -1;
      this.langOf.set(l, i);
    }
    return i;
  }
  interests(p: CandidateProfile): number[] {
    let ints: number[] = NONE;
    for (const code of p.interests) {
      for (const i of this.ofCode(code)) {
        if (ints === NONE) ints = [];
        if (!ints.includes(i)) ints.push(i);
      }
    }
    return ints;
  }
  languages(p: CandidateProfile): number[] {
    let langs: number[] = NONE;
    for (const l of p.languages) {
      const i = this.ofLanguage(l);
      if (i < 0) continue;
      if (langs === NONE) langs = [];
      if (!langs.includes(i)) langs.push(i);
    }
    return langs;
  }
}

/** The 12 digits of an identity number ('' when it has not 12). */
function digits12Of(id: string): string {
  const digits = id.length === 12 ? id : id.replace(/\D/g, '');
  return digits.length === 12 ? digits : '';
}

/** Compile contact persons against a vocabulary that already holds every order's wished words. */
export function compileCandidates(cps: readonly CandidateProfile[], vocab: Vocabulary, labels: Readonly<Record<string, string>>): CompiledCandidate[] {
  const words = new CandidateWords(vocab, labels);
  return cps.map((p, index) => compileOne(p, index, words));
}

function compileOne(p: CandidateProfile, index: number, words: CandidateWords): CompiledCandidate {
  const ints = words.interests(p);
  const langs = words.languages(p);
  const id = p.identityNumber;
  const digits = id.length === 12 ? id : id.replace(/\D/g, '');
  let availability = 0;
  for (const a of p.availability) availability |= slotBit[a] ?? 0;
  return {
    p,
    index,
    interestIds: ints,
    languageIds: langs,
    availability,
    postal: postalNumber(p.postalCode),
    gender: digits.length === 12 ? (digits.charCodeAt(10) % 2 === 1 ? 'man' : 'woman') : null,
    digits12: digits.length === 12 ? digits : '',
    free: Math.max(0, p.capacity - p.currentLoad),
    ageDate: '',
    ageYears: null,
  };
}

/** registerCheckValid for this contact person, remembered in `memo` per start date, activity and check. */
function checkVerdict(p: CandidateProfile, startDate: IsoDate, activity: Activity, cfg: MatchConfig, memo?: VerdictMemo): CheckVerdict {
  if (!memo) return registerCheckValid(p.check, cfg.checkRules, startDate, activity, { scope: cfg.checkScope });
  if (memo.startDate !== startDate || memo.activity !== activity) {
    memo.startDate = startDate;
    memo.activity = activity;
    memo.byExtract.clear();
    memo.none = null;
  }
  const check = p.check;
  if (!check) {
    memo.none ??= registerCheckValid(null, cfg.checkRules, startDate, activity, { scope: cfg.checkScope });
    return memo.none;
  }
  let list = memo.byExtract.get(check.extractDate);
  if (!list) {
    list = [];
    memo.byExtract.set(check.extractDate, list);
  }
  for (const [regs, v] of list) if (sameList(regs, check.registers)) return v;
  const v = registerCheckValid(check, cfg.checkRules, startDate, activity, { scope: cfg.checkScope });
  list.push([check.registers, v]);
  return v;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** registerCheckValid's verdicts for one start date and activity, per extract date and registers. */
class VerdictMemo {
  startDate = '';
  activity = '';
  none: CheckVerdict | null = null;
  readonly byExtract = new Map<string, [readonly string[], CheckVerdict][]>();
}

/** May the contact person be proposed at all on this start date in this activity (no allocation: the hot path)? */
function candidateEligible(p: CandidateProfile, startDate: IsoDate, activity: Activity, cfg: MatchConfig, memo: VerdictMemo): boolean {
  return !p.paused && p.currentLoad < p.capacity && checkVerdict(p, startDate, activity, cfg, memo).ok;
}

/**
 * The contact person's own hard constraints for a start date and activity (capacity, pause, registerkontroll).
 * `memo` keeps registerCheckValid's verdict per distinct check (many contact persons share an extract date).
 */
export function candidateExclusions(c: CompiledCandidate, startDate: IsoDate, activity: Activity, cfg: MatchConfig, memo?: VerdictMemo): Exclusion[] {
  const out: Exclusion[] = [];
  if (c.p.paused) out.push({ kind: 'paused', reason: 'Är pausad och tar inte emot nya uppdrag just nu.' });
  if (c.p.currentLoad >= c.p.capacity) out.push({ kind: 'full', reason: `Har inte plats för fler uppdrag (${c.p.currentLoad} av ${c.p.capacity}).` });
  const v = checkVerdict(c.p, startDate, activity, cfg, memo);
  if (!v.ok) out.push({ kind: 'register_check', reason: `Registerkontrollen gäller inte den ${startDate}: ${v.message}` });
  return out;
}

/** The hard constraints between this order and this contact person. */
export function pairExclusions(o: CompiledOrder, c: CompiledCandidate): Exclusion[] {
  const out: Exclusion[] = [];
  const earlier = o.pairExclusions.get(c.p.id);
  if (earlier) out.push(earlier);
  if (o.householdIds.size > 0 && o.householdIds.has(c.p.identityNumber.replace(/\D/g, '').slice(-10))) out.push({ kind: 'household', reason: 'Bor i personens hushåll (samma personnummer som en hushållsmedlem).' });
  else if (o.householdNames.size > 0 && o.householdNames.has(nameKey(`${c.p.firstName} ${c.p.lastName}`))) out.push({ kind: 'household', reason: `Har samma namn som en medlem i personens hushåll (${o.householdNames.get(nameKey(`${c.p.firstName} ${c.p.lastName}`))}).` });
  if (o.representativeNames.size > 0 && o.representativeNames.has(nameKey(`${c.p.firstName} ${c.p.lastName}`))) out.push({ kind: 'representative', reason: `Är ${o.representativeNames.get(nameKey(`${c.p.firstName} ${c.p.lastName}`))} för personen.` });
  if (o.residence !== null && c.p.workplace && nameKey(c.p.workplace) === o.residence) out.push({ kind: 'staff', reason: `Arbetar på boendet där personen bor (${c.p.workplace}).` });
  if (o.p.wishedGenderRequired && o.wishedGender && c.gender !== o.wishedGender) {
    out.push({ kind: 'gender', reason: `Personen behöver en ${o.wishedGender === 'woman' ? 'kvinna' : 'man'} som kontaktperson.` });
  }
  return out;
}

/** pairExclusions(o, c).length > 0, without allocating for the usual contact person. */
function pairExcluded(o: CompiledOrder, p: CandidateProfile, j: number, t: CandidateArrays): boolean {
  if (o.pairExclusions.size > 0 && o.pairExclusions.has(p.id)) return true;
  if (o.p.wishedGenderRequired && o.wishedGender && t.gender[j] !== (o.wishedGender === 'woman' ? 1 : 2)) return true;
  if (o.householdIds.size > 0 && o.householdIds.has((t.digits12[j] || p.identityNumber.replace(/\D/g, '')).slice(-10))) return true;
  if (o.residence !== null && t.workplaceKey(j) === o.residence) return true;
  if (o.householdNames.size > 0 || o.representativeNames.size > 0) {
    const k = t.nameKeys(j);
    return o.householdNames.has(k) || o.representativeNames.has(k);
  }
  return false;
}

// ---- Soft criteria ----------------------------------------------------------------------------------------------

export interface Reason {
  criterion: Criterion;
  points: number;
  text: string;
}

/** The score of a pair (hard constraints not checked here), with the reasons pushed to `why` when it is given. */
export function pairScore(o: CompiledOrder, c: CompiledCandidate, w: MatchWeights, vocab: Vocabulary | null, why: Reason[] | null): number {
  let score = 0;
  // Area: the same postnummerområde (first three digits), or a neighbouring one (first two).
  if (o.postal >= 0 && c.postal >= 0 && w.area > 0) {
    const same = Math.floor(o.postal / 100) === Math.floor(c.postal / 100);
    const near = !same && Math.floor(o.postal / 1000) === Math.floor(c.postal / 1000);
    const pts = same ? w.area : near ? Math.round(w.area / 2) : 0;
    if (pts > 0) {
      score += pts;
      why?.push({ criterion: 'area', points: pts, text: same ? 'Samma område' : 'Närliggande område' });
    }
  }
  if (o.interestCount > 0 && w.interests > 0 && c.interestIds.length > 0) {
    let shared = 0;
    for (let i = 0; i < c.interestIds.length; i++) if (o.interestWanted[c.interestIds[i]] === 1) shared++;
    if (shared > 0) {
      const pts = Math.round((w.interests * Math.min(shared, 3)) / Math.min(o.interestCount, 3));
      score += pts;
      if (why && vocab) {
        const words = [...c.interestIds].filter((i) => o.interestWanted[i] === 1).map((i) => vocab.words[i]);
        why.push({ criterion: 'interests', points: pts, text: `Delar intressen: ${words.join(', ')}` });
      }
    }
  }
  if (o.languageCount > 0 && w.language > 0 && c.languageIds.length > 0) {
    let shared = 0;
    for (let i = 0; i < c.languageIds.length; i++) if (o.languageWanted[c.languageIds[i]] === 1) shared++;
    if (shared > 0) {
      const pts = Math.round((w.language * Math.min(shared, o.languageCount)) / o.languageCount);
      score += pts;
      if (why && vocab) {
        const words = [...c.languageIds].filter((i) => o.languageWanted[i] === 1).map((i) => vocab.words[i].slice('språk:'.length));
        why.push({ criterion: 'language', points: pts, text: `Talar ${words.join(', ')}` });
      }
    }
  }
  if (o.availability !== 0 && w.availability > 0) {
    const both = o.availability & c.availability;
    if (both !== 0) {
      const n = bits(both);
      const pts = Math.round((w.availability * n) / bits(o.availability));
      score += pts;
      if (why) {
        const can = SLOTS.filter((s) => both & slotBit[s]);
        const wished = SLOTS.filter((s) => o.availability & slotBit[s]).map((s) => availabilityWord[s]);
        why.push({ criterion: 'availability', points: pts, text: `${can.map((s, i) => (i === 0 ? availabilityVerb[s] : availabilityWord[s])).join(', ')} – önskat: ${wished.join(', ')}` });
      }
    }
  }
  if (w.age > 0) {
    const pts = agePoints(o, c, w.age, why);
    score += pts;
  }
  if (o.wishedGender && !o.p.wishedGenderRequired && w.gender > 0 && c.gender === o.wishedGender) {
    score += w.gender;
    why?.push({ criterion: 'gender', points: w.gender, text: `${o.wishedGender === 'woman' ? 'Kvinna – önskat: kvinna' : 'Man – önskat: man'}` });
  }
  if (o.previous.size > 0 && w.continuity > 0 && o.previous.has(c.p.id)) {
    score += w.continuity;
    why?.push({ criterion: 'continuity', points: w.continuity, text: 'Har varit kontaktperson för personen tidigare' });
  }
  return score;
}

const ageGroupWord: Record<string, string> = { child: 'barn', youth: 'ungdomar', adult: 'vuxna', senior: 'äldre' };

function wishedAge(min: number | null, max: number | null): string {
  return min !== null && max !== null ? `${min}–${max} år` : min !== null ? `minst ${min} år` : `högst ${max} år`;
}

function agePoints(o: CompiledOrder, c: CompiledCandidate, weight: number, why: Reason[] | null): number {
  const min = o.p.wishedAgeMin;
  const max = o.p.wishedAgeMax;
  if (min !== null || max !== null) {
    if (c.ageDate !== o.p.startDate) {
      c.ageDate = o.p.startDate;
      c.ageYears = ageFromDigits(c.digits12, o.p.startDate);
    }
    const years = c.ageYears;
    if (years !== null) {
      const lo = min ?? 0;
      const hi = max ?? 200;
      if (years >= lo && years <= hi) {
        why?.push({ criterion: 'age', points: weight, text: `${years} år – önskat: ${wishedAge(min, max)}` });
        return weight;
      }
      if (years >= lo - 5 && years <= hi + 5) {
        const pts = Math.round(weight / 2);
        why?.push({ criterion: 'age', points: pts, text: `${years} år – nära önskat: ${wishedAge(min, max)}` });
        return pts;
      }
    }
    return 0;
  }
  if (o.personAgeGroup && c.p.ageGroups.includes(o.personAgeGroup)) {
    const pts = Math.round(weight / 2);
    why?.push({ criterion: 'age', points: pts, text: `Vill gärna ha uppdrag med ${ageGroupWord[o.personAgeGroup]}` });
    return pts;
  }
  return 0;
}

function bits(n: number): number {
  let c = 0;
  for (let x = n; x; x &= x - 1) c++;
  return c;
}

// ---- Scoring many pairs at once (the same points as pairScore, on typed arrays) ------------------------------------

const AGE_GROUP_BIT: Record<string, number> = { child: 1, youth: 2, adult: 4, senior: 8 };

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** The contact persons' criteria as typed arrays, so scoring one order against all of them is plain array work. */
class CandidateArrays {
  readonly n: number;
  /** The postnummerområde (first three digits), 1000 without a postal code. */
  readonly postal3: Int16Array;
  readonly gender: Int8Array;
  readonly availability: Uint8Array;
  readonly ageGroups: Uint8Array;
  readonly intStart: Int32Array;
  readonly intIds: Int32Array;
  readonly langStart: Int32Array;
  readonly langIds: Int32Array;
  /** With at most 31 words in the vocabulary: each contact person's interests and languages as bits. */
  readonly intMask: Int32Array | null;
  readonly langMask: Int32Array | null;
  /** The identity numbers' 12 digits ('' when not 12). */
  readonly digits12: string[];
  private readonly ages = new Map<string, Uint16Array>();
  /** Names as household members and representatives are compared (made for everyone when first asked). */
  private names: string[] | null = null;
  private workplaces: string[] | null = null;
  constructor(
    private readonly cps: readonly CandidateProfile[],
    words: CandidateWords,
    vocabSize: number,
  ) {
    const n = cps.length;
    this.digits12 = new Array(n);
    this.n = n;
    this.postal3 = new Int16Array(n);
    this.gender = new Int8Array(n);
    this.availability = new Uint8Array(n);
    this.ageGroups = new Uint8Array(n);
    this.intStart = new Int32Array(n + 1);
    this.langStart = new Int32Array(n + 1);
    const masks = vocabSize <= 31;
    this.intMask = masks ? new Int32Array(n) : null;
    this.langMask = masks ? new Int32Array(n) : null;
    let intIds = new Int32Array(64);
    let langIds = new Int32Array(64);
    let ni = 0;
    let nl = 0;
    for (let j = 0; j < n; j++) {
      const p = cps[j];
      const postal = postalNumber(p.postalCode);
      this.postal3[j] = postal >= 0 ? Math.floor(postal / 100) : 1000;
      const d = digits12Of(p.identityNumber);
      this.digits12[j] = d;
      this.gender[j] = d === '' ? 0 : d.charCodeAt(10) % 2 === 1 ? 2 : 1;
      let av = 0;
      for (const x of p.availability) av |= slotBit[x] ?? 0;
      this.availability[j] = av;
      let g = 0;
      for (const x of p.ageGroups) g |= AGE_GROUP_BIT[x] ?? 0;
      this.ageGroups[j] = g;
      // Interests and languages straight into the buffers (each number once per contact person).
      this.intStart[j] = ni;
      let im = 0;
      for (const code of p.interests) {
        for (const x of words.ofCode(code)) {
          let dup = false;
          for (let e = this.intStart[j]; e < ni && !dup; e++) dup = intIds[e] === x;
          if (dup) continue;
          if (ni === intIds.length) intIds = grow(intIds);
          intIds[ni++] = x;
          im |= 1 << x;
        }
      }
      this.langStart[j] = nl;
      let lm = 0;
      for (const l of p.languages) {
        const x = words.ofLanguage(l);
        if (x < 0) continue;
        let dup = false;
        for (let e = this.langStart[j]; e < nl && !dup; e++) dup = langIds[e] === x;
        if (dup) continue;
        if (nl === langIds.length) langIds = grow(langIds);
        langIds[nl++] = x;
        lm |= 1 << x;
      }
      if (this.intMask && this.langMask) {
        this.intMask[j] = im;
        this.langMask[j] = lm;
      }
    }
    this.intIds = intIds;
    this.langIds = langIds;
    this.intStart[n] = ni;
    this.langStart[n] = nl;
  }
  /** The residence they work at as names are compared ('' when none). */
  workplaceKey(j: number): string {
    this.workplaces ??= this.cps.map((p) => (p.workplace ? nameKey(p.workplace) : ''));
    return this.workplaces[j];
  }
  nameKeys(j: number): string {
    this.names ??= this.cps.map((p) => nameKey(`${p.firstName} ${p.lastName}`));
    return this.names[j];
  }
  /** Completed years on `date` + AGE_OFFSET, clamped to 0..AGE_NONE − 1 (AGE_NONE when the identity number does not tell). */
  agesOn(date: IsoDate): Uint16Array {
    let a = this.ages.get(date);
    if (!a) {
      a = new Uint16Array(this.n);
      for (let j = 0; j < this.n; j++) {
        const y = ageFromDigits(this.digits12[j], date);
        a[j] = y === null ? AGE_NONE : Math.max(0, Math.min(AGE_NONE - 1, y + AGE_OFFSET));
      }
      this.ages.set(date, a);
    }
    return a;
  }
}
const AGE_OFFSET = 100;
const AGE_NONE = 400;

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) | 0;
}

/**
 * out[at + j] = base + pairScore(o, cc[j]) for every j with ok[j] = 1 (−1 for the others), without the pair checks
 * (earlier offers, household, representatives, required gender): the callers apply those by lookup. Continuity
 * points are added by lookup too. Each criterion is a table looked up by the contact person's value (few branches).
 * Must give exactly pairScore's points (a test compares them pair by pair).
 */
function scoreAll(o: CompiledOrder, t: CandidateArrays, ps: readonly CandidateProfile[], w: MatchWeights, ok: Int8Array, base: number, out: Int32Array, at: number): void {
  const n = t.n;
  // Area: points by the contact person's first three digits.
  const areaTab = new Int32Array(1001);
  if (o.postal >= 0 && w.area > 0) {
    const same = Math.floor(o.postal / 100);
    const near = Math.floor(o.postal / 1000);
    const half = Math.round(w.area / 2);
    for (let p = 0; p < 1000; p++) areaTab[p] = p === same ? w.area : Math.floor(p / 10) === near ? half : 0;
  }
  const intOn = o.interestCount > 0 && w.interests > 0;
  const intPts = new Int32Array(33);
  if (intOn) for (let s = 1; s <= 32; s++) intPts[s] = Math.round((w.interests * Math.min(s, 3)) / Math.min(o.interestCount, 3));
  const langOn = o.languageCount > 0 && w.language > 0;
  const langPts = new Int32Array(33);
  if (langOn) for (let s = 1; s <= 32; s++) langPts[s] = Math.round((w.language * Math.min(s, o.languageCount)) / o.languageCount);
  const availPts = new Int32Array(8);
  if (o.availability !== 0 && w.availability > 0) for (let m = 1; m < 8; m++) if (o.availability & m) availPts[m] = Math.round((w.availability * bits(o.availability & m)) / bits(o.availability));
  const oa = o.availability;
  const min = o.p.wishedAgeMin;
  const max = o.p.wishedAgeMax;
  const ageRange = w.age > 0 && (min !== null || max !== null);
  const ages = ageRange ? t.agesOn(o.p.startDate) : null;
  const ageTab = new Int32Array(AGE_NONE + 1);
  if (ageRange) {
    const lo = min ?? 0;
    const hi = max ?? 200;
    for (let k = 0; k < AGE_NONE; k++) {
      const y = k - AGE_OFFSET;
      ageTab[k] = y >= lo && y <= hi ? w.age : y >= lo - 5 && y <= hi + 5 ? Math.round(w.age / 2) : 0;
    }
  }
  const groupTab = new Int32Array(16);
  const groupBit = w.age > 0 && !ageRange && o.personAgeGroup ? (AGE_GROUP_BIT[o.personAgeGroup] ?? 0) : 0;
  if (groupBit !== 0) for (let g = 0; g < 16; g++) groupTab[g] = g & groupBit ? Math.round(w.age / 2) : 0;
  const genderTab = new Int32Array(3);
  if (o.wishedGender && !o.p.wishedGenderRequired && w.gender > 0) genderTab[o.wishedGender === 'woman' ? 1 : 2] = w.gender;
  // The wished words as bits (when the vocabulary is small enough).
  let intWantedMask = 0;
  let langWantedMask = 0;
  if (t.intMask) {
    for (let x = 0; x < 31; x++) {
      if (o.interestWanted[x] === 1) intWantedMask |= 1 << x;
      if (o.languageWanted[x] === 1) langWantedMask |= 1 << x;
    }
  }
  const iw = o.interestWanted;
  const lw = o.languageWanted;
  const { postal3, gender, availability, ageGroups, intStart, intIds, langStart, langIds, intMask, langMask } = t;
  for (let j = 0; j < n; j++) {
    let score = base + areaTab[postal3[j]] + availPts[oa & availability[j]] + groupTab[ageGroups[j]] + genderTab[gender[j]];
    if (ages !== null) score += ageTab[ages[j]];
    if (intMask !== null && langMask !== null) {
      score += intPts[popcount(intMask[j] & intWantedMask)] + langPts[popcount(langMask[j] & langWantedMask)];
    } else {
      if (intOn) {
        let shared = 0;
        for (let e = intStart[j], end = intStart[j + 1]; e < end; e++) shared += iw[intIds[e]];
        score += intPts[Math.min(shared, 32)];
      }
      if (langOn) {
        let shared = 0;
        for (let e = langStart[j], end = langStart[j + 1]; e < end; e++) shared += lw[langIds[e]];
        score += langPts[Math.min(shared, 32)];
      }
    }
    out[at + j] = ok[j] === 0 ? -1 : score;
  }
  if (o.previous.size > 0 && w.continuity > 0) {
    for (let j = 0; j < n; j++) if (ok[j] !== 0 && o.previous.has(ps[j].id)) out[at + j] += w.continuity;
  }
}

// ---- Ranking one order ------------------------------------------------------------------------------------------

export interface RankedCandidate {
  id: string;
  score: number;
  reasons: Reason[];
}

export interface Ranking {
  candidates: RankedCandidate[];
  /** How many were excluded by each hard constraint (a contact person may count under several). */
  excluded: Partial<Record<ExclusionKind, number>>;
  considered: number;
  eligible: number;
  rankOf: (id: string) => number | null;
}

/** Cached registerkontroll verdicts: one per contact person per start date and activity. */
export class CheckCache {
  private readonly m = new Map<string, Int8Array>();
  private readonly verdicts = new VerdictMemo();
  constructor(
    private readonly cps: readonly CompiledCandidate[],
    private readonly cfg: MatchConfig,
  ) {}
  /** 1 = the contact person may be proposed for an order starting then in that activity, 0 = not. */
  eligible(o: CompiledOrder): Int8Array {
    let a = this.m.get(o.checkKey);
    if (!a) {
      a = new Int8Array(this.cps.length);
      for (let i = 0; i < this.cps.length; i++) a[i] = candidateEligible(this.cps[i].p, o.p.startDate, o.activity, this.cfg, this.verdicts) ? 1 : 0;
      this.m.set(o.checkKey, a);
    }
    return a;
  }
}

function vocabularyOf(orders: readonly OrderProfile[]): Vocabulary {
  const v = new Vocabulary();
  for (const o of orders) {
    for (const w of o.interests) if (norm(w)) v.id(w);
    for (const w of o.languages) if (norm(w)) v.id(`språk:${w}`);
  }
  return v;
}

/** The contact persons' own hard constraints for one start date and activity: who passes, and counts by kind. */
interface OwnConstraints {
  ok: Int8Array;
  excluded: Partial<Record<ExclusionKind, number>>;
}

/**
 * The register prepared for ranking: every word a contact person's interests and languages answer to, the
 * criteria as typed arrays, the name order, and the own hard constraints per start date and activity. Built once
 * and reused for every order while the register is unchanged (matching/candidate-pool.ts keeps it between
 * requests), so ranking one order is array work over what is already compiled.
 */
export class CandidatePool {
  readonly vocab = new Vocabulary();
  readonly arrays: CandidateArrays;
  private readonly words: CandidateWords;
  private readonly compiled: (CompiledCandidate | undefined)[];
  private readonly own = new Map<string, OwnConstraints>();
  private readonly memo = new VerdictMemo();
  private names: { byName: Int32Array; rank: Int32Array } | null = null;
  private index: Map<string, number> | null = null;
  constructor(
    readonly cps: readonly CandidateProfile[],
    readonly cfg: MatchConfig,
  ) {
    const codes = new Set<string>();
    const langs = new Set<string>();
    for (const p of cps) {
      for (const c of p.interests) codes.add(c);
      for (const l of p.languages) langs.add(l);
    }
    for (const c of codes) for (const k of interestKeys(c, cfg.interestLabels)) if (k) this.vocab.id(k);
    for (const l of langs) if (norm(l)) this.vocab.id(`språk:${l}`);
    this.vocab.frozen = true;
    this.words = new CandidateWords(this.vocab, cfg.interestLabels);
    this.arrays = new CandidateArrays(cps, this.words, this.vocab.words.length);
    this.compiled = new Array(cps.length);
  }
  /** The full compiled form of contact person j (made when first needed: the shown and the excluded). */
  at(j: number): CompiledCandidate {
    let c = this.compiled[j];
    if (!c) {
      c = compileOne(this.cps[j], j, this.words);
      this.compiled[j] = c;
    }
    return c;
  }
  indexOf(id: string): number {
    this.index ??= new Map(this.cps.map((c, j) => [c.id, j] as const));
    return this.index.get(id) ?? -1;
  }
  /** Everyone in name order (surname, first name; the ranking's tie-break) and each one's place in it. */
  nameOrder(): { byName: Int32Array; rank: Int32Array } {
    if (!this.names) {
      const n = this.cps.length;
      const keys = this.cps.map((p) => `${p.lastName}\u0000${p.firstName}`.toLowerCase());
      const byName = Int32Array.from({ length: n }, (_, j) => j).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b));
      const rank = new Int32Array(n);
      for (let r = 0; r < n; r++) rank[byName[r]] = r;
      this.names = { byName, rank };
    }
    return this.names;
  }
  /** Pause, capacity and registerkontroll on this start date in this activity (remembered; a few dozen kept). */
  ownConstraints(startDate: IsoDate, activity: Activity): OwnConstraints {
    const key = `${startDate}|${activity}`;
    let r = this.own.get(key);
    if (!r) {
      const ok = new Int8Array(this.cps.length);
      const excluded: Partial<Record<ExclusionKind, number>> = {};
      for (let j = 0; j < this.cps.length; j++) {
        if (candidateEligible(this.cps[j], startDate, activity, this.cfg, this.memo)) {
          ok[j] = 1;
          continue;
        }
        for (const e of candidateExclusions(this.at(j), startDate, activity, this.cfg, this.memo)) excluded[e.kind] = (excluded[e.kind] ?? 0) + 1;
      }
      if (this.own.size >= 64) this.own.clear();
      r = { ok, excluded };
      this.own.set(key, r);
    }
    return r;
  }
}

/** Prepare the register for ranking (see CandidatePool). `cfg` gives the interests' labels and the check rules. */
export function prepareCandidates(cps: readonly CandidateProfile[], cfg: MatchConfig): CandidatePool {
  return new CandidatePool(cps, cfg);
}

/**
 * Rank the contact persons for one order: hard constraints exclude (counted by kind), the rest are scored,
 * best first (ties by name); the first `limit` carry their reasons. `cps` is the register, or the register
 * prepared once with prepareCandidates (built with the same labels and check rules as `cfg`).
 */
export function rankCandidates(order: OrderProfile, cps: readonly CandidateProfile[] | CandidatePool, cfg: MatchConfig, limit = 50): Ranking {
  const pool = cps instanceof CandidatePool ? cps : new CandidatePool(cps, cfg);
  const n = pool.cps.length;
  const o = compileOrder(order, pool.vocab);
  const own = pool.ownConstraints(order.startDate, o.activity);
  const excluded: Partial<Record<ExclusionKind, number>> = { ...own.excluded };
  const pairChecks = o.pairExclusions.size > 0 || o.householdIds.size > 0 || o.householdNames.size > 0 || o.representativeNames.size > 0 || o.residence !== null || (o.p.wishedGenderRequired && o.wishedGender !== null);
  let ok = own.ok;
  if (pairChecks) {
    // The order's own exclusions (earlier offers, household, representatives, required gender), counted by kind
    // for everyone they hit, as the own constraints are.
    ok = own.ok.slice();
    for (let j = 0; j < n; j++) {
      if (!pairExcluded(o, pool.cps[j], j, pool.arrays)) continue;
      ok[j] = 0;
      for (const e of pairExclusions(o, pool.at(j))) excluded[e.kind] = (excluded[e.kind] ?? 0) + 1;
    }
  }
  // Every eligible one scored at once (the same points as pairScore; −1 for the excluded).
  const scores = new Int32Array(n);
  scoreAll(o, pool.arrays, pool.cps, cfg.weights, ok, 0, scores, 0);
  let eligible = 0;
  let best = -1;
  for (let j = 0; j < n; j++) {
    if (scores[j] < 0) continue;
    eligible++;
    if (scores[j] > best) best = scores[j];
  }
  const top = limit > 0 && eligible > 0 ? topByScoreThenName(scores, best, Math.min(limit, eligible), pool) : [];
  const candidates = top.map((j) => {
    const c = pool.at(j);
    const reasons: Reason[] = [];
    pairScore(o, c, cfg.weights, pool.vocab, reasons);
    return { id: c.p.id, score: scores[j], reasons };
  });
  /** The place (1-based) an eligible contact person has in the full ranking. */
  const rankOf = (id: string): number | null => {
    const me = pool.indexOf(id);
    if (me < 0 || scores[me] < 0) return null;
    const { rank } = pool.nameOrder();
    let place = 1;
    for (let j = 0; j < n; j++) if (scores[j] > scores[me] || (scores[j] === scores[me] && rank[j] < rank[me])) place++;
    return place;
  };
  return { candidates, excluded, considered: n, eligible, rankOf };
}

/**
 * The `need` best by score, ties by name, without sorting everyone: a histogram of the scores (small integers)
 * gives the lowest score that makes the list; those above it are few and sorted; that score's places are filled
 * in name order.
 */
function topByScoreThenName(scores: Int32Array, best: number, need: number, pool: CandidatePool): number[] {
  const hist = new Int32Array(best + 1);
  for (let j = 0; j < scores.length; j++) if (scores[j] >= 0) hist[scores[j]]++;
  let cut = best;
  let above = 0;
  while (above + hist[cut] < need) above += hist[cut--];
  const { byName, rank } = pool.nameOrder();
  const out: number[] = [];
  for (let j = 0; j < scores.length; j++) if (scores[j] > cut) out.push(j);
  out.sort((a, b) => scores[b] - scores[a] || rank[a] - rank[b]);
  for (let r = 0; r < byName.length && out.length < need; r++) if (scores[byName[r]] === cut) out.push(byName[r]);
  return out;
}

/** "Varför inte X?": every hard constraint that excludes this contact person for this order, and the score otherwise. */
export function explainCandidate(order: OrderProfile, cp: CandidateProfile, cfg: MatchConfig): { exclusions: Exclusion[]; score: number; reasons: Reason[] } {
  const vocab = vocabularyOf([order]);
  const o = compileOrder(order, vocab);
  const [c] = compileCandidates([cp], vocab, cfg.interestLabels);
  const exclusions = [...candidateExclusions(c, order.startDate, o.activity, cfg), ...pairExclusions(o, c)];
  const reasons: Reason[] = [];
  const score = pairScore(o, c, cfg.weights, vocab, reasons);
  return { exclusions, score, reasons };
}

// ---- The waiting list's priority ------------------------------------------------------------------------------------

export interface WaitingFacts {
  /** The decision date, or the day the assignment was interrupted (a replacement is waited for since then). */
  waitingSince: IsoDate;
}

/** The day by which the decision (or, after an avbrott, the replacement) must be executed: three months. */
export function waitingDeadline(f: WaitingFacts): IsoDate {
  return executionDeadline(f.waitingSince);
}

export function daysWaited(f: WaitingFacts, today: IsoDate): number {
  return Math.max(0, daysBetween(f.waitingSince, today));
}

/** Days left to the deadline (negative: passed, reportable to IVO). */
export function daysLeft(f: WaitingFacts, today: IsoDate): number {
  return daysBetween(today, waitingDeadline(f));
}

/** Priority points of a waiting order: waited days (full at 180) and the deadline's nearness (full when passed). */
export function priorityPoints(f: WaitingFacts, today: IsoDate, w: Pick<MatchWeights, 'waited' | 'deadline'>): number {
  const waited = Math.min(daysWaited(f, today), 180) / 180;
  const left = daysLeft(f, today);
  const urgency = left <= 0 ? 1 : left >= 90 ? 0 : (90 - left) / 90;
  return Math.round(w.waited * waited + w.deadline * urgency);
}

/** Is the decision date plus three months passed on `today`? (the same as daysLeft < 0) */
export function pastDeadline(f: WaitingFacts, today: IsoDate): boolean {
  return waitingDeadline(f) < today;
}

// ---- The whole waiting list: an exact min-cost flow ----------------------------------------------------------------

export interface ProposalOrder {
  profile: OrderProfile;
  /** Contact persons still needed (granted − running − open offers). */
  need: number;
  priority: number;
}

export interface ProposalInput {
  orders: readonly ProposalOrder[];
  candidates: readonly CandidateProfile[];
  cfg: MatchConfig;
}

export interface ProposedPair {
  orderId: string;
  contactPersonId: string;
  score: number;
  /** score + 1 + the order's priority: what the assignment maximises. */
  benefit: number;
  reasons: Reason[];
}

export type UnmatchedWhy = 'no_candidate' | 'taken';
export interface Unmatched {
  orderId: string;
  missing: number;
  why: UnmatchedWhy;
}

export interface Proposal {
  pairs: ProposedPair[];
  unmatched: Unmatched[];
  objective: number;
}

/**
 * The benefit matrix of a proposal: benefit[o × m + c] = 1 + score + priority, or −1 when a hard constraint excludes.
 * Exported for the independent solver in the tests.
 */
export interface BenefitMatrix {
  benefit: Int32Array;
  rows: number;
  cols: number;
  need: Int32Array;
  free: Int32Array;
  compiledOrders: CompiledOrder[];
  compiledCandidates: CompiledCandidate[];
  vocab: Vocabulary;
}

export function benefitMatrix(input: ProposalInput): BenefitMatrix {
  const { cfg } = input;
  const vocab = vocabularyOf(input.orders.map((o) => o.profile));
  const co = input.orders.map((o) => compileOrder(o.profile, vocab));
  const cc = compileCandidates(input.candidates, vocab, cfg.interestLabels);
  const n = co.length;
  const m = cc.length;
  const benefit = new Int32Array(n * m);
  const checks = new CheckCache(cc, cfg);
  const arrays = new CandidateArrays(input.candidates, new CandidateWords(vocab, cfg.interestLabels), vocab.words.length);
  const idIndex = new Map(cc.map((c) => [c.p.id, c.index] as const));
  let lookup: ReturnType<typeof personIndexes> | undefined;
  for (let i = 0; i < n; i++) {
    const o = co[i];
    const ok = checks.eligible(o);
    const base = 1 + input.orders[i].priority;
    const row = i * m;
    scoreAll(o, arrays, input.candidates, cfg.weights, ok, base, benefit, row);
    if (o.p.wishedGenderRequired && o.wishedGender !== null) {
      const g = o.wishedGender === 'woman' ? 1 : 2;
      for (let j = 0; j < m; j++) if (arrays.gender[j] !== g) benefit[row + j] = -1;
    }
    // The rare pair constraints (earlier offers, household, representatives) by lookup, not per pair.
    for (const id of o.pairExclusions.keys()) {
      const j = idIndex.get(id);
      if (j !== undefined) benefit[row + j] = -1;
    }
    if (o.householdIds.size > 0 || o.householdNames.size > 0 || o.representativeNames.size > 0) {
      // By lookup in indexes of the contact persons' numbers and names (made once), not per pair.
      lookup ??= personIndexes(cc);
      for (const d of o.householdIds) for (const j of lookup.byDigits.get(d) ?? []) benefit[row + j] = -1;
      for (const k of [...o.householdNames.keys(), ...o.representativeNames.keys()]) for (const j of lookup.byName.get(k) ?? []) benefit[row + j] = -1;
    }
    if (o.residence !== null) {
      lookup ??= personIndexes(cc);
      for (const j of lookup.byWorkplace.get(o.residence) ?? []) benefit[row + j] = -1;
    }
  }
  return {
    benefit,
    rows: n,
    cols: m,
    need: Int32Array.from(input.orders.map((o) => Math.max(0, o.need))),
    free: Int32Array.from(cc.map((c) => c.free)),
    compiledOrders: co,
    compiledCandidates: cc,
    vocab,
  };
}

/** Contact persons by the last ten digits of their identity number and by their name key (pair exclusions). */
function personIndexes(cc: readonly CompiledCandidate[]) {
  const byDigits = new Map<string, number[]>();
  const byName = new Map<string, number[]>();
  const byWorkplace = new Map<string, number[]>();
  for (const c of cc) {
    const w = c.p.workplace ? nameKey(c.p.workplace) : '';
    if (w) byWorkplace.set(w, [...(byWorkplace.get(w) ?? []), c.index]);
    const d = c.p.identityNumber.replace(/\D/g, '').slice(-10);
    const k = nameKey(`${c.p.firstName} ${c.p.lastName}`);
    byDigits.set(d, [...(byDigits.get(d) ?? []), c.index]);
    byName.set(k, [...(byName.get(k) ?? []), c.index]);
  }
  return { byDigits, byName, byWorkplace };
}

/**
 * The maximum-benefit assignment: each order gets at most `need` contact persons, each contact person at most its
 * free places, each pair at most once, only pairs no hard constraint excludes. Exact, by a min-cost flow solved on a
 * sparse graph and then PROVED optimal on the full matrix:
 *  1. keep each order's `k` best pairs (plus, always, the option to stay unmatched);
 *  2. solve the min-cost flow on those pairs (flowOnPairs: successive shortest paths with potentials);
 *  3. turn its potentials into LP duals (u per order, v per contact person, both ≥ 0) and check every pair of the
 *     full matrix: a left-out pair with benefit > u + v could improve the solution, so the worst such pairs of each
 *     order are added and step 2 runs again; when there is none and the duals' objective equals the flow's
 *     (weak duality), the solution is optimal for the full matrix. If the proof ever fails without a violated pair,
 *     the flow is solved on every pair (never happens in the tests, but exactness does not rest on it).
 * `k: Infinity` solves on every pair at once (the dense path; the tests compare the two).
 * Returns, per order, the chosen contact persons' column indexes.
 */
export function assignFlow(mx: Pick<BenefitMatrix, 'benefit' | 'rows' | 'cols' | 'need' | 'free'>, opts: { k?: number } = {}): number[][] {
  const { benefit, rows: n, cols: m, need, free } = mx;
  const k = opts.k ?? 40;
  const pairs: number[][] = Array.from({ length: n }, () => []);
  let maxB = 0;
  for (let x = 0; x < benefit.length; x++) if (benefit[x] > maxB) maxB = benefit[x];
  const counts = new Int32Array(maxB + 2);
  // The best benefit of each order among the pairs left out (−1: none), so the proof can skip an order whose
  // dual already covers it without scanning its row.
  const outsideMax = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const row = i * m;
    const want = Math.min(m, k + need[i]);
    const list = pairs[i];
    if (need[i] <= 0) continue;
    if (!Number.isFinite(k)) {
      for (let j = 0; j < m; j++) if (benefit[row + j] >= 0) list.push(j);
      continue;
    }
    // The threshold of the `want` best by counting (benefits are small integers), then take them.
    counts.fill(0);
    let eligible = 0;
    for (let j = 0; j < m; j++) {
      const b = benefit[row + j];
      if (b >= 0 && free[j] > 0) {
        counts[b]++;
        eligible++;
      }
    }
    if (eligible <= want) {
      for (let j = 0; j < m; j++) if (benefit[row + j] >= 0 && free[j] > 0) list.push(j);
      continue;
    }
    let t = maxB;
    let above = 0;
    while (above + counts[t] < want) above += counts[t--];
    let atT = want - above;
    for (let j = 0; j < m; j++) {
      const b = benefit[row + j];
      if (b > t && free[j] > 0) list.push(j);
      else if (b === t && atT > 0 && free[j] > 0) {
        list.push(j);
        atT--;
      } else if (b >= 0 && free[j] > 0 && b > outsideMax[i]) outsideMax[i] = b;
    }
  }
  for (;;) {
    const { assigned, pot } = flowOnPairs(benefit, n, m, need, free, pairs);
    if (!Number.isFinite(k)) return assigned;
    // Duals from the potentials (clamped at 0, which keeps them feasible: see the comment above).
    const T = n + m;
    const u = new Float64Array(n);
    const v = new Float64Array(m);
    for (let i = 0; i < n; i++) u[i] = Math.max(0, pot[i] - pot[T]);
    for (let j = 0; j < m; j++) v[j] = Math.max(0, pot[T] - pot[n + j]);
    let primal = 0;
    for (let i = 0; i < n; i++) for (const j of assigned[i]) primal += benefit[i * m + j];
    let dual = 0;
    for (let i = 0; i < n; i++) dual += need[i] * u[i];
    for (let j = 0; j < m; j++) dual += free[j] * v[j];
    const inSparse = new Uint8Array(m);
    let added = 0;
    for (let i = 0; i < n; i++) {
      // An order that needs no one (or a contact person with no free place) may take any dual at no cost: no check.
      if (need[i] <= 0) continue;
      const row = i * m;
      const ui = u[i];
      if (outsideMax[i] <= ui) {
        // No left-out pair can break the duals (v ≥ 0): only the kept pairs' slack counts.
        for (const j of pairs[i]) {
          const slack = benefit[row + j] - ui - v[j];
          if (slack > 0 && free[j] > 0) dual += slack;
        }
        continue;
      }
      for (const j of pairs[i]) inSparse[j] = 1;
      let worst: number[] | null = null;
      for (let j = 0; j < m; j++) {
        const b = benefit[row + j];
        if (b < 0 || free[j] <= 0) continue;
        const slack = b - ui - v[j];
        if (slack <= 0) continue;
        dual += slack;
        if (inSparse[j] === 0) {
          worst ??= [];
          worst.push(j);
        }
      }
      if (worst) {
        // The worst left-out pairs of this order (by how much they break the duals), at most max(k, 8) of them.
        const most = Math.max(k, 8);
        if (worst.length > most) {
          // A numeric sort of (−(benefit − v), column) keys: no comparator (a row may have thousands).
          const S = 2 ** 24;
          const keys = new Float64Array(worst.length);
          for (let x = 0; x < worst.length; x++) keys[x] = -(benefit[row + worst[x]] - v[worst[x]]) * S + worst[x];
          keys.sort();
          worst = [];
          for (let x = 0; x < most; x++) worst.push(((keys[x] % S) + S) % S);
        }
        pairs[i].push(...worst);
        added += worst.length;
        for (const j of worst) inSparse[j] = 1;
      }
      let out = -1;
      for (let j = 0; j < m; j++) if (inSparse[j] === 0 && free[j] > 0 && benefit[row + j] > out) out = benefit[row + j];
      outsideMax[i] = out;
      for (const j of pairs[i]) inSparse[j] = 0;
    }
    if (added === 0) {
      if (dual === primal) return assigned;
      // No left-out pair breaks the duals, yet they do not prove optimality: solve on every pair.
      return assignFlow(mx, { k: Number.POSITIVE_INFINITY });
    }
  }
}

/**
 * Min-cost flow (cost = −benefit) on the given pairs per order, by successive shortest paths with potentials
 * (Dijkstra on reduced costs), one unit at a time from each order, where every unit may also stay unmatched at cost
 * 0. Nodes: orders 0..n−1, contact persons n..n+m−1, the sink T = n+m. Returns the choice and the final potentials
 * (every residual arc has reduced cost ≥ 0: the optimality certificate on these pairs).
 */
function flowOnPairs(benefit: Int32Array, n: number, m: number, need: Int32Array, free: Int32Array, pairs: readonly number[][]): { assigned: number[][]; pot: Float64Array } {
  const INF = Number.POSITIVE_INFINITY;
  // The pairs as compressed rows: cols and benefits of order i at start[i]..start[i+1].
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i] + pairs[i].length;
  const colOf = new Int32Array(start[n]);
  const benOf = new Int32Array(start[n]);
  for (let i = 0; i < n; i++) {
    let e = start[i];
    for (const j of pairs[i]) {
      colOf[e] = j;
      benOf[e++] = benefit[i * m + j];
    }
  }
  const T = n + m;
  const pot = new Float64Array(n + m + 1);
  const colBest = new Int32Array(m);
  for (let e = 0; e < colOf.length; e++) if (benOf[e] > colBest[colOf[e]]) colBest[colOf[e]] = benOf[e];
  for (let j = 0; j < m; j++) pot[n + j] = -colBest[j];
  let minCol = 0;
  for (let j = 0; j < m; j++) if (pot[n + j] < minCol) minCol = pot[n + j];
  pot[T] = minCol;
  const assigned: number[][] = Array.from({ length: n }, () => []);
  const byCol: number[][] = Array.from({ length: m }, () => []);
  const left = Int32Array.from(free);
  const dist = new Float64Array(n + m + 1).fill(INF);
  const done = new Uint8Array(n + m + 1);
  const prev = new Int32Array(n + m + 1);
  // Nodes touched by one search (so resetting costs what the search cost, not n + m).
  let touched = new Int32Array(1024);
  let nTouched = 0;
  const touch = (v: number) => {
    if (nTouched === touched.length) {
      const t2 = new Int32Array(nTouched * 2);
      t2.set(touched);
      touched = t2;
    }
    touched[nTouched++] = v;
  };
  // The frontier: a binary heap of (distance, node) with stale entries skipped. A node whose tentative distance is
  // not below the best path to T found so far is never pushed (it cannot matter: T is settled first).
  let heapD = new Float64Array(1024);
  let heapN = new Int32Array(1024);
  let size = 0;
  const push = (d: number, v: number) => {
    if (size === heapD.length) {
      const d2 = new Float64Array(size * 2);
      d2.set(heapD);
      heapD = d2;
      const n2 = new Int32Array(size * 2);
      n2.set(heapN);
      heapN = n2;
    }
    let i = size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heapD[p] <= d) break;
      heapD[i] = heapD[p];
      heapN[i] = heapN[p];
      i = p;
    }
    heapD[i] = d;
    heapN[i] = v;
  };
  const pop = (): number => {
    const v = heapN[0];
    const d = heapD[--size];
    const x = heapN[size];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && heapD[c + 1] < heapD[c]) c++;
      if (heapD[c] >= d) break;
      heapD[i] = heapD[c];
      heapN[i] = heapN[c];
      i = c;
    }
    heapD[i] = d;
    heapN[i] = x;
    return v;
  };
  // Potentials of the nodes a search did not finish move with T's; kept lazily as one shared shift.
  let shift = 0;
  const potOf = (v: number) => pot[v] + shift;

  for (let src = 0; src < n; src++) {
    for (let unit = 0; unit < need[src]; unit++) {
      size = 0;
      nTouched = 0;
      dist[src] = 0;
      touch(src);
      prev[src] = -1;
      push(0, src);
      let reached = -1; // the node whose arc to T ended the path
      let distT = INF;
      const potT = potOf(T);
      while (size > 0) {
        const du = heapD[0];
        if (du >= distT) break;
        const u = pop();
        if (done[u] || du > dist[u]) continue;
        done[u] = 1;
        if (u < n) {
          // An order: to T (stay unmatched, cost 0) first, so distT prunes its pairs; then every pair it has not made.
          const pu = potOf(u);
          const toT = du + (pu - potT);
          if (toT < distT) {
            distT = toT;
            reached = u;
          }
          const mine = assigned[u];
          const base = du + pu;
          for (let e = start[u], end = start[u + 1]; e < end; e++) {
            const v = n + colOf[e];
            const nd = base - benOf[e] - potOf(v);
            if (nd < dist[v] && nd < distT && !done[v]) {
              if (mine.length > 0 && mine.includes(colOf[e])) continue;
              if (dist[v] === INF) touch(v);
              dist[v] = nd;
              prev[v] = u;
              push(nd, v);
            }
          }
        } else {
          const j = u - n;
          const pu = potOf(u);
          if (left[j] > 0) {
            const toT = du + (pu - potT);
            if (toT < distT) {
              distT = toT;
              reached = u;
            }
          }
          // Back along a pair already made (undo it: +benefit).
          for (const r of byCol[j]) {
            if (done[r]) continue;
            const nd = du + (benefit[r * m + j] + pu - potOf(r));
            if (nd < dist[r] && nd < distT) {
              if (dist[r] === INF) touch(r);
              dist[r] = nd;
              prev[r] = u;
              push(nd, r);
            }
          }
        }
      }
      // Potentials: finished nodes closer than T by their distance, all others (T too) by T's: the shared shift,
      // with the finished ones corrected by (dist − distT).
      for (let x = 0; x < nTouched; x++) {
        const v = touched[x];
        if (done[v] && dist[v] < distT) pot[v] += dist[v] - distT;
      }
      shift += distT;
      // Walk the path back from `reached` and flip it.
      let v = reached;
      if (v >= n) left[v - n]--; // ends in a free place
      while (v !== src) {
        const p = prev[v];
        if (v >= n) {
          const j = v - n;
          assigned[p].push(j);
          byCol[j].push(p);
        } else {
          const j = p - n;
          assigned[v].splice(assigned[v].indexOf(j), 1);
          byCol[j].splice(byCol[j].indexOf(v), 1);
        }
        v = p;
      }
      for (let x = 0; x < nTouched; x++) {
        const t = touched[x];
        dist[t] = INF;
        done[t] = 0;
      }
    }
  }
  for (let v = 0; v <= T; v++) pot[v] += shift;
  return { assigned, pot };
}

/** The proposal for the whole waiting list: pairs with their reasons, and the orders left without and why. */
export function proposeAssignment(input: ProposalInput): Proposal {
  const mx = benefitMatrix(input);
  const chosen = assignFlow(mx);
  const pairs: ProposedPair[] = [];
  const unmatched: Unmatched[] = [];
  let objective = 0;
  for (let i = 0; i < mx.rows; i++) {
    const o = mx.compiledOrders[i];
    for (const j of chosen[i]) {
      const c = mx.compiledCandidates[j];
      const reasons: Reason[] = [];
      const score = pairScore(o, c, input.cfg.weights, mx.vocab, reasons);
      const benefit = mx.benefit[i * mx.cols + j];
      objective += benefit;
      pairs.push({ orderId: o.p.orderId, contactPersonId: c.p.id, score, benefit, reasons });
    }
    const missing = mx.need[i] - chosen[i].length;
    if (missing > 0) {
      let any = false;
      for (let j = 0; j < mx.cols && !any; j++) any = mx.benefit[i * mx.cols + j] >= 0 && mx.free[j] > 0;
      unmatched.push({ orderId: o.p.orderId, missing, why: any ? 'taken' : 'no_candidate' });
    }
  }
  return { pairs, unmatched, objective };
}

export const unmatchedWhyLabel: Record<UnmatchedWhy, string> = {
  no_candidate: 'Ingen kontaktperson med ledig plats uppfyller kraven.',
  taken: 'De kontaktpersoner som passar behövs till beställningar med högre prioritet eller bättre matchning.',
};

/** The start date an order is planned for: the decision's start, or today when that has passed. */
export function plannedStart(decisionStart: IsoDate | null, today: IsoDate): IsoDate {
  return decisionStart && decisionStart > today ? decisionStart : today;
}
