// Försenat (issue 13 item 3): everything past (or near) a deadline, in one place, each item linking to where it is fixed.
import { z } from 'zod';

export const OVERDUE_KINDS = ['not_acknowledged', 'order_not_confirmed', 'execution_deadline', 'follow_up', 'decision_ending', 'report_missing', 'check_expiring'] as const;
export type OverdueKind = (typeof OVERDUE_KINDS)[number];

export const overdueItemOut = z.object({
  /** What it is about: a case number and the person, or a contact person. */
  title: z.string(),
  /** What is late, in words, with the deadline. */
  text: z.string(),
  /** The deadline (or the day it runs out). */
  date: z.string(),
  /** Past the deadline (else: near it). */
  late: z.boolean(),
  /** Where it is fixed. */
  href: z.string(),
});

export const overdueOut = z.object({
  today: z.string(),
  sections: z.array(z.object({ kind: z.enum(OVERDUE_KINDS), title: z.string(), total: z.number(), items: z.array(overdueItemOut) })),
});
export type OverdueOut = z.output<typeof overdueOut>;
