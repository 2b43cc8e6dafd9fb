// The shape every change of a contact person shares (one transaction): load, refuse a stale version (409) or an
// ended contact person, check the rule, write the row's columns with the version the user saw (which bumps it,
// also when only a step, reference or check is added), the sub-record, audit, present.
import type { UseCaseContext } from '../platform/context';
import type { Tx } from '../platform/db/connect';
import { changeVersioned } from '../platform/db/change-versioned';
import { AppError } from '../platform/errors';
import { deriveCpStatus } from './rules';
import { checkRulesOf, cpSettingsOf, loadContactPersonFull, refreshRecruitmentStarted, statusesOf, statusFactsOf, type CpFull, type CpRow } from './repo';
import { presentContactPerson } from './present';
import type { CpOut } from './schema';
import { contactPersons } from './tables';
import { allOf } from '../platform/db/transaction';

export async function presentById(ctx: UseCaseContext, tx: Tx | UseCaseContext['db'], id: string): Promise<CpOut> {
  const full = await loadContactPersonFull(tx, id);
  if (!full) throw new AppError('NOT_FOUND');
  const today = ctx.clock.today();
  const [settings, rules, dupStatuses] = await allOf(tx,() => cpSettingsOf(tx), () => checkRulesOf(tx), () => statusesOf(tx, full.duplicates.map((d) => d.id), today));
  return presentContactPerson(ctx.actor, full, settings, rules, today, dupStatuses);
}

export function changeContactPerson(
  ctx: UseCaseContext,
  opts: {
    id: string;
    version: number;
    step: string;
    /** An ended contact person can still be read, never changed (unless this says so). */
    allowEnded?: boolean;
    apply?: (current: CpFull, tx: Tx) => Partial<CpRow> | Promise<Partial<CpRow>>;
    after?: (current: CpFull, tx: Tx) => Promise<void>;
    outcome?: (current: CpFull) => string | undefined;
  },
): Promise<CpOut> {
  return changeVersioned(ctx, {
    table: contactPersons,
    id: opts.id,
    version: opts.version,
    load: async (tx) => {
      const full = await loadContactPersonFull(tx, opts.id);
      if (!full) throw new AppError('NOT_FOUND');
      return full;
    },
    versionOf: (c) => c.row.version,
    check: (c) => {
      if (!opts.allowEnded && deriveCpStatus(statusFactsOf(c), ctx.clock.today()) === 'ended') throw new AppError('CP_ENDED');
    },
    apply: async (c, tx) => ({ ...(opts.apply ? await opts.apply(c, tx) : {}), updatedAt: ctx.clock.now() }),
    afterUpdate: async (_u, tx, c) => {
      await opts.after?.(c, tx);
      // The stored "recruitment started" follows the steps, references and checks just written (the register's filter reads it).
      await refreshRecruitmentStarted(tx, opts.id);
    },
    audit: (c, _u, set) => {
      const outcome = opts.outcome?.(c);
      return {
        action: 'contact_person.change',
        entityType: 'contact_person',
        entityId: opts.id,
        details: { step: opts.step, fields: Object.keys(set).filter((k) => k !== 'updatedAt'), ...(outcome ? { outcome } : {}) },
      };
    },
    present: (_u, tx) => presentById(ctx, tx, opts.id),
  });
}
