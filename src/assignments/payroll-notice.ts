// Anställningsuppgifter (issue 11 item 5): the kontaktsekreterare sends an assignment's notice to payroll (sets
// assignments.payroll_notice_date, with the version the page showed: stale → 409); the lön role (payroll:read, all)
// and the kontaktsekreterare (their provider unit) list the sent notices, by month, as PDF or CSV. Every read is
// audited on the contact person. What payroll gets (domain.md §5, §7 "payroll sees payment data only"): the contact
// person's name, personnummer and address; the assignment by the person's case number only — never the person's
// name, address or anything of the case; level and amounts per month from the rate table of the start date's year
// (rateOn); start date. Bank and tax details only for a reader with contact-person:payment (lön), never for the
// kontaktsekreterare (who sees them on the contact person's page when needed, audited there).
import { and, desc, eq, gte, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import type { UseCaseContext } from '../platform/context';
import type { Queryable } from '../platform/db/connect';
import { changeVersioned } from '../platform/db/change-versioned';
import { readUseCase } from '../platform/db/transaction';
import { recordAudit, type AuditEntry } from '../platform/audit/record';
import { AppError, fieldError } from '../platform/errors';
import { can, scopeCovers, scopeOf } from '../platform/policy/permissions';
import { scopeWhere } from '../platform/policy/scope';
import { renderPdf } from '../platform/documents/pdf';
import { settingsOf } from '../platform/settings';
import { addMonths } from '../platform/calendar';
import { units } from '../platform/tables';
import { formatIdentityNumber } from '../people/identity-number';
import { cases } from '../intake/tables';
import { contactPersons, cpPaymentDetails } from '../contact-persons/tables';
import { rateOn } from '../payments/repo';
import type { PayrollNoticeOut } from './plan-pay/schema';
import { payrollNoticePdf, payrollNoticesCsv } from './payroll-notice-pdf';
import { assignments } from './tables';

const NOT_FOUND = 'Uppdraget finns inte, eller så har du inte behörighet att se det.';

/** The day pay is computed from: the execution date once it has started, else the agreement's first day. */
const noticeStart = (a: { startDate: string | null; periodFrom: string }) => a.startDate ?? a.periodFrom;

/** Send the notice to payroll: once per assignment; the level must exist in the start date's year. */
export function sendPayrollNotice(ctx: UseCaseContext, id: string, input: { version: number; sentDate: string }) {
  const today = ctx.clock.today();
  return changeVersioned(ctx, {
    table: assignments,
    id,
    version: input.version,
    load: async (tx) => {
      const [a] = await tx.select().from(assignments).where(eq(assignments.id, id));
      if (!a || !scopeCovers(ctx.actor, scopeOf(ctx.actor, 'assignment:write'), { unitId: a.providerUnitId })) throw new AppError('NOT_FOUND', { message: NOT_FOUND });
      return a;
    },
    check: async (a, tx) => {
      if (a.payrollNoticeDate) throw new AppError('PAYROLL_NOTICE_ALREADY_SENT');
      if (input.sentDate > today) throw fieldError('sentDate', 'Datumet kan inte vara senare än i dag.');
      if (!(await rateOn(tx, a.rateLevel, noticeStart(a)))) throw new AppError('RATE_LEVEL_MISSING');
    },
    apply: () => ({ payrollNoticeDate: input.sentDate, updatedAt: ctx.clock.now() }),
    audit: (a) => ({ action: 'payroll_notice.send', entityType: 'contact_person', entityId: a.contactPersonId, details: { assignmentId: a.id, sentDate: input.sentDate } }),
    present: (a) => ({ assignmentId: a.id, payrollNoticeDate: a.payrollNoticeDate as string, version: a.version }),
  });
}

async function noticeRows(q: Queryable, where: SQL, withPayment: boolean): Promise<PayrollNoticeOut[]> {
  const rows = await q
    .select({ a: assignments, caseNumber: cases.caseNumber, unitName: units.name, cp: contactPersons, pay: cpPaymentDetails })
    .from(assignments)
    .innerJoin(cases, eq(cases.id, assignments.caseId))
    .innerJoin(units, eq(units.id, assignments.providerUnitId))
    .innerJoin(contactPersons, eq(contactPersons.id, assignments.contactPersonId))
    .leftJoin(cpPaymentDetails, and(eq(cpPaymentDetails.contactPersonId, assignments.contactPersonId), withPayment ? sql`true` : sql`false`))
    .where(and(isNotNull(assignments.payrollNoticeDate), where))
    .orderBy(desc(assignments.payrollNoticeDate), desc(assignments.createdAt))
    .limit(2000);
  const out: PayrollNoticeOut[] = [];
  for (const r of rows) {
    const start = noticeStart(r.a);
    const rate = await rateOn(q, r.a.rateLevel, start);
    out.push({
      assignmentId: r.a.id,
      sentDate: r.a.payrollNoticeDate as string,
      caseNumber: r.caseNumber,
      providerUnit: r.unitName,
      contactPerson: {
        id: r.cp.id,
        name: `${r.cp.firstName} ${r.cp.lastName}`,
        identityNumber: formatIdentityNumber(r.cp.identityNumber, 'personnummer'),
        streetAddress: r.cp.streetAddress,
        postalCode: r.cp.postalCode,
        city: r.cp.city,
      },
      payment:
        withPayment && r.pay
          ? { bankName: r.pay.bankName, clearingNumber: r.pay.clearingNumber, accountNumber: r.pay.accountNumber, taxTable: r.pay.taxTable, taxColumn: r.pay.taxColumn }
          : null,
      paymentShown: withPayment,
      level: { code: r.a.rateLevel, name: rate?.name ?? r.a.rateLevel, year: rate?.year ?? Number(start.slice(0, 4)) },
      arvode: rate?.arvode ?? 0,
      omkostnad: rate?.omkostnad ?? 0,
      startDate: start,
      periodTo: r.a.periodTo,
      meetingsPerMonth: r.a.meetingsPerMonth,
    });
  }
  return out;
}

const scope = (ctx: UseCaseContext) => scopeWhere(ctx.actor, 'payroll:read', { unitId: assignments.providerUnitId, responsibleUserId: assignments.createdBy });

function monthWhere(month: string | undefined): SQL | undefined {
  if (!month) return undefined;
  const from = `${month}-01`;
  return and(gte(assignments.payrollNoticeDate, from), lt(assignments.payrollNoticeDate, addMonths(from, 1)));
}

const readEntries = (items: PayrollNoticeOut[], format: 'json' | 'list' | 'pdf' | 'csv'): AuditEntry[] =>
  items.map((n) => ({
    action: 'payroll_notice.read' as const,
    entityType: 'contact_person' as const,
    entityId: n.contactPerson.id,
    details: { assignmentId: n.assignmentId, format, paymentShown: n.paymentShown },
  }));

/** The sent notices in the reader's scope, optionally of one month (by the day they were sent). */
export function listPayrollNotices(ctx: UseCaseContext, month: string | undefined) {
  return readUseCase(ctx, async (q) => {
    const items = await noticeRows(q, and(scope(ctx), monthWhere(month)) as SQL, can(ctx.actor, 'contact-person:payment'));
    await recordAudit(q, ctx, readEntries(items, 'list'));
    return { items, month: month ?? null };
  });
}

async function oneNotice(q: Queryable, ctx: UseCaseContext, id: string): Promise<PayrollNoticeOut> {
  const [n] = await noticeRows(q, and(scope(ctx), eq(assignments.id, id)) as SQL, can(ctx.actor, 'contact-person:payment'));
  if (!n) throw new AppError('NOT_FOUND', { message: 'Anställningsuppgifterna finns inte, eller så har du inte behörighet att se dem.' });
  return n;
}

export function getPayrollNotice(ctx: UseCaseContext, id: string): Promise<PayrollNoticeOut> {
  return readUseCase(ctx, async (q) => {
    const n = await oneNotice(q, ctx, id);
    await recordAudit(q, ctx, readEntries([n], 'json'));
    return n;
  });
}

export function payrollNoticePdfFile(ctx: UseCaseContext, id: string): Promise<{ pdf: Buffer; fileName: string }> {
  return readUseCase(ctx, async (q) => {
    const n = await oneNotice(q, ctx, id);
    const m = await settingsOf(ctx, q);
    const pdf = await renderPdf(payrollNoticePdf(n, m.name));
    await recordAudit(q, ctx, readEntries([n], 'pdf'));
    return { pdf, fileName: `anstallningsuppgifter-${n.caseNumber}-${n.sentDate}.pdf` };
  });
}

export function payrollNoticesCsvFile(ctx: UseCaseContext, month: string | undefined): Promise<{ csv: string; fileName: string }> {
  return readUseCase(ctx, async (q) => {
    const shown = can(ctx.actor, 'contact-person:payment');
    const items = await noticeRows(q, and(scope(ctx), monthWhere(month)) as SQL, shown);
    await recordAudit(q, ctx, readEntries(items, 'csv'));
    return { csv: payrollNoticesCsv(items, shown), fileName: `anstallningsuppgifter-${month ?? 'alla'}.csv` };
  });
}
