// The import on a real database through the HTTP API: a dry run's errors per row (and duplicates with registered
// persons), nothing written by a dry run, the commit refused for a file with errors or a different file, and
// all-or-nothing: a bad row 99 999 of 100 000 (changed after the dry run) leaves nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { buildStaff, login, personBody, setupHarness, type ApiClient, type Harness } from '../../test/support/harness';
import { auditLog } from '../platform/audit/tables';
import { persons } from '../people/tables';
import { contactPersons } from '../contact-persons/tables';
import { makePersonnummer } from '../people/fictitious';
import { fictitiousPersonsCsv } from './fictitious-file';

const erik = makePersonnummer('1980-01-01', 123, 'male');
import { importJobs } from './tables';

let h: Harness;
let admin: ApiClient;
let hl: ApiClient;

beforeAll(async () => {
  h = await setupHarness({ now: '2026-06-10T10:00:00+02:00' });
  const staff = await buildStaff(h);
  admin = await login(h.app, staff.admin.username);
  hl = await login(h.app, staff.hl.username);
});
afterAll(() => h.close());

function upload(c: ApiClient, url: string, body: string | Buffer, name = 'personer.csv') {
  return h.app.inject({ method: 'POST', url, headers: { cookie: c.cookie, 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name) }, payload: body });
}
const count = async (t: typeof persons | typeof contactPersons) => Number(((await h.db.execute(sql`select count(*)::int as n from ${t}`)) as unknown as { rows: { n: number }[] }).rows[0].n);

describe('import of persons', () => {
  it('is for the administrator only', async () => {
    const res = await upload(hl, '/api/import/check?kind=persons', fictitiousPersonsCsv(2));
    expect(res.statusCode).toBe(403);
  });

  it('a JSON body instead of the file is a Swedish 400, never a 500 (found by the authorisation matrix)', async () => {
    const check = await admin.post('/api/import/check?kind=persons', { file: 'x' });
    expect(check.statusCode, check.body).toBe(400);
    expect(check.json()).toMatchObject({ code: 'IMPORT_BAD_FILE', message: expect.stringMatching(/som en fil/) });
    const commit = await admin.post('/api/import/jobs/00000000-0000-4000-8000-000000000000/commit', {});
    expect(commit.statusCode, commit.body).toBe(400);
    expect(commit.json().code).toBe('IMPORT_BAD_FILE');
  });

  it('reports every row error in Swedish, writes nothing, and refuses the commit', async () => {
    const before = await count(persons);
    const existing = await hl.post('/api/persons', personBody(7));
    expect(existing.statusCode).toBe(201);
    const csv = [
      'personnummer;förnamn;efternamn;postnummer;skyddad_identitet',
      '19850314-1234;Anna;Andersson;123 45;nej', // wrong check digit
      `${personBody(7).identityNumber};Bo;Berg;;`, // already registered
      '20300101-0002;Cecilia;Ceder;;', // in the future
      `${erik};;Dahl;12;kanske`, // no first name, bad postcode, not ja/nej
      '',
      `${erik};Erik;Ek;;`, // fine
      `${erik};Erik;Ek;;`, // twice in the file
    ].join('\n');
    const res = await upload(admin, '/api/import/check?kind=persons', csv);
    expect(res.statusCode).toBe(201);
    const job = res.json();
    expect(job.rowCount).toBe(6);
    const by = (row: number) => job.errors.filter((e: { row: number }) => e.row === row).map((e: { column: string }) => e.column).sort();
    expect(by(2)).toEqual(['personnummer']);
    expect(job.errors.find((e: { row: number }) => e.row === 3).message).toMatch(/finns redan en person/);
    expect(job.errors.find((e: { row: number }) => e.row === 4).message).toMatch(/framtiden/);
    expect(by(5)).toEqual(['förnamn', 'postnummer', 'skyddad_identitet']);
    expect(by(7)).toEqual([]);
    expect(job.errors.find((e: { row: number }) => e.row === 8).message).toBe('Numret finns redan på rad 7 i filen.');
    expect(job.errorCount).toBe(7);
    expect(await count(persons)).toBe(before + 1);
    const commit = await upload(admin, `/api/import/jobs/${job.id}/commit`, csv);
    expect(commit.statusCode).toBe(409);
    expect(commit.json().code).toBe('IMPORT_HAS_ERRORS');
    expect(await count(persons)).toBe(before + 1);
  });

  it('reports a missing column and an unknown one at row 1', async () => {
    const res = await upload(admin, '/api/import/check?kind=persons', `personnummer,förnamn,födelseort\n${erik},Erik,Umeå\n`);
    const job = res.json();
    expect(job.separator).toBe(',');
    expect(job.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`).sort()).toEqual(['1:efternamn', '1:födelseort']);
  });

  it('caps the list but counts every error', async () => {
    const rows = Array.from({ length: 500 }, () => 'x;A;B');
    const res = await upload(admin, '/api/import/check?kind=persons', ['personnummer;förnamn;efternamn', ...rows].join('\n'));
    const job = res.json();
    expect(job.errorCount).toBe(500);
    expect(job.errors).toHaveLength(200);
  });

  it('commits all-or-nothing, only the same file, once; audits the file and each person', async () => {
    const csv = fictitiousPersonsCsv(3000, { seed: 5, from: 50_000 });
    const checked = (await upload(admin, '/api/import/check?kind=persons', csv)).json();
    expect(checked.errorCount).toBe(0);
    expect(checked.rowCount).toBe(3000);
    const other = await upload(admin, `/api/import/jobs/${checked.id}/commit`, `${csv}\n`);
    expect(other.json().code).toBe('IMPORT_FILE_CHANGED');
    const before = await count(persons);
    const done = await upload(admin, `/api/import/jobs/${checked.id}/commit`, csv);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'committed', importedCount: 3000 });
    expect(await count(persons)).toBe(before + 3000);
    const audited = await h.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.action, 'person.import'));
    expect(Number(audited[0].n)).toBe(3000);
    const [fileAudit] = await h.db.select().from(auditLog).where(eq(auditLog.action, 'import.commit'));
    expect(fileAudit.details).toMatchObject({ sha256: checked.sha256, imported: 3000 });
    const again = await upload(admin, `/api/import/jobs/${checked.id}/commit`, csv);
    expect(again.json().code).toBe('IMPORT_ALREADY_COMMITTED');
    const found = await hl.post('/api/persons/search', { query: csv.split('\r\n')[1].split(';')[3] });
    expect(found.statusCode).toBe(200);
    expect(found.json().items.length).toBeGreaterThan(0);
  });

  it('a bad row 99 999 at commit leaves nothing of the 100 000', async () => {
    // The dry run saw a clean file; a person registered since then makes row 99 999 a duplicate at commit.
    const csv = fictitiousPersonsCsv(100_000, { seed: 9, from: 200_000 });
    const checked = (await upload(admin, '/api/import/check?kind=persons', csv)).json();
    expect(checked.errorCount).toBe(0);
    const line = csv.split('\r\n')[99_999].split(';');
    const meanwhile = await hl.post('/api/persons', { ...personBody(1), identityNumber: line[0] });
    expect(meanwhile.statusCode).toBe(201);
    const before = await count(persons);
    const res = await upload(admin, `/api/import/jobs/${checked.id}/commit`, csv);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('IMPORT_HAS_ERRORS');
    expect(res.json().message).toMatch(/rad 100 000|rad 100000/);
    expect(await count(persons)).toBe(before);
    const [job] = await h.db.select().from(importJobs).where(eq(importJobs.id, checked.id));
    expect(job.status).toBe('checked');
  }, 900_000);
});

describe('import of contact persons', () => {
  it('checks as the register does, then imports', async () => {
    const csv = [
      'personnummer;förnamn;efternamn;epost;antal_uppdrag;ansökningsdatum;godkänd_datum',
      `${erik};Erik;Ek;erik@exempel.se;2;2025-01-10;2025-03-01`,
      `${erik};Erik;Ek;inte-epost;tjugo;2026-13-01;2025-03-01`,
    ].join('\n');
    const job = (await upload(admin, '/api/import/check?kind=contact_persons', csv, 'kp.csv')).json();
    expect(job.errors.map((e: { column: string }) => e.column).sort()).toEqual(['ansökningsdatum', 'antal_uppdrag', 'epost']);
    const good = csv.split('\n').slice(0, 2).join('\n');
    const ok = (await upload(admin, '/api/import/check?kind=contact_persons', good, 'kp.csv')).json();
    expect(ok.errorCount).toBe(0);
    const done = await upload(admin, `/api/import/jobs/${ok.id}/commit`, good);
    expect(done.json().importedCount).toBe(1);
    const [cp] = await h.db.select().from(contactPersons).where(eq(contactPersons.identityNumber, `${erik}`));
    expect(cp).toMatchObject({ firstName: 'Erik', capacity: 2, appliedDate: '2025-01-10', approvedDate: '2025-03-01', source: 'staff' });
  });
});
