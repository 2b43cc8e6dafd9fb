// The legal-basis catalogue: administered as data, looked up by decision date (domain.md §8).
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import type { Queryable } from '../platform/db/connect';
import { changeVersioned } from '../platform/db/change-versioned';
import { inForce } from '../platform/db/in-force';
import { readUseCase, writeUseCase, type UniqueField } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import type { legalBasisBody, legalBasisUpdateBody } from './schema';
import { legalBases } from './tables';
import type { Route } from '../platform/rules';

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

export function listLegalBases(ctx: UseCaseContext) {
  return readUseCase(ctx, async (q) => {
    const rows = await q.select().from(legalBases).orderBy(asc(legalBases.route), asc(legalBases.validFrom), asc(legalBases.code));
    return { items: rows.map(present) };
  });
}

/** The bases of a route in force on a date (a decision stores the one in force on its decision date). */
export function legalBasesInForce(db: Queryable, route: Route, date: string): Promise<LegalBasisRow[]> {
  return db
    .select()
    .from(legalBases)
    .where(and(eq(legalBases.route, route), inForce(legalBases, date)))
    .orderBy(asc(legalBases.code));
}

const uniqueCode: UniqueField = { column: legalBases.code, code: 'LEGAL_BASIS_CODE_TAKEN', path: 'code', message: 'Koden används redan.' };

export function createLegalBasis(ctx: UseCaseContext, input: z.output<typeof legalBasisBody>) {
  return writeUseCase(
    ctx,
    async (tx) => {
      const [b] = await tx.insert(legalBases).values({ ...input, createdAt: ctx.clock.now() }).returning();
      await recordAudit(tx, ctx, { action: 'admin.legal_basis', entityType: 'legal_basis', entityId: b.id, details: { op: 'create', code: b.code } });
      return present(b);
    },
    { unique: [uniqueCode] },
  );
}

export function updateLegalBasis(ctx: UseCaseContext, id: string, input: z.output<typeof legalBasisUpdateBody>) {
  const { version, ...set } = input;
  return changeVersioned(ctx, {
    table: legalBases,
    id,
    version,
    apply: () => set,
    audit: (_, b) => ({ action: 'admin.legal_basis', entityType: 'legal_basis', entityId: b.id, details: { op: 'update', code: b.code } }),
    present,
    unique: [uniqueCode],
  });
}
