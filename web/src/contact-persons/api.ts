import type { z } from 'zod';
import type { applicationFormOut, cpListOut, cpOut, cpSummaryOut, districtsOut, paymentOut, remindersOut } from '../../../src/contact-persons/schema';

export type ContactPerson = z.infer<typeof cpOut>;
export type ContactPersonSummary = z.infer<typeof cpSummaryOut>;
export type ContactPersonList = z.infer<typeof cpListOut>;
export type ApplicationForm = z.infer<typeof applicationFormOut>;
export type Districts = z.infer<typeof districtsOut>;
export type Payment = z.infer<typeof paymentOut>;
export type Reminders = z.infer<typeof remindersOut>;

export function cpQueryKey(id: string) {
  return ['contact-person', id] as const;
}
