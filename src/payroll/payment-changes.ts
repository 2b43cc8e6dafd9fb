// Internal control of payments (item 6): the changes to payment data — a contact person's bank or tax details, the
// rate table, an approved monthly report — as the triggers logged them (before/after, who, when), for lön and the
// enhetschef to review. The one who made a change cannot mark it reviewed. A bank account number is shown in full
// only to a reader with contact-person:payment (lön); others see its last four digits.
import { and, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { UseCaseContext } from '../platform/context';
import { allOf, readUseCase, writeUseCase } from '../platform/db/transaction';
import { recordAudit, type AuditEntry } from '../platform/audit/record';
import { AppError } from '../platform/errors';
import { can, scopeOf } from '../platform/policy/permissions';
import { users } from '../platform/tables';
import { contactPersons } from '../contact-persons/tables';
import { CHANGE_KIND_LABELS, changeFields } from './rules';
import type { ChangeOut } from './schema';
import { paymentChangeReviews, paymentChanges } from './tables';

const PAGE = 50;
const NOT_FOUND = 'Ändringen finns inte, eller så har du inte behörighet att se den.';

/** lön: every change; enhetschef: its unit's (reports) and the municipality-wide ones (bank and tax, rates). */
function scope(ctx: UseCaseContext): SQL {
  const s = scopeOf(ctx.actor, 'payroll:control');
  if (s === 'all') return sql`true`;
  if (s === 'unit' && ctx.actor.unitId) return or(isNull(paymentChanges.unitId), eq(paymentChanges.unitId, ctx.actor.unitId)) as SQL;
  return sql`false`;
}

const reviewer = sql<string | null>`(select display_name from users u where u.id = ${paymentChangeReviews.reviewedBy})`;

function what(kind: keyof typeof CHANGE_KIND_LABELS, context: { year?: number; code?: string; month?: string } | null, cpName: string | null): string {
  if (kind === 'bank_tax') return `Kontaktperson ${cpName ?? '(borttagen)'}`;
  if (kind === 'rate') return context?.code ? `Nivå ${context.code} ${context.year ?? ''}`.trim() : `Året ${context?.year ?? ''}`.trim();
  return `Månadsrapport${context?.month ? ` ${context.month}` : ''}${cpName ? `, ${cpName}` : ''}`;
}

export function listPaymentChanges(ctx: UseCaseContext, input: { show: 'unreviewed' | 'all'; page: number }) {
  return readUseCase(ctx, async (q) => {
    const where = and(scope(ctx), input.show === 'unreviewed' ? isNull(paymentChangeReviews.changeId) : undefined);
    const [rows, [count], [open]] = await allOf(q,
      () =>
q
        .select({
          c: paymentChanges,
          changedBy: users.displayName,
          cpFirst: contactPersons.firstName,
          cpLast: contactPersons.lastName,
          r: paymentChangeReviews,
          reviewer: reviewer,
        })
        .from(paymentChanges)
        .leftJoin(users, eq(users.id, paymentChanges.changedBy))
        .leftJoin(contactPersons, eq(contactPersons.id, paymentChanges.contactPersonId))
        .leftJoin(paymentChangeReviews, eq(paymentChangeReviews.changeId, paymentChanges.id))
        .where(where)
        .orderBy(desc(paymentChanges.occurredAt), desc(paymentChanges.id))
        .limit(PAGE)
        .offset((input.page - 1) * PAGE),
      () =>
q
        .select({ n: sql<number>`count(*)::int` })
        .from(paymentChanges)
        .leftJoin(paymentChangeReviews, eq(paymentChangeReviews.changeId, paymentChanges.id))
        .where(where),
      () =>
q
        .select({ n: sql<number>`count(*)::int` })
        .from(paymentChanges)
        .leftJoin(paymentChangeReviews, eq(paymentChangeReviews.changeId, paymentChanges.id))
        .where(and(scope(ctx), isNull(paymentChangeReviews.changeId))));
    const showAccounts = can(ctx.actor, 'contact-person:payment');
    const items: ChangeOut[] = rows.map(({ c, changedBy, cpFirst, cpLast, r, reviewer: reviewedBy }) => {
      const cpName = cpFirst ? `${cpFirst} ${cpLast}` : null;
      return {
        id: c.id,
        occurredAt: c.occurredAt.toISOString(),
        kind: c.kind,
        kindLabel: CHANGE_KIND_LABELS[c.kind],
        what: what(c.kind, c.context, cpName),
        op: c.op,
        fields: changeFields(c.before, c.after, showAccounts),
        changedBy: c.changedBy ? (changedBy ?? 'Okänd användare') : null,
        canReview: r === null && c.changedBy !== ctx.actor.id,
        review: r ? { reviewedBy: reviewedBy ?? 'Okänd användare', reviewedAt: r.reviewedAt.toISOString(), note: r.note } : null,
      };
    });
    const entries: AuditEntry[] = [
      { action: 'payroll.changes_read', entityType: 'payment_change', details: { count: items.length } },
      ...rows
        .filter((x) => x.c.contactPersonId !== null && x.c.kind === 'bank_tax')
        .map(
          (x): AuditEntry =>
            showAccounts
              ? { action: 'contact_person.payment_read', entityType: 'contact_person', entityId: x.c.contactPersonId, details: { registered: true } }
              : { action: 'payroll.changes_read', entityType: 'contact_person', entityId: x.c.contactPersonId, details: { count: 1 } },
        ),
    ];
    await recordAudit(q, ctx, entries);
    return { items, page: input.page, pages: Math.max(1, Math.ceil(count.n / PAGE)), unreviewed: open.n };
  });
}

export function reviewPaymentChange(ctx: UseCaseContext, id: string, input: { note: string | null }) {
  return writeUseCase(ctx, async (tx) => {
    const [c] = await tx.select().from(paymentChanges).where(and(eq(paymentChanges.id, id), scope(ctx)));
    if (!c) throw new AppError('NOT_FOUND', { message: NOT_FOUND });
    if (c.changedBy === ctx.actor.id) throw new AppError('PAYMENT_CHANGE_OWN');
    const [r] = await tx.insert(paymentChangeReviews).values({ changeId: id, reviewedBy: ctx.actor.id, reviewedAt: ctx.clock.now(), note: input.note }).onConflictDoNothing().returning();
    if (!r) throw new AppError('PAYMENT_CHANGE_ALREADY_REVIEWED');
    await recordAudit(tx, ctx, { action: 'payroll.change_review', entityType: 'payment_change', entityId: id, details: { changeId: id } });
    return { id, reviewedAt: r.reviewedAt.toISOString() };
  });
}
