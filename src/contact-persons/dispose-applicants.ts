// Data protection: a declined or withdrawn applicant's data is removed `disposalMonths` after that date
// (default 6). A dry run only counts what would go (applicants by reason, and the records that go with them). The
// real run says how many the dry run showed (`expectedCount`) and is refused if that no longer holds, so it removes
// exactly what the coordinator saw. The audit entry (with who ran it) holds counts, never content. Steps,
// references, register-check records, pauses, payment details and portal invitations go with the row (ON DELETE
// CASCADE); nothing else is touched.
import { and, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import type { Queryable } from '../platform/db/connect';
import { writeUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { addMonths } from '../platform/calendar';
import { AppError, fieldError } from '../platform/errors';
import { cpSettingsOf } from './repo';
import type { disposalBody } from './schema';
import { contactPersons, cpPaymentDetails, cpPauses, cpPortalInvites, cpReferences, cpRegisterChecks, cpSteps } from './tables';

export interface DisposalCounts {
  /** Applicants removed (or that would be). */
  count: number;
  declined: number;
  withdrawn: number;
  steps: number;
  references: number;
  registerChecks: number;
  pauses: number;
  paymentDetails: number;
  portalInvites: number;
}

/** disposalDue (rules.ts) in SQL: ended as declined/withdrawn on or before `cutoff` (today − months), never approved. */
function dueWhere(cutoff: string): SQL {
  return and(inArray(contactPersons.endReason, ['declined', 'withdrawn']), lte(contactPersons.endedDate, cutoff), isNull(contactPersons.approvedDate)) as SQL;
}

/** What would go, counted in one statement: the applicants by reason and each kind of record that goes with them. */
async function countDue(q: Queryable, cutoff: string): Promise<DisposalCounts> {
  const due = q.select({ id: contactPersons.id }).from(contactPersons).where(dueWhere(cutoff));
  const of = (t: typeof cpSteps | typeof cpReferences | typeof cpRegisterChecks | typeof cpPauses | typeof cpPaymentDetails | typeof cpPortalInvites) =>
    sql<number>`(select count(*)::int from ${t} where ${t.contactPersonId} in ${due})`;
  const [r] = await q
    .select({
      declined: sql<number>`count(*) filter (where ${contactPersons.endReason} = 'declined')::int`,
      withdrawn: sql<number>`count(*) filter (where ${contactPersons.endReason} = 'withdrawn')::int`,
      steps: of(cpSteps),
      references: of(cpReferences),
      registerChecks: of(cpRegisterChecks),
      pauses: of(cpPauses),
      paymentDetails: of(cpPaymentDetails),
      portalInvites: of(cpPortalInvites),
    })
    .from(contactPersons)
    .where(dueWhere(cutoff));
  const n = (x: unknown) => Number(x ?? 0);
  return {
    count: n(r.declined) + n(r.withdrawn),
    declined: n(r.declined),
    withdrawn: n(r.withdrawn),
    steps: n(r.steps),
    references: n(r.references),
    registerChecks: n(r.registerChecks),
    pauses: n(r.pauses),
    paymentDetails: n(r.paymentDetails),
    portalInvites: n(r.portalInvites),
  };
}

export function disposeApplicants(ctx: UseCaseContext, input: z.output<typeof disposalBody>) {
  if (!input.dryRun && input.expectedCount === undefined) throw fieldError('expectedCount', 'Provkör gallringen först och ange hur många ansökningar provkörningen visade.');
  return writeUseCase(ctx, async (tx) => {
    const settings = await cpSettingsOf(tx);
    const cutoff = addMonths(ctx.clock.today(), -settings.disposalMonths);
    // Serialise with another run (and with changes of the rows it would remove) for the rest of the transaction.
    if (!input.dryRun) await tx.select({ id: contactPersons.id }).from(contactPersons).where(dueWhere(cutoff)).for('update');
    const counts = await countDue(tx, cutoff);
    if (!input.dryRun) {
      if (counts.count !== input.expectedCount) {
        throw new AppError('VERSION_CONFLICT', { message: `Provkörningen visade ${input.expectedCount} ansökningar men nu gäller det ${counts.count}. Provkör igen.` });
      }
      const removed = await tx.delete(contactPersons).where(dueWhere(cutoff)).returning({ id: contactPersons.id });
      if (removed.length !== counts.count) throw new AppError('VERSION_CONFLICT', { message: 'Ansökningarna ändrades under gallringen. Provkör igen.' });
    }
    const out = { dryRun: input.dryRun, months: settings.disposalMonths, cutoff, ...counts };
    await recordAudit(tx, ctx, { action: 'contact_person.disposal', entityType: 'contact_person', details: out });
    return out;
  });
}
