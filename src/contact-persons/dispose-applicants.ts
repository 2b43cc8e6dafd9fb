// Data protection: a declined or withdrawn applicant's data is removed `disposalMonths` after that date
// (default 6). A dry run only counts. The audit entry holds counts, never content. Steps, references,
// register-check records, pauses and payment details go with the row (ON DELETE CASCADE).
import { and, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { UseCaseContext } from '../platform/context';
import { writeUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { addMonths } from '../platform/calendar';
import { cpSettingsOf } from './repo';
import { contactPersons } from './tables';

export function disposeApplicants(ctx: UseCaseContext, input: { dryRun: boolean }) {
  return writeUseCase(ctx, async (tx) => {
    const settings = await cpSettingsOf(tx);
    const cutoff = addMonths(ctx.clock.today(), -settings.disposalMonths);
    // disposalDue (rules.ts) in SQL: ended as declined/withdrawn on or before today − months, never approved.
    const where = and(inArray(contactPersons.endReason, ['declined', 'withdrawn']), lte(contactPersons.endedDate, cutoff), isNull(contactPersons.approvedDate));
    let count: number;
    if (input.dryRun) {
      const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(contactPersons).where(where);
      count = Number(n);
    } else {
      count = (await tx.delete(contactPersons).where(where).returning({ id: contactPersons.id })).length;
    }
    await recordAudit(tx, ctx, { action: 'contact_person.disposal', entityType: 'contact_person', details: { dryRun: input.dryRun, count, months: settings.disposalMonths } });
    return { dryRun: input.dryRun, count, months: settings.disposalMonths };
  });
}
