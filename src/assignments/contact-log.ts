// The coordinator's contact log with a contact person (issue 11 item 9): date (not in the future), kind, note and
// optionally the assignment it was about. Recording a contact moves contact_persons.last_contact_date forward (never
// back: a late-recorded older contact leaves a newer one standing), which the register's "no contact for N days"
// reminder (remindersFor in contact-persons/rules.ts) counts from — the same column the page's "Senaste kontakt"
// form sets. The contact person's version is not bumped: the log is append-only and the date only moves forward,
// so it cannot overwrite anyone's edit. The page also lists the contact person's assignments in the reader's
// assignment scope, with the person's first name only.
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import type { Queryable } from '../platform/db/connect';
import { allOf, readUseCase, writeUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { AppError, fieldError } from '../platform/errors';
import { can, scopeCovers, scopeOf } from '../platform/policy/permissions';
import { scopeWhere } from '../platform/policy/scope';
import { users } from '../platform/tables';
import { persons } from '../people/tables';
import { cases } from '../intake/tables';
import { contactPersons } from '../contact-persons/tables';
import { rateOn } from '../payments/repo';
import type { ContactLogOut, contactLogBody } from './plan-pay/schema';
import { contactKindLabel } from './rules';
import { assignmentInterruptions, assignments, cpContacts } from './tables';

const NOT_FOUND = 'Kontaktpersonen finns inte, eller så har du inte behörighet att se den.';

async function cpOf(q: Queryable, id: string) {
  const [cp] = await q.select({ id: contactPersons.id, lastContactDate: contactPersons.lastContactDate, endedDate: contactPersons.endedDate }).from(contactPersons).where(eq(contactPersons.id, id));
  if (!cp) throw new AppError('NOT_FOUND', { message: NOT_FOUND });
  return cp;
}

function stateLabel(a: { startDate: string | null; endDate: string | null }, interrupted: boolean, today: string): string {
  if (a.endDate && a.endDate < today) return 'Avslutat';
  if (!a.startDate || a.startDate > today) return 'Inte startat';
  if (interrupted) return 'Avbrott';
  return a.endDate ? `Pågår till ${a.endDate}` : 'Pågår';
}

export function listContacts(ctx: UseCaseContext, cpId: string): Promise<ContactLogOut> {
  const today = ctx.clock.today();
  return readUseCase(ctx, async (q) => {
    const cp = await cpOf(q, cpId);
    const items = await q
      .select({ c: cpContacts, by: users.displayName })
      .from(cpContacts)
      .leftJoin(users, eq(users.id, cpContacts.recordedBy))
      .where(eq(cpContacts.contactPersonId, cpId))
      .orderBy(desc(cpContacts.date), desc(cpContacts.createdAt))
      .limit(500);
    const as = await q
      .select({
        id: assignments.id,
        orderId: assignments.orderId,
        startDate: assignments.startDate,
        endDate: assignments.endDate,
        rateLevel: assignments.rateLevel,
        payrollNoticeDate: assignments.payrollNoticeDate,
        providerUnitId: assignments.providerUnitId,
        version: assignments.version,
        firstName: persons.firstName,
        personId: persons.id,
      })
      .from(assignments)
      .innerJoin(cases, eq(cases.id, assignments.caseId))
      .innerJoin(persons, eq(persons.id, cases.personId))
      .where(and(eq(assignments.contactPersonId, cpId), scopeWhere(ctx.actor, 'assignment:read', { unitId: assignments.providerUnitId, responsibleUserId: assignments.createdBy })))
      .orderBy(desc(assignments.periodFrom));
    const open = as.length
      ? new Set(
          (
            await q
              .select({ id: assignmentInterruptions.assignmentId })
              .from(assignmentInterruptions)
              .where(and(inArray(assignmentInterruptions.assignmentId, as.map((a) => a.id)), sql`${assignmentInterruptions.fromDate} <= ${today}`, isNull(assignmentInterruptions.resumedDate)))
          ).map((r) => r.id),
        )
      : new Set<string>();
    // The level's name as the rate table of the assignment's start year calls it ("Nivå 1", not its code).
    const levelNames = await allOf(q, ...as.map((a) => async () => (await rateOn(q, a.rateLevel, a.startDate ?? today))?.name ?? a.rateLevel));
    // The persons' first names are shown too: each person is in the log of this read.
    await recordAudit(q, ctx, [
      { action: 'contact_log.read', entityType: 'contact_person', entityId: cpId, details: { count: items.length } },
      ...as.map((a) => ({ action: 'contact_log.read' as const, entityType: 'assignment' as const, entityId: a.id, personId: a.personId, details: { count: 1 } })),
    ]);
    return {
      items: items.map(({ c, by }) => ({ id: c.id, date: c.date, kind: c.kind, kindLabel: contactKindLabel[c.kind], note: c.note, assignmentId: c.assignmentId, recordedBy: by })),
      assignments: as.map((a, i) => ({
        id: a.id,
        orderId: a.orderId,
        personFirstName: a.firstName,
        startDate: a.startDate,
        endDate: a.endDate,
        rateLevel: levelNames[i],
        stateLabel: stateLabel(a, open.has(a.id), today),
        payrollNoticeDate: a.payrollNoticeDate,
        canSendPayrollNotice: a.payrollNoticeDate === null && scopeCovers(ctx.actor, scopeOf(ctx.actor, 'assignment:write'), { unitId: a.providerUnitId }),
        version: a.version,
      })),
      lastContactDate: cp.lastContactDate,
      canRecord: can(ctx.actor, 'contact-person:write') && cp.endedDate === null,
    };
  });
}

export function recordContactLog(ctx: UseCaseContext, cpId: string, input: z.output<typeof contactLogBody>) {
  if (input.date > ctx.clock.today()) throw fieldError('date', 'Datumet kan inte vara senare än i dag.');
  return writeUseCase(ctx, async (tx) => {
    const [cp] = await tx.select({ id: contactPersons.id, endedDate: contactPersons.endedDate }).from(contactPersons).where(eq(contactPersons.id, cpId)).for('update');
    if (!cp) throw new AppError('NOT_FOUND', { message: NOT_FOUND });
    if (cp.endedDate) throw new AppError('CP_ENDED');
    if (input.assignmentId) {
      const [a] = await tx.select({ id: assignments.id }).from(assignments).where(and(eq(assignments.id, input.assignmentId), eq(assignments.contactPersonId, cpId)));
      if (!a) throw fieldError('assignmentId', 'Välj ett av kontaktpersonens uppdrag, eller inget.');
    }
    const [c] = await tx
      .insert(cpContacts)
      .values({ contactPersonId: cpId, assignmentId: input.assignmentId, date: input.date, kind: input.kind, note: input.note, recordedBy: ctx.actor.id, createdAt: ctx.clock.now() })
      .returning();
    await tx
      .update(contactPersons)
      .set({ lastContactDate: sql`greatest(coalesce(${contactPersons.lastContactDate}, ${input.date}::date), ${input.date}::date)` })
      .where(eq(contactPersons.id, cpId));
    await recordAudit(tx, ctx, { action: 'contact_log.create', entityType: 'contact_person', entityId: cpId, details: { kind: c.kind, assignmentId: c.assignmentId } });
    return { id: c.id, date: c.date, kind: c.kind, kindLabel: contactKindLabel[c.kind], note: c.note, assignmentId: c.assignmentId, recordedBy: ctx.actor.displayName };
  });
}
