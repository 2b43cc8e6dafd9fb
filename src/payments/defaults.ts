// The rate table every deployment starts with: the prisbasbelopp of 2024–2026 and two levels per year derived from
// SKR's shares (domain.md §5): nivå 1 meets about once a week (arvode 20 %, omkostnad 10 % of pbb a year), nivå 2
// several times a week (arvode 30 %, omkostnad 25 %), rounded to whole kronor. The administrator changes them.
import type { Queryable } from '../platform/db/connect';
import { monthlyFromShare, SEED_PRISBASBELOPP } from './rules';
import { rateLevels, rateYears } from './tables';

export const SEED_LEVELS = [
  { code: 'niva1', name: 'Nivå 1', description: 'Träffas ungefär en gång i veckan', arvodeSharePermille: 200, omkostnadSharePermille: 100, sortOrder: 1 },
  { code: 'niva2', name: 'Nivå 2', description: 'Träffas flera gånger i veckan', arvodeSharePermille: 300, omkostnadSharePermille: 250, sortOrder: 2 },
] as const;

export async function seedRateTable(db: Queryable): Promise<void> {
  for (const [y, pbb] of Object.entries(SEED_PRISBASBELOPP)) {
    const year = Number(y);
    const inserted = await db.insert(rateYears).values({ year, prisbasbelopp: pbb, rounding: 'krona' }).onConflictDoNothing().returning({ year: rateYears.year });
    if (inserted.length === 0) continue; // the administrator's table stays as it is
    await db.insert(rateLevels).values(
      SEED_LEVELS.map((l) => ({
        year,
        code: l.code,
        name: l.name,
        description: l.description,
        arvodeSharePermille: l.arvodeSharePermille,
        omkostnadSharePermille: l.omkostnadSharePermille,
        arvode: monthlyFromShare(pbb, l.arvodeSharePermille, 'krona'),
        omkostnad: monthlyFromShare(pbb, l.omkostnadSharePermille, 'krona'),
        sortOrder: l.sortOrder,
      })),
    );
  }
}
