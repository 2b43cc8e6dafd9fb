// The LSS register file for Socialstyrelsen (issue 13 item 8): every person whose LSS insats (kontaktperson, 9 § 4)
// was executed and running on 1 October of the year — a favourable decision, executed on or before the day, not
// ended before it (reservnummer are left out: the register asks for personnummer or samordningsnummer) — with the personkrets the investigation documented. Each person in the file is logged.
import { sql } from 'drizzle-orm';
import type { UseCaseContext } from '../platform/context';
import { readUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { fieldError } from '../platform/errors';
import { lssStatisticsDates, lssStatisticsFile, mergePersons } from './lss-statistics-rules';
import type { LssStatisticsQuery } from './lss-statistics-schema';

export async function exportLssStatistics(ctx: UseCaseContext, query: LssStatisticsQuery): Promise<{ fileName: string; text: string }> {
  const { referenceDate } = lssStatisticsDates(query.year);
  // A reference day in the future has no state yet.
  if (referenceDate > ctx.clock.today()) throw fieldError('year', `Läget den ${referenceDate} finns inte än.`);
  return readUseCase(ctx, async (q) => {
    const r = (await q.execute(sql`
      select p.id as person_id, p.identity_number, coalesce(i.personkrets_group, c.personkrets_group) as personkrets
      from case_facts cf
      join cases c on c.id = cf.case_id
      join persons p on p.id = c.person_id
      left join investigations i on i.case_id = c.id
      where c.route = 'LSS' and cf.decision_outcome in ('granted', 'partly_granted')
        and cf.executed_date <= ${referenceDate}::date
        and (cf.decision_end_date is null or cf.decision_end_date >= ${referenceDate}::date)
        and (cf.ended_date is null or cf.ended_date > ${referenceDate}::date)
        and p.id_kind in ('personnummer', 'samordningsnummer')`)) as unknown as { rows: { person_id: string; identity_number: string; personkrets: number | null }[] };
    const persons = mergePersons(r.rows.map((x) => ({ identityNumber: x.identity_number, personkrets: x.personkrets === null ? null : Number(x.personkrets), insatser: ['9_4'] as const })));
    const text = lssStatisticsFile(persons, query.municipalityCode);
    const details = { referenceDate, rows: persons.length, layout: 'LSS_STATISTICS_LAYOUT' };
    await recordAudit(q, ctx, [
      { action: 'statistics.lss_file', entityType: 'municipality', details },
      ...[...new Set(r.rows.map((x) => x.person_id))].map((personId) => ({ action: 'statistics.lss_file' as const, entityType: 'person' as const, entityId: personId, personId, details })),
    ]);
    return { fileName: `lss-register-${referenceDate}.csv`, text };
  });
}
