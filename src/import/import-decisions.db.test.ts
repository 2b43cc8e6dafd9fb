// The import of active decisions on a real database through the HTTP API: a good file becomes cases with decided,
// granted decisions (case_facts current, audited per decision); every kind of bad row is reported with its row,
// column and a Swedish message; a file that went bad after its dry run leaves nothing (all-or-nothing).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { buildStaff, login, personBody, setupHarness, type ApiClient, type Harness } from '../../test/support/harness';
import { auditLog } from '../platform/audit/tables';
import { cases } from '../intake/tables';
import { decisions } from '../decisions/tables';
import { makePersonnummer } from '../people/fictitious';

let h: Harness;
let admin: ApiClient;
let staff: Awaited<ReturnType<typeof buildStaff>>;
const pnr = (n: number) => personBody(n).identityNumber;

beforeAll(async () => {
  h = await setupHarness({ now: '2026-06-10T10:00:00+02:00' });
  staff = await buildStaff(h);
  admin = await login(h.app, staff.admin.username);
  const hl = await login(h.app, staff.hl.username);
  for (const n of [21, 22, 23]) expect((await hl.post('/api/persons', personBody(n))).statusCode).toBe(201);
});
afterAll(() => h.close());

function upload(url: string, body: string) {
  return h.app.inject({ method: 'POST', url, headers: { cookie: admin.cookie, 'content-type': 'application/octet-stream', 'x-file-name': 'beslut.csv' }, payload: body });
}
const rows = async <T>(q: ReturnType<typeof sql>) => ((await h.db.execute(q)) as unknown as { rows: T[] }).rows;
const count = async (t: typeof cases | typeof decisions) => Number((await rows<{ n: number }>(sql`select count(*)::int as n from ${t}`))[0].n);

const HEADER = 'personnummer;enhet;handläggare;lagrum;ansökningsdatum;beslutsdatum;startdatum;slutdatum;omfattning;omfattning_enhet;antal_kontaktpersoner';
const line = (o: Partial<Record<string, string>>) => {
  const v = {
    personnummer: pnr(21),
    enhet: staff.lss.name,
    handläggare: staff.hl.username,
    lagrum: 'LSS_9_4',
    ansökningsdatum: '2025-09-01',
    beslutsdatum: '2025-10-01',
    startdatum: '2025-10-15',
    slutdatum: '2026-10-14',
    omfattning: '1',
    omfattning_enhet: 'träffar_per_vecka',
    antal_kontaktpersoner: '',
    ...o,
  };
  return HEADER.split(';')
    .map((k) => v[k as keyof typeof v] ?? '')
    .join(';');
};

describe('import of active decisions', () => {
  it('reports every kind of bad row with its column, in Swedish, and writes nothing', async () => {
    const before = await count(cases);
    const csv = [
      HEADER,
      line({}), // 2: fine
      line({ personnummer: makePersonnummer('1960-05-05', 321, 'female') }), // 3: not in Kontakt
      line({ enhet: 'Ingen sådan enhet' }), // 4
      line({ handläggare: staff.hs.username }), // 5: handläggare of the SoL unit
      line({ handläggare: 'okand.person' }), // 6
      line({ lagrum: 'LSS_99' }), // 7: not in the catalogue
      line({ lagrum: 'SOL2025_11_1' }), // 8: SoL basis for an LSS unit
      line({ enhet: staff.sol.name, handläggare: staff.hs.username, lagrum: 'SOL2001_4_1' }), // 9: repealed on 2025-06-30
      line({ beslutsdatum: '2026-07-01', startdatum: '2026-07-01' }), // 10: decision in the future
      line({ omfattning: '9' }), // 11: more than 7 a week
      line({ omfattning_enhet: 'timmar' }), // 12
      line({ slutdatum: '2026-01-31' }), // 13: has run out
      line({ slutdatum: '2025-10-01' }), // 14: end before start
      line({ ansökningsdatum: '2025-11-01' }), // 15: decided before the application
      line({ slutdatum: '' }), // 16: no end date and no reason why
      line({ antal_kontaktpersoner: 'två', beslutsdatum: '2025-13-01' }), // 17: two problems
    ].join('\n');
    const res = await upload('/api/import/check?kind=decisions', csv);
    expect(res.statusCode, res.body).toBe(201);
    const job = res.json();
    expect(job.rowCount).toBe(16);
    const at = (row: number) =>
      job.errors
        .filter((e: { row: number }) => e.row === row)
        .map((e: { column: string; message: string }) => `${e.column}: ${e.message}`)
        .sort();
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual(['personnummer: Det finns ingen person med det här numret i Kontakt. Importera personen först (filen Personer).']);
    expect(at(4)).toEqual([expect.stringMatching(/^enhet: Enheten ”Ingen sådan enhet” finns inte/)]);
    expect(at(5)).toEqual(['handläggare: Handläggaren måste tillhöra ärendets enhet.']);
    expect(at(6)).toEqual([expect.stringMatching(/^handläggare: Det finns ingen handläggare med användarnamnet ”okand.person”/)]);
    expect(at(7)).toEqual([expect.stringMatching(/^lagrum: Lagrummet ”LSS_99” finns inte i katalogen/)]);
    expect(at(8)).toEqual([expect.stringMatching(/^lagrum: Lagrummet SOL2025_11_1 gäller SoL, men enheten .* handlägger LSS\.$/)]);
    expect(at(9)).toEqual([expect.stringMatching(/^lagrum: Lagrummet SOL2001_4_1 gäller inte på beslutsdatumet 2025-10-01/)]);
    expect(at(10).map((e: string) => e.split(':')[0])).toEqual(['beslutsdatum']);
    expect(at(11)).toEqual([expect.stringMatching(/^omfattning: Omfattningen kan vara högst 7/)]);
    expect(at(12)).toEqual(['omfattning_enhet: Skriv träffar_per_vecka, träffar_per_månad eller timmar_per_månad.']);
    expect(at(13)).toEqual(['slutdatum: Beslutet har redan upphört (slutdatum 2026-01-31). Importera bara beslut som gäller.']);
    expect(at(14)).toEqual(['slutdatum: Slutdatum kan inte vara före startdatum.']);
    expect(at(15)).toEqual(['beslutsdatum: Beslutsdatumet kan inte vara före ansökan (2025-11-01).']);
    expect(at(16).map((e: string) => e.split(':')[0])).toEqual(['periodskäl']);
    expect(at(17).map((e: string) => e.split(':')[0])).toEqual(['antal_kontaktpersoner', 'beslutsdatum']);
    expect(job.errorCount).toBe(16);
    expect(await count(cases)).toBe(before);
    const commit = await upload(`/api/import/jobs/${job.id}/commit`, csv);
    expect(commit.json().code).toBe('IMPORT_HAS_ERRORS');
    expect(await count(cases)).toBe(before);
  });

  it('a good file becomes cases with decided, granted decisions, current in case_facts and audited', async () => {
    const csv = [
      `${HEADER};nivå;hemtjänsttaxa;skäl`,
      `${line({ personnummer: pnr(22) })};;;Behov av en medmänniska.`,
      `${line({ personnummer: pnr(22), enhet: staff.sol.name, handläggare: staff.hs.username, lagrum: 'SOL2025_11_1', omfattning: '4', omfattning_enhet: 'träffar_per_månad', antal_kontaktpersoner: '2' })};;ja;`,
    ].join('\n');
    const checked = (await upload('/api/import/check?kind=decisions', csv)).json();
    expect(checked.errors).toEqual([]);
    const before = await count(decisions);
    const done = await upload(`/api/import/jobs/${checked.id}/commit`, csv);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'committed', importedCount: 2 });
    expect(await count(decisions)).toBe(before + 2);
    const made = await rows<{ case_number: string; route: string; state: string; outcome: string; scope_unit: string; scope_amount: number; contact_person_count: number; home_care_tariff: boolean; reasons: string; status: string; decided_by: string }>(sql`
      select c.case_number, c.route, d.state, d.outcome, d.scope_unit, d.scope_amount, d.contact_person_count, d.home_care_tariff, d.reasons,
        d.decided_by::text, case_status(f, '2026-06-10'::date) as status
      from decisions d join cases c on c.id = d.case_id join case_facts f on f.case_id = c.id
      join persons p on p.id = c.person_id where p.identity_number = ${pnr(22)} order by c.route`);
    expect(made).toHaveLength(2);
    expect(made[0]).toMatchObject({ route: 'LSS', state: 'decided', outcome: 'granted', scope_unit: 'meetings_per_week', scope_amount: 1, contact_person_count: 1, reasons: 'Behov av en medmänniska.', decided_by: staff.hl.id });
    expect(made[1]).toMatchObject({ route: 'SOL', scope_unit: 'meetings_per_month', scope_amount: 4, contact_person_count: 2, home_care_tariff: true, decided_by: staff.hs.id });
    expect(made[1].reasons).toMatch(/överfört från det tidigare verksamhetssystemet/);
    // case_facts kept current by the triggers: the same status the rest of the app derives.
    for (const m of made) expect(m.status).toBe('granted');
    expect(new Set(made.map((m) => m.case_number)).size).toBe(2);
    const audited = await h.db.select().from(auditLog).where(eq(auditLog.action, 'decision.import'));
    expect(audited).toHaveLength(2);
    expect(audited[0].details).toMatchObject({ jobId: checked.id });
    // The handläggare finds the imported case among their own.
    const hl = await login(h.app, staff.hl.username);
    const mine = await hl.get('/api/cases?scope=mine');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(JSON.stringify(mine.json())).toContain(made[0].case_number);
  });

  it('all-or-nothing: a row that went bad after the dry run leaves no case, decision or case number', { timeout: 300_000 }, async () => {
    // More than one batch (IMPORT_BATCH rows), so the first batch is inserted before the bad row is read.
    const good = Array.from({ length: 5100 }, (_, i) => line({ personnummer: pnr(21 + (i % 3)) }));
    good.push(line({ personnummer: pnr(23), enhet: staff.sol.name, handläggare: staff.hs.username, lagrum: 'SOL2025_11_1' }));
    const csv = [HEADER, ...good].join('\n');
    const checked = (await upload('/api/import/check?kind=decisions', csv)).json();
    expect(checked.errorCount).toBe(0);
    // Meanwhile the SoL handläggare leaves: the last row's handläggare is no longer active.
    await h.db.execute(sql`update users set active = false where id = ${staff.hs.id}`);
    const counter = await rows<{ n: number }>(sql`select coalesce(max(last_number), 0)::int as n from case_number_counters where year = 2026`);
    const before = [await count(cases), await count(decisions)];
    const res = await upload(`/api/import/jobs/${checked.id}/commit`, csv);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/rad 5102, handläggare: Välj en aktiv handläggare/);
    expect([await count(cases), await count(decisions)]).toEqual(before);
    expect(await rows<{ n: number }>(sql`select coalesce(max(last_number), 0)::int as n from case_number_counters where year = 2026`)).toEqual(counter);
    await h.db.execute(sql`update users set active = true where id = ${staff.hs.id}`);
  });
});
