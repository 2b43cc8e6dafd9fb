// The use-case kit against a real database (PGlite here, PostgreSQL under scripts/test-pg.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, sql } from 'drizzle-orm';
import { buildStaff, contextFor, setupHarness, type Harness } from '../../../test/support/harness';
import { legalBases } from '../../decisions/tables';
import type { UseCaseContext } from '../context';
import { AppError } from '../errors';
import { settingsOf } from '../settings';
import { municipality, units } from '../tables';
import { changeVersioned } from './change-versioned';
import { inForce } from './in-force';
import { readUseCase, writeUseCase, type UniqueField } from './transaction';

let h: Harness;
let ctx: UseCaseContext;
let n = 0;

beforeAll(async () => {
  h = await setupHarness({ now: '2026-03-16T10:00:00+01:00' });
  const staff = await buildStaff(h);
  ctx = contextFor(h, staff.admin);
});
afterAll(() => h.close());

const unitName: UniqueField = { column: units.name, code: 'UNIT_NAME_TAKEN', path: 'name', message: 'Namnet är upptaget.' };
const auditCount = async (requestId: string) =>
  Number(((await h.db.execute(sql`select count(*)::int as n from audit_log where request_id = ${requestId}`)) as unknown as { rows: { n: number }[] }).rows[0].n);

describe('writeUseCase({ unique })', () => {
  it('answers a violation of a listed unique column with its 409 and a field message, after rolling back', async () => {
    const name = `Kitenheten ${++n}`;
    await writeUseCase(ctx, (tx) => tx.insert(units).values({ name, route: 'LSS' }), { unique: [unitName] });
    const err = await writeUseCase(
      ctx,
      async (tx) => {
        await tx.insert(units).values({ name: `${name} (annan)`, route: 'SOL' });
        await tx.insert(units).values({ name, route: 'SOL' });
      },
      { unique: [unitName] },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'UNIT_NAME_TAKEN', status: 409, fields: [{ path: 'name', message: 'Namnet är upptaget.' }] });
    // All or nothing: the first insert went with the failed one.
    expect(await h.db.select().from(units).where(eq(units.name, `${name} (annan)`))).toHaveLength(0);
  });

  it('lets a violation of a column it was not told about through as it is (a 500, not a wrong field message)', async () => {
    const name = `Kitenheten ${++n}`;
    await h.db.insert(units).values({ name, route: 'LSS' });
    const err = await writeUseCase(ctx, (tx) => tx.insert(units).values({ name, route: 'LSS' }), { unique: [] }).catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(AppError);
  });
});

describe('changeVersioned', () => {
  const edit = (id: string, version: number, name: string, requestId: string) =>
    changeVersioned(
      { ...ctx, requestId },
      {
        table: units,
        id,
        version,
        apply: () => ({ name }),
        audit: (_, u) => ({ action: 'admin.unit', entityType: 'unit', entityId: u.id, details: { op: 'update', fields: ['name'] } }),
        present: (u) => ({ name: u.name, version: u.version }),
        unique: [unitName],
      },
    );

  it('writes with the version the user saw, bumps it and audits in the same transaction', async () => {
    const [u] = await h.db.insert(units).values({ name: `Kitenheten ${++n}`, route: 'LSS' }).returning();
    expect(await edit(u.id, u.version, `${u.name} ny`, 'kit-ok')).toEqual({ name: `${u.name} ny`, version: u.version + 1 });
    expect(await auditCount('kit-ok')).toBe(1);
  });

  it('refuses a stale version with 409 VERSION_CONFLICT and writes nothing, audit included', async () => {
    const [u] = await h.db.insert(units).values({ name: `Kitenheten ${++n}`, route: 'LSS' }).returning();
    await edit(u.id, u.version, `${u.name} först`, 'kit-first');
    await expect(edit(u.id, u.version, `${u.name} sen`, 'kit-stale')).rejects.toMatchObject({ code: 'VERSION_CONFLICT', status: 409 });
    const [after] = await h.db.select().from(units).where(eq(units.id, u.id));
    expect(after).toMatchObject({ name: `${u.name} först`, version: u.version + 1 });
    expect(await auditCount('kit-stale')).toBe(0);
  });

  it('answers 404 for a row that does not exist, and the unique 409 on a collision', async () => {
    await expect(edit('00000000-0000-0000-0000-000000000000', 1, 'x', 'kit-404')).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
    const [a] = await h.db.insert(units).values({ name: `Kitenheten ${++n}`, route: 'LSS' }).returning();
    const [b] = await h.db.insert(units).values({ name: `Kitenheten ${++n}`, route: 'LSS' }).returning();
    await expect(edit(b.id, b.version, a.name, 'kit-dup')).rejects.toMatchObject({ code: 'UNIT_NAME_TAKEN', fields: [{ path: 'name' }] });
    expect(await auditCount('kit-dup')).toBe(0);
  });
});

describe('inForce', () => {
  it('selects the rows whose validity covers the date, both ends included, an open end for ever', async () => {
    const base = { route: 'LSS' as const, law: 'LSS', paragraph: '9 § 4', name: 'Kit', printText: 'Kit', appealRoute: 'forvaltningsbesvar' as const, ivoReportable: false, feeRule: 'free' as const };
    const tag = `KIT${++n}`;
    await h.db.insert(legalBases).values([
      { ...base, code: `${tag}-OLD`, validFrom: '2020-01-01', validTo: '2025-12-31' },
      { ...base, code: `${tag}-NEW`, validFrom: '2026-01-01', validTo: null },
      { ...base, code: `${tag}-DAY`, validFrom: '2026-03-16', validTo: '2026-03-16' },
    ]);
    const on = async (date: string) =>
      (await h.db.select({ code: legalBases.code }).from(legalBases).where(and(sql`${legalBases.code} like ${`${tag}-%`}`, inForce(legalBases, date))).orderBy(asc(legalBases.code))).map(
        (r) => r.code.slice(tag.length + 1),
      );
    expect(await on('2019-12-31')).toEqual([]);
    expect(await on('2020-01-01')).toEqual(['OLD']);
    expect(await on('2025-12-31')).toEqual(['OLD']);
    expect(await on('2026-01-01')).toEqual(['NEW']);
    expect(await on('2026-03-16')).toEqual(['DAY', 'NEW']);
    expect(await on('2026-03-17')).toEqual(['NEW']);
    expect(await on('2099-01-01')).toEqual(['NEW']);
  });
});

describe('settingsOf', () => {
  it('reads the municipality once per request (use-case context), never across requests', async () => {
    const request = { ...ctx, requestId: 'kit-settings' };
    const [before] = await h.db.select().from(municipality);
    const first = await readUseCase(request, (q) => settingsOf(request, q));
    await h.db.update(municipality).set({ name: `${before.name} (ändrad)` }).where(eq(municipality.id, 1));
    try {
      // Same request: the row read first, not read again.
      expect(await settingsOf(request, h.db)).toBe(first);
      // The next request reads the row again and sees the change.
      const next = { ...ctx, requestId: 'kit-settings-2' };
      expect((await settingsOf(next, h.db)).name).toBe(`${before.name} (ändrad)`);
    } finally {
      await h.db.update(municipality).set({ name: before.name }).where(eq(municipality.id, 1));
    }
  });
});
