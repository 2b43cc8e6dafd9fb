// Bank and tax details, for payroll. Decision: read and written with contact-person:payment (lön) or
// contact-person:write (the kontaktsekreterare, who receives the form when the contact person is appointed);
// nobody else — the route is 'authenticated' and this use case checks the two permissions. The account is
// validated with `kontonummer` (clearing number and account number per bank, check digits).
import { and, asc, eq, gt, isNotNull, isNull, or, sql } from 'drizzle-orm';
import Kontonummer from 'kontonummer';
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { allOf, readUseCase, writeUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { AppError, fieldError } from '../platform/errors';
import { can, type Actor } from '../platform/policy/permissions';
import { findContactPerson } from './repo';
import { normalizeDigits } from './rules';
import type { PayrollListQuery, paymentBody } from './schema';
import { contactPersons, cpPaymentDetails } from './tables';

function requirePaymentAccess(actor: Actor) {
  if (!can(actor, 'contact-person:payment') && !can(actor, 'contact-person:write')) throw new AppError('FORBIDDEN');
}

/** The bank's name and the normalized numbers, or a field error in Swedish. */
export function validateBankAccount(clearing: string, account: string): { clearingNumber: string; accountNumber: string; bankName: string } {
  const c = normalizeDigits(clearing);
  const a = normalizeDigits(account);
  if (!/^\d{4,5}$/.test(c)) throw fieldError('clearingNumber', 'Skriv clearingnumret med fyra eller fem siffror.');
  if (!/^\d{1,15}$/.test(a)) throw fieldError('accountNumber', 'Skriv kontonumret med siffror.');
  let parsed: Kontonummer;
  try {
    parsed = Kontonummer.parse(c, a, { mode: 'strict' });
  } catch {
    try {
      Kontonummer.getSortingCodeInfo(c);
    } catch {
      throw fieldError('clearingNumber', 'Clearingnumret hör inte till någon bank. Kontrollera siffrorna.');
    }
    throw fieldError('accountNumber', 'Kontonumret stämmer inte med clearingnumret. Kontrollera siffrorna.');
  }
  return { clearingNumber: parsed.sortingCode, accountNumber: parsed.accountNumber, bankName: parsed.bankName };
}

type PaymentRow = typeof cpPaymentDetails.$inferSelect;
function present(row: PaymentRow | undefined) {
  return {
    registered: !!row,
    clearingNumber: row?.clearingNumber ?? null,
    accountNumber: row?.accountNumber ?? null,
    bankName: row?.bankName ?? null,
    taxTable: row?.taxTable ?? null,
    taxColumn: row?.taxColumn ?? null,
    version: row?.version ?? null,
  };
}

export function getPaymentDetails(ctx: UseCaseContext, id: string) {
  requirePaymentAccess(ctx.actor);
  return readUseCase(ctx, async (q) => {
    if (!(await findContactPerson(q, id))) throw new AppError('NOT_FOUND');
    const [row] = await q.select().from(cpPaymentDetails).where(eq(cpPaymentDetails.contactPersonId, id));
    await recordAudit(q, ctx, { action: 'contact_person.payment_read', entityType: 'contact_person', entityId: id, details: { registered: !!row } });
    return present(row);
  });
}

export function savePaymentDetails(ctx: UseCaseContext, id: string, input: z.output<typeof paymentBody>) {
  requirePaymentAccess(ctx.actor);
  const bank = validateBankAccount(input.clearingNumber, input.accountNumber);
  return writeUseCase(ctx, async (tx) => {
    if (!(await findContactPerson(tx, id))) throw new AppError('NOT_FOUND');
    const [existing] = await tx.select().from(cpPaymentDetails).where(eq(cpPaymentDetails.contactPersonId, id)).for('update');
    const values = { ...bank, taxTable: input.taxTable ?? null, taxColumn: input.taxColumn ?? null, updatedAt: ctx.clock.now() };
    let row: PaymentRow;
    if (existing) {
      if (input.version == null || input.version !== existing.version) throw new AppError('VERSION_CONFLICT');
      const [u] = await tx
        .update(cpPaymentDetails)
        .set({ ...values, version: existing.version + 1 })
        .where(eq(cpPaymentDetails.contactPersonId, id))
        .returning();
      row = u;
    } else {
      if (input.version != null) throw new AppError('VERSION_CONFLICT');
      [row] = await tx.insert(cpPaymentDetails).values({ contactPersonId: id, ...values }).returning();
    }
    await recordAudit(tx, ctx, { action: 'contact_person.payment_update', entityType: 'contact_person', entityId: id, details: { created: !existing } });
    return present(row);
  });
}

/**
 * Payroll's list: approved contact persons (not ended) and whether their bank details are registered, one page
 * (by name; the name index), optionally only those without details or matching part of a name. Each contact person
 * shown is audited (one statement for the page), as the register's list is.
 */
export function listForPayroll(ctx: UseCaseContext, query: PayrollListQuery) {
  requirePaymentAccess(ctx.actor);
  return readUseCase(ctx, async (q) => {
    const today = ctx.clock.today();
    const registered = sql<boolean>`exists (select 1 from ${cpPaymentDetails} p where p.contact_person_id = ${contactPersons.id})`;
    const open = and(isNotNull(contactPersons.approvedDate), or(isNull(contactPersons.endedDate), gt(contactPersons.endedDate, today)));
    const named = query.name?.trim()
      ? sql`lower(${contactPersons.firstName} || ' ' || ${contactPersons.lastName}) like ${`%${query.name.trim().toLowerCase()}%`}`
      : undefined;
    const where = and(open, named, query.missing === 'yes' ? sql`not ${registered}` : undefined);
    const [rows, [counts]] = await allOf(q,
      () =>
q
        .select({ id: contactPersons.id, firstName: contactPersons.firstName, lastName: contactPersons.lastName, approvedDate: contactPersons.approvedDate, registered })
        .from(contactPersons)
        .where(where)
        .orderBy(asc(contactPersons.lastName), asc(contactPersons.firstName), asc(contactPersons.id))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize),
      () =>
q
        .select({ total: sql<number>`count(*)::int`, missing: sql<number>`(count(*) filter (where not ${registered}))::int` })
        .from(contactPersons)
        .where(and(open, named)));
    const filters = ['payroll', ...(query.missing ? ['missing'] : []), ...(query.name ? ['name'] : [])];
    await recordAudit(
      q,
      ctx,
      rows.map((r) => ({ action: 'contact_person.list' as const, entityType: 'contact_person' as const, entityId: r.id, details: { filters } })),
    );
    return {
      items: rows.map((r) => ({ id: r.id, name: `${r.firstName} ${r.lastName}`, approvedDate: r.approvedDate ?? '', registered: r.registered })),
      total: query.missing === 'yes' ? Number(counts.missing) : Number(counts.total),
      missing: Number(counts.missing),
      page: query.page,
      pageSize: query.pageSize,
    };
  });
}
