// The legal-basis catalogue: administered as data, looked up by decision date (domain.md §8).
import { and, asc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import type { Queryable } from '../platform/db/connect';
import { inTransaction } from '../platform/db/transaction';
import { updateVersioned } from '../platform/db/versioned';
import { AppError, uniqueViolation } from '../platform/errors';
import { recordAudit } from '../platform/audit/record';
import type { legalBasisBody, legalBasisUpdateBody } from './schema';
import { legalBases } from './tables';

export type LegalBasisRow = typeof legalBases.$inferSelect;

const present = (b: LegalBasisRow) => ({
  id: b.id,
  code: b.code,
  route: b.route,
  law: b.law,
  paragraph: b.paragraph,
  name: b.name,
  printText: b.printText,
  appealRoute: b.appealRoute,
  ivoReportable: b.ivoReportable,
  feeRule: b.feeRule,
  validFrom: b.validFrom,
  validTo: b.validTo,
  version: b.version,
});

export async function listLegalBases(ctx: UseCaseContext) {
  const rows = await ctx.db.select().from(legalBases).orderBy(asc(legalBases.route), asc(legalBases.validFrom), asc(legalBases.code));
  return { items: rows.map(present) };
}

/** The bases of a route in force on a date (a decision stores the one in force on its decision date). */
export function legalBasesInForce(db: Queryable, route: 'LSS' | 'SOL', date: string): Promise<LegalBasisRow[]> {
  return db
    .select()
    .from(legalBases)
    .where(and(eq(legalBases.route, route), lte(legalBases.validFrom, date), or(isNull(legalBases.validTo), gte(legalBases.validTo, date))))
    .orderBy(asc(legalBases.code));
}

async function guardCode<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (uniqueViolation(e)) throw new AppError('LEGAL_BASIS_CODE_TAKEN', { fields: [{ path: 'code', message: 'Koden används redan.' }] });
    throw e;
  }
}

export function createLegalBasis(ctx: UseCaseContext, input: z.output<typeof legalBasisBody>) {
  return guardCode(() =>
    inTransaction(ctx.db, async (tx) => {
      const [b] = await tx.insert(legalBases).values({ ...input, createdAt: ctx.clock.now() }).returning();
      await recordAudit(tx, ctx, { action: 'admin.legal_basis', entityType: 'legal_basis', entityId: b.id, details: { op: 'create', code: b.code } });
      return present(b);
    }),
  );
}

export function updateLegalBasis(ctx: UseCaseContext, id: string, input: z.output<typeof legalBasisUpdateBody>) {
  return guardCode(() =>
    inTransaction(ctx.db, async (tx) => {
      const { version, ...set } = input;
      const b = await updateVersioned(tx, legalBases, id, version, set);
      await recordAudit(tx, ctx, { action: 'admin.legal_basis', entityType: 'legal_basis', entityId: b.id, details: { op: 'update', code: b.code } });
      return present(b);
    }),
  );
}
