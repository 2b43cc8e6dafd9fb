// Pure rules of the IVO report beside `ivoQuarterReports` (rules.ts): which round a report is (first or follow-up),
// the stand-in id of a person without a personnummer, the reasons and free text built from the record, what blocks
// a submission, and the council's statistics. No I/O, no clock: tested in ivo-rules.test.ts.
import { addDays, daysBetween } from '../platform/calendar';
import { offerCloseReasonLabel, type OfferCloseReason } from '../assignments/rules';
import { ivoQuarterReports, quarterBounds, type IvoDecisionInput, type IvoReport } from './rules';

/** The quarter before '2026-Q2' ('2026-Q1'), and before '2026-Q1' ('2025-Q4'). */
export function previousQuarter(quarter: string): string {
  const { first } = quarterBounds(quarter);
  return quarterOf(addDays(first, -1));
}

/** The quarter a date falls in. */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Is this the series' first report, or a follow-up of an earlier quarter's (the series is reported quarter after quarter)? */
export function reportRound(input: IvoDecisionInput, report: Pick<IvoReport, 'kind' | 'since'>, quarter: string): 'first' | 'follow_up' {
  const before = ivoQuarterReports([input], previousQuarter(quarter));
  return before.some((r) => r.kind === report.kind && r.since === report.since) ? 'follow_up' : 'first';
}

export const reportRoundLabel = { first: 'Första rapport', follow_up: 'Uppföljande rapport' } as const;

/**
 * The stand-in IVO accepts for a person without a personnummer (domain.md §6): `ÅÅÅÅMMDD-T` + 3 digits, where the
 * third position after the dash gives the sex (even = woman, odd = man), or, when those are used up,
 * `ÅÅÅÅMMDD-TF` + 2 digits with the sex in the same position. The first one not taken; null when none is left.
 */
export function standInId(birthDate: string, sex: 'female' | 'male', taken: ReadonlySet<string>): string | null {
  const base = birthDate.replace(/-/g, '');
  const sexDigits = sex === 'female' ? [0, 2, 4, 6, 8] : [1, 3, 5, 7, 9];
  for (let a = 1; a <= 9; a++) for (const s of sexDigits) for (let c = 0; c <= 9; c++) {
    const id = `${base}-T${a}${s}${c}`;
    if (!taken.has(id)) return id;
  }
  for (const s of sexDigits) for (let c = 0; c <= 9; c++) {
    const id = `${base}-TF${s}${c}`;
    if (!taken.has(id)) return id;
  }
  return null;
}

/** The sex a stand-in says (the third position after the dash). */
export function standInSex(id: string): 'female' | 'male' {
  const digit = Number(id.slice(id.indexOf('-') + 3, id.indexOf('-') + 4));
  return digit % 2 === 0 ? 'female' : 'male';
}

export const IVO_REASONS = ['no_contact_person', 'declined', 'no_chemistry', 'circumstances', 'other'] as const;
export type IvoReason = (typeof IVO_REASONS)[number];
export const ivoReasonLabel: Record<IvoReason, string> = {
  no_contact_person: 'Ingen lämplig kontaktperson',
  declined: 'Den enskilde har tackat nej till erbjudande',
  no_chemistry: 'Ingen kemi vid matchningsmötet',
  circumstances: 'Den enskildes situation',
  other: 'Annat',
};
/** The reasons a handläggare may add by hand (the record cannot show them). */
export const EXTRA_REASONS = ['circumstances', 'other'] as const;

/** An offer as the free text tells it. */
export interface IvoOffer {
  date: string;
  response: 'pending' | 'accepted' | 'declined';
  responseDate: string | null;
  closedReason: OfferCloseReason | null;
  closedDate: string | null;
}

/** What the record knows about one report beyond the dates. */
export interface IvoRecordFacts {
  kind: 'beslut' | 'avbrott';
  offers: readonly IvoOffer[];
  followUps: readonly { date: string; result: string; note: string | null }[];
  interruptionReason: string | null;
  protectedIdentity: boolean;
  /** Contact persons the decision grants and how many run (partly executed when fewer run). */
  granted: number;
  running: number;
  extraReason: 'circumstances' | 'other' | null;
  /** Insatser under väntetiden, written by hand on the report (null when none are noted). */
  interimSupport?: string | null;
}

/** Why it is not executed, from the record (in IVO's order), plus the reason chosen by hand. */
export function ivoReasons(f: IvoRecordFacts): IvoReason[] {
  const out = new Set<IvoReason>();
  if (f.kind === 'avbrott' && f.interruptionReason) out.add('other');
  if (f.offers.some((o) => o.response === 'declined' || o.closedReason === 'declined')) out.add('declined');
  if (f.offers.some((o) => o.closedReason === 'no_chemistry')) out.add('no_chemistry');
  const open = f.offers.some((o) => o.closedReason === null);
  if (!open) out.add('no_contact_person');
  if (f.extraReason) out.add(f.extraReason);
  return IVO_REASONS.filter((r) => out.has(r));
}

/** "Delvis verkställt": how much of the decision is not executed, or null when nothing or everything runs. */
export function partlyExecuted(f: Pick<IvoRecordFacts, 'granted' | 'running'>): string | null {
  if (f.running <= 0 || f.running >= f.granted) return null;
  const missing = f.granted - f.running;
  return `Ja: ${f.running} av ${f.granted} kontaktpersoner är på plats, ${missing} saknas.`;
}

const answerLabel = (o: IvoOffer): string => {
  if (o.closedReason && o.closedReason !== 'ended') return `${offerCloseReasonLabel[o.closedReason].toLowerCase()}${o.closedDate ? ` ${o.closedDate}` : ''}`;
  if (o.response === 'declined') return `tackade nej${o.responseDate ? ` ${o.responseDate}` : ''}`;
  if (o.response === 'accepted') return `tackade ja${o.responseDate ? ` ${o.responseDate}` : ''}`;
  return 'inget svar än';
};

/** The free text for IVO's form, built from the record (and the interim insatser noted on the report); the consequences are written by hand beside it. */
export function ivoFreeText(f: IvoRecordFacts): string {
  const parts: string[] = [];
  parts.push(`Orsak: ${ivoReasons(f).map((r) => ivoReasonLabel[r]).join('; ')}.`);
  if (f.kind === 'avbrott' && f.interruptionReason) parts.push(`Avbrottet: ${f.interruptionReason.replace(/\s+/g, ' ').trim()}.`);
  const partly = partlyExecuted(f);
  if (partly) parts.push(`Delvis verkställt: ${f.running} av ${f.granted} kontaktpersoner.`);
  if (f.offers.length === 0) parts.push('Inga erbjudanden har lämnats.');
  else parts.push(`Erbjudanden: ${f.offers.map((o) => `${o.date} (${answerLabel(o)})`).join(', ')}.`);
  if (f.followUps.length) parts.push(`Uppföljningar: ${f.followUps.map((u) => `${u.date} (${u.result}${u.note ? `: ${u.note.replace(/\s+/g, ' ').trim()}` : ''})`).join(', ')}.`);
  const interim = f.interimSupport?.replace(/\s+/g, ' ').trim();
  if (interim) parts.push(`Insatser under väntetiden: ${interim.replace(/[.!?]$/, '')}.`);
  if (f.protectedIdentity) parts.push('Personen har skyddad identitet.');
  return parts.join(' ');
}

/** What keeps a report from being marked submitted. */
export function submitRefusal(r: { consequences: string | null; submittedDate: string | null }, frozen: boolean): 'IVO_QUARTER_FROZEN' | 'IVO_REPORT_SUBMITTED' | 'IVO_CONSEQUENCES_MISSING' | null {
  if (frozen) return 'IVO_QUARTER_FROZEN';
  if (r.submittedDate) return 'IVO_REPORT_SUBMITTED';
  if (!r.consequences?.trim()) return 'IVO_CONSEQUENCES_MISSING';
  return null;
}

/** The submission date: after the quarter (its reference date is the last day), not in the future. */
export function submittedDateProblem(date: string, quarter: string, today: string): string | null {
  const { last } = quarterBounds(quarter);
  if (date > today) return 'Datumet kan inte vara senare än i dag.';
  if (date < last) return `Kvartalet rapporteras tidigast på sin sista dag (${last}).`;
  return null;
}

/** A report as the council's statistics read it. */
export interface StatisticsRow {
  insats: string;
  kind: 'beslut' | 'avbrott';
  since: string;
  outcome: IvoReport['outcome'];
}

export interface StatisticsLine {
  insats: string;
  decisions: number;
  interruptions: number;
  /** Days from each decision (or interruption) to the quarter's last day, longest first. */
  days: { kind: 'beslut' | 'avbrott'; since: string; days: number }[];
}

/**
 * The council's statistics (LSS 28 h §, SoL 34 kap. 3 §): per insats, how many decisions and interruptions were
 * still not executed on the quarter's last day, and how long each has waited.
 */
export function councilStatistics(rows: readonly StatisticsRow[], quarter: string): StatisticsLine[] {
  const { last } = quarterBounds(quarter);
  const by = new Map<string, StatisticsLine>();
  for (const r of rows) {
    if (r.outcome) continue;
    const line = by.get(r.insats) ?? { insats: r.insats, decisions: 0, interruptions: 0, days: [] };
    if (r.kind === 'beslut') line.decisions++;
    else line.interruptions++;
    line.days.push({ kind: r.kind, since: r.since, days: daysBetween(r.since, last) });
    by.set(r.insats, line);
  }
  return [...by.values()]
    .map((l) => ({ ...l, days: l.days.sort((a, b) => b.days - a.days || (a.since < b.since ? -1 : a.since > b.since ? 1 : a.kind < b.kind ? -1 : 1)) }))
    .sort((a, b) => a.insats.localeCompare(b.insats, 'sv'));
}
