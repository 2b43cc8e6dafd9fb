// Administrator: the rate table (arvoden och omkostnader per år, domain.md §5). A year has its prisbasbelopp and
// rounding; its levels have arvode and omkostnad per month, entered or derived from a share of the pbb. A month's
// amounts always come from that month's year (rateOn), so a new year's table never changes a past month; a year
// before today's year is corrected only with a written reason. A level that assignments use in its year can be
// neither removed nor given a new code.
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import type { Queryable, Tx } from '../platform/db/connect';
import { changeVersioned } from '../platform/db/change-versioned';
import { allOf, readUseCase, type UniqueField, writeUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { AppError, fieldError } from '../platform/errors';
import { can } from '../platform/policy/permissions';
import { levelAmount, monthlyFromShare, parseKronor, pastYearNeedsReason, roundingLabel, type AmountSpec } from './rules';
import type { rateLevelBody, rateLevelUpdateBody, rateYearBody, rateYearUpdateBody, RateLevelOut, RateTableOut, RateYearOut } from './schema';
import { levelsOfYear } from './repo';
import { rateLevels, rateYears } from './tables';

type YearRow = typeof rateYears.$inferSelect;
type LevelRow = typeof rateLevels.$inferSelect;
type LevelInput = z.output<typeof rateLevelBody>;

const REASON_MESSAGE = 'Året har passerat. Skriv varför tabellen rättas: ändringen gäller månader som redan kan vara utbetalda.';

/**
 * The level codes assignments use in `year` (an assignment whose period touches the year needs its level's amounts
 * for those months). The assignments stage comes after payments, so its table is read by name, not imported.
 */
async function usedCodes(q: Queryable, year: number): Promise<Set<string>> {
  const r = (await q.execute(
    sql`select distinct rate_level from assignments where period_from <= ${`${year}-12-31`} and (end_date is null or end_date >= ${`${year}-01-01`})`,
  )) as unknown as { rows: { rate_level: string }[] };
  return new Set(r.rows.map((x) => x.rate_level));
}

function presentLevel(l: LevelRow, used: Set<string>): RateLevelOut {
  return {
    id: l.id,
    year: l.year,
    code: l.code,
    name: l.name,
    description: l.description,
    arvode: l.arvode,
    omkostnad: l.omkostnad,
    arvodeSharePermille: l.arvodeSharePermille,
    omkostnadSharePermille: l.omkostnadSharePermille,
    perOccasion: l.perOccasion,
    mileagePerMil: l.mileagePerMil,
    sortOrder: l.sortOrder,
    inUse: used.has(l.code),
    version: l.version,
  };
}

async function presentYear(q: Queryable, y: YearRow, today: string): Promise<RateYearOut> {
  const levels = await levelsOfYear(q, y.year);
  const used = await usedCodes(q, y.year);
  return {
    year: y.year,
    prisbasbelopp: y.prisbasbelopp,
    rounding: y.rounding,
    roundingLabel: roundingLabel[y.rounding],
    past: y.year < Number(today.slice(0, 4)),
    levels: levels.map((l) => presentLevel(l, used)),
    version: y.version,
  };
}

/** Every year, newest first, with its levels. The administrator edits; payroll (payroll:read) reads. */
export function listRateTable(ctx: UseCaseContext): Promise<RateTableOut> {
  return readUseCase(ctx, async (q) => {
    const years = await q.select().from(rateYears).orderBy(desc(rateYears.year));
    const today = ctx.clock.today();
    return { years: await allOf(q, ...years.map((y) => () => presentYear(q, y, today))), canEdit: can(ctx.actor, 'admin:rates') };
  });
}

async function yearOf(q: Queryable, year: number): Promise<YearRow> {
  const [y] = await q.select().from(rateYears).where(eq(rateYears.year, year));
  if (!y) throw new AppError('NOT_FOUND', { message: `Det finns ingen tabell för ${year}.` });
  return y;
}

function requireReason(year: number, today: string, reason: string | null | undefined) {
  if (pastYearNeedsReason(year, today, reason)) throw fieldError('reason', REASON_MESSAGE);
}

/** A new year: its pbb and rounding, and optionally the levels of the latest earlier year. */
export function createRateYear(ctx: UseCaseContext, input: z.output<typeof rateYearBody>): Promise<RateYearOut> {
  return writeUseCase(
    ctx,
    async (tx) => {
      const [y] = await tx.insert(rateYears).values({ year: input.year, prisbasbelopp: input.prisbasbelopp, rounding: input.rounding }).returning();
      let copiedFrom: number | null = null;
      if (input.copyPrevious) {
        const [prev] = await tx.select().from(rateYears).where(lt(rateYears.year, input.year)).orderBy(desc(rateYears.year)).limit(1);
        if (prev) {
          copiedFrom = prev.year;
          const levels = await tx.select().from(rateLevels).where(eq(rateLevels.year, prev.year));
          if (levels.length)
            await tx.insert(rateLevels).values(
              levels.map((l) => ({
                year: y.year,
                code: l.code,
                name: l.name,
                description: l.description,
                arvodeSharePermille: l.arvodeSharePermille,
                omkostnadSharePermille: l.omkostnadSharePermille,
                arvode: l.arvodeSharePermille !== null ? monthlyFromShare(y.prisbasbelopp, l.arvodeSharePermille, y.rounding) : l.arvode,
                omkostnad: l.omkostnadSharePermille !== null ? monthlyFromShare(y.prisbasbelopp, l.omkostnadSharePermille, y.rounding) : l.omkostnad,
                perOccasion: l.perOccasion,
                mileagePerMil: l.mileagePerMil,
                sortOrder: l.sortOrder,
              })),
            );
        }
      }
      await recordAudit(tx, ctx, { action: 'admin.rate_year', entityType: 'rate_year', entityId: String(y.year), details: { op: 'create', year: y.year, copiedFrom } });
      return presentYear(tx, y, ctx.clock.today());
    },
    { unique: [{ column: rateYears.year, constraint: 'rate_years_pkey', code: 'RATE_YEAR_EXISTS', path: 'year', message: 'Det finns redan en tabell för det året.' }] },
  );
}

/** A year's pbb or rounding changes: the levels derived from shares are computed again. */
export function updateRateYear(ctx: UseCaseContext, year: number, input: z.output<typeof rateYearUpdateBody>): Promise<RateYearOut> {
  const today = ctx.clock.today();
  return writeUseCase(ctx, async (tx) => {
    const y = await yearOf(tx, year);
    if (y.version !== input.version) throw new AppError('VERSION_CONFLICT');
    requireReason(year, today, input.reason);
    const [updated] = await tx
      .update(rateYears)
      .set({ prisbasbelopp: input.prisbasbelopp, rounding: input.rounding, version: sql`${rateYears.version} + 1`, updatedAt: ctx.clock.now() })
      .where(and(eq(rateYears.year, year), eq(rateYears.version, input.version)))
      .returning();
    if (!updated) throw new AppError('VERSION_CONFLICT');
    await rederive(tx, updated, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'admin.rate_year',
      entityType: 'rate_year',
      entityId: String(year),
      details: { op: 'update', year, ...(input.reason ? { reason: input.reason } : {}) },
    });
    return presentYear(tx, updated, today);
  });
}

async function rederive(tx: Tx, y: YearRow, now: Date) {
  const levels = await tx.select().from(rateLevels).where(eq(rateLevels.year, y.year));
  for (const l of levels) {
    if (l.arvodeSharePermille === null && l.omkostnadSharePermille === null) continue;
    const arvode = l.arvodeSharePermille !== null ? monthlyFromShare(y.prisbasbelopp, l.arvodeSharePermille, y.rounding) : l.arvode;
    const omkostnad = l.omkostnadSharePermille !== null ? monthlyFromShare(y.prisbasbelopp, l.omkostnadSharePermille, y.rounding) : l.omkostnad;
    if (arvode !== l.arvode || omkostnad !== l.omkostnad)
      await tx.update(rateLevels).set({ arvode, omkostnad, version: sql`${rateLevels.version} + 1`, updatedAt: now }).where(eq(rateLevels.id, l.id));
  }
}

/** Kronor as the schema wrote them ("1234.50") as öre. */
const toOre = (kronor: string | null) => (kronor === null ? null : parseKronor(kronor));
const spec = (kronor: string | null, sharePermille: number | null): AmountSpec => (sharePermille !== null ? { ore: null, sharePermille } : { ore: toOre(kronor) ?? 0, sharePermille: null });

function levelColumns(input: LevelInput, y: YearRow) {
  return {
    code: input.code,
    name: input.name,
    description: input.description,
    arvodeSharePermille: input.arvodeSharePermille,
    omkostnadSharePermille: input.omkostnadSharePermille,
    arvode: levelAmount(spec(input.arvodeKronor, input.arvodeSharePermille), y.prisbasbelopp, y.rounding),
    omkostnad: levelAmount(spec(input.omkostnadKronor, input.omkostnadSharePermille), y.prisbasbelopp, y.rounding),
    perOccasion: toOre(input.perOccasionKronor),
    mileagePerMil: toOre(input.mileagePerMilKronor),
    ...(input.sortOrder !== undefined ? { sortOrder: input.sortOrder } : {}),
  };
}

const uniqueCode: UniqueField = { column: rateLevels.code, constraint: 'rate_levels_year_code_uq', code: 'RATE_LEVEL_CODE_TAKEN', path: 'code', message: 'Det finns redan en nivå med den koden det året.' };

export function createRateLevel(ctx: UseCaseContext, year: number, input: LevelInput): Promise<RateLevelOut> {
  const today = ctx.clock.today();
  return writeUseCase(
    ctx,
    async (tx) => {
      const y = await yearOf(tx, year);
      requireReason(year, today, input.reason);
      const [last] = await tx.select({ n: sql<number>`coalesce(max(${rateLevels.sortOrder}), 0)::int` }).from(rateLevels).where(eq(rateLevels.year, year));
      const [l] = await tx.insert(rateLevels).values({ year, sortOrder: last.n + 1, ...levelColumns(input, y) }).returning();
      await recordAudit(tx, ctx, {
        action: 'admin.rate_level',
        entityType: 'rate_level',
        entityId: l.id,
        details: { op: 'create', year, code: l.code, ...(input.reason ? { reason: input.reason } : {}) },
      });
      return presentLevel(l, await usedCodes(tx, year));
    },
    { unique: [uniqueCode] },
  );
}

type LevelCurrent = { l: LevelRow; y: YearRow; used: Set<string> };

async function loadLevel(tx: Tx, id: string): Promise<LevelCurrent> {
  const [l] = await tx.select().from(rateLevels).where(eq(rateLevels.id, id));
  if (!l) throw new AppError('NOT_FOUND', { message: 'Nivån finns inte. Den kan ha tagits bort.' });
  // Lock the year so that a level's check and change see the same table.
  const [y] = await tx.select().from(rateYears).where(eq(rateYears.year, l.year)).for('update');
  return { l, y, used: await usedCodes(tx, l.year) };
}

export function updateRateLevel(ctx: UseCaseContext, id: string, input: z.output<typeof rateLevelUpdateBody>): Promise<RateLevelOut> {
  const { version, reason } = input;
  const today = ctx.clock.today();
  return changeVersioned<typeof rateLevels, RateLevelOut, LevelCurrent>(ctx, {
    table: rateLevels,
    id,
    version,
    load: (tx) => loadLevel(tx, id),
    versionOf: (c) => c.l.version,
    check: ({ l, used }) => {
      requireReason(l.year, today, reason);
      if (input.code !== l.code && used.has(l.code)) throw new AppError('RATE_LEVEL_IN_USE', { fields: [{ path: 'code', message: 'Uppdrag använder koden det här året. Den kan inte ändras.' }] });
    },
    apply: ({ y }) => ({ ...levelColumns(input, y), updatedAt: ctx.clock.now() }),
    audit: ({ l }, updated, set) => ({
      action: 'admin.rate_level',
      entityType: 'rate_level',
      entityId: updated.id,
      details: {
        op: 'update',
        year: l.year,
        code: updated.code,
        fields: Object.keys(set).filter((k) => k !== 'updatedAt' && (l as Record<string, unknown>)[k] !== (set as Record<string, unknown>)[k]),
        ...(reason ? { reason } : {}),
      },
    }),
    present: (updated, _tx, { used }) => presentLevel(updated, used),
    unique: [uniqueCode],
  });
}

export function removeRateLevel(ctx: UseCaseContext, id: string, input: { version: number; reason: string | null }): Promise<{ removed: true }> {
  const today = ctx.clock.today();
  return writeUseCase(ctx, async (tx) => {
    const { l, used } = await loadLevel(tx, id);
    if (l.version !== input.version) throw new AppError('VERSION_CONFLICT');
    requireReason(l.year, today, input.reason);
    if (used.has(l.code)) throw new AppError('RATE_LEVEL_IN_USE');
    await tx.delete(rateLevels).where(and(eq(rateLevels.id, id), eq(rateLevels.version, input.version)));
    await recordAudit(tx, ctx, {
      action: 'admin.rate_level',
      entityType: 'rate_level',
      entityId: id,
      details: { op: 'delete', year: l.year, code: l.code, ...(input.reason ? { reason: input.reason } : {}) },
    });
    return { removed: true as const };
  });
}
