import type { z } from 'zod';
import type { caseListOut, caseOut, caseSummaryOut } from '../../../src/intake/schema';

export type Case = z.infer<typeof caseOut>;
export type CaseSummary = z.infer<typeof caseSummaryOut>;
export type CaseList = z.infer<typeof caseListOut>;
export type Staff = { id: string; displayName: string; unitName: string | null };

/** The case; every stage's part of the case page keys its query under it (['case', id, …]), so invalidating
 * this key after any change refreshes every section, not only the one that made the change. */
export function caseQueryKey(id: string) {
  return ['case', id] as const;
}

export const personkretsGroupOptions = [
  { value: '1', label: 'Grupp 1', hint: 'Intellektuell funktionsnedsättning, autism eller autismliknande tillstånd.' },
  { value: '2', label: 'Grupp 2', hint: 'Betydande och bestående begåvningsmässig funktionsnedsättning efter hjärnskada i vuxen ålder.' },
  { value: '3', label: 'Grupp 3', hint: 'Andra varaktiga fysiska eller psykiska funktionsnedsättningar som inte beror på normalt åldrande.' },
];

export const personkretsGroupLabel = (g: number | null): string | null =>
  g ? `Grupp ${g} enligt 1 § LSS` : null;
