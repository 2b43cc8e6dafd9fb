// Rows every deployment starts with: the register's configuration and the registerkontroll rule versions
// (lag 2010:479: 12 months and belastningsregistret until 2026-02-28; SFS 2026:48 from 2026-03-01: 6 months and
// both registers). Inserted once; the administrator's later edits are never overwritten.
import type { Queryable } from '../platform/db/connect';
import { DEFAULT_CHECK_RULES, DEFAULT_REFERENCES_REQUIRED, DEFAULT_REQUIREMENTS } from './rules';
import { cpCheckRules, cpSettings, type CpListItem } from './tables';

export const DEFAULT_INTERESTS: CpListItem[] = [
  { code: 'friluftsliv', label: 'Friluftsliv och natur' },
  { code: 'idrott', label: 'Idrott och träning' },
  { code: 'musik', label: 'Musik' },
  { code: 'kultur', label: 'Kultur, museer och teater' },
  { code: 'spel', label: 'Spel och datorer' },
  { code: 'matlagning', label: 'Matlagning och bakning' },
  { code: 'djur', label: 'Djur' },
  { code: 'hantverk', label: 'Hantverk och skapande' },
  { code: 'fika', label: 'Fika och promenader' },
];

export async function seedContactPersonDefaults(db: Queryable): Promise<void> {
  await db
    .insert(cpSettings)
    .values({ id: 1, requirements: DEFAULT_REQUIREMENTS, referencesRequired: DEFAULT_REFERENCES_REQUIRED, interests: DEFAULT_INTERESTS })
    .onConflictDoNothing();
  await db
    .insert(cpCheckRules)
    .values(DEFAULT_CHECK_RULES.map((r) => ({ ...r, requiredRegisters: [...r.requiredRegisters] })))
    .onConflictDoNothing();
}
