import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildStaff, login, personBody, setupHarness, type ApiClient, type Harness } from '../../test/support/harness';
import { investigationReadiness } from './readiness';
import { DEFAULT_SOL_EXCLUSIONS, OTHER_SOURCES } from './rules';

let h: Harness;
let staff: Awaited<ReturnType<typeof buildStaff>>;
let hl: ApiClient;
let hl2: ApiClient;
let hs: ApiClient;
let n = 0;

beforeAll(async () => {
  h = await setupHarness({ now: '2026-03-16T10:00:00+01:00' }); // a Monday
  staff = await buildStaff(h);
  hl = await login(h.app, staff.hl.username);
  hl2 = await login(h.app, staff.hl2.username);
  hs = await login(h.app, staff.hs.username);
});
afterAll(() => h.close());

async function newCase(api: ApiClient = hl, o: { route?: 'LSS' | 'SOL'; ack?: 'phone' | 'letter' | null; person?: Record<string, unknown> } = {}) {
  const p = (await api.post('/api/persons', personBody(3000 + ++n, o.person ?? {}))).json();
  const route = o.route ?? 'LSS';
  const r = await api.post('/api/cases', { personId: p.id, route, requester: 'person', channel: 'phone', receivedDate: '2026-03-12' });
  expect(r.statusCode, r.body).toBe(201);
  const c = r.json();
  if (o.ack === null) return c;
  const a = await api.post(`/api/cases/${c.id}/acknowledge`, {
    version: c.version,
    acknowledgedDate: '2026-03-13',
    method: o.ack ?? 'letter',
    ...(route === 'LSS' ? { personkretsDocumentation: 'present', personkretsGroup: 1 } : {}),
  });
  expect(a.statusCode, a.body).toBe(200);
  return a.json();
}

const booking = { kind: 'office', date: '2026-03-20', time: '10:00', durationMinutes: 60, place: 'Kontoret, rum 3' };
const allSources = Object.fromEntries(OTHER_SOURCES.map((s) => [s, { answer: 'no' }]));

async function auditCount(action: string, caseId: string) {
  const r = (await h.db.execute(sql`select count(*)::int as n from audit_log where action = ${action} and entity_id = ${caseId}`)) as unknown as { rows: { n: number }[] };
  return Number(r.rows[0].n);
}

describe('booking the investigation', () => {
  it('books a meeting, which starts the investigation: the case is "under utredning"', async () => {
    const c = await newCase();
    const before = (await hl.get(`/api/cases/${c.id}/investigation`)).json();
    expect(before).toMatchObject({ exists: false, version: null, bookings: [], personKnown: false });
    const r = await hl.post(`/api/cases/${c.id}/investigation/bookings`, { ...booking, interpreterLanguage: 'Arabiska' });
    expect(r.statusCode, r.body).toBe(201);
    const inv = r.json();
    expect(inv).toMatchObject({ exists: true, startedDate: '2026-03-16', version: 1 });
    expect(inv.bookings).toHaveLength(1);
    expect(inv.bookings[0]).toMatchObject({ state: 'booked', kind: 'office', interpreterLanguage: 'Arabiska' });
    expect((await hl.get(`/api/cases/${c.id}`)).json().status).toBe('under_investigation');
    expect(await auditCount('investigation.book', c.id)).toBe(1);
    expect(await auditCount('investigation.read', c.id)).toBe(1);
  });

  it('allows phone only when the person is known (acknowledged by phone, or another case in the unit)', async () => {
    const unknown = await newCase();
    const refused = await hl.post(`/api/cases/${unknown.id}/investigation/bookings`, { ...booking, kind: 'phone', place: null });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'kind' }] });
    const byPhone = await newCase(hl, { ack: 'phone' });
    const ok = await hl.post(`/api/cases/${byPhone.id}/investigation/bookings`, { ...booking, kind: 'phone', place: null });
    expect(ok.statusCode, ok.body).toBe(201);
    // A second case of the same person in the same unit: known.
    const second = await hl.post('/api/cases', { personId: unknown.person.id, route: 'LSS', requester: 'person', channel: 'phone', receivedDate: '2026-03-14' });
    const s = second.json();
    await hl.post(`/api/cases/${s.id}/acknowledge`, { version: s.version, acknowledgedDate: '2026-03-14', method: 'letter', personkretsDocumentation: 'missing' });
    expect((await hl.get(`/api/cases/${s.id}/investigation`)).json().personKnown).toBe(true);
  });

  it('refuses bad input with stable codes and writes nothing', async () => {
    const c = await newCase();
    const url = `/api/cases/${c.id}/investigation/bookings`;
    const past = await hl.post(url, { ...booking, date: '2026-03-15' });
    expect(past.statusCode).toBe(400);
    expect(past.json().fields[0]).toMatchObject({ path: 'date' });
    expect(past.json().fields[0].message).toMatch(/redan varit/);
    expect((await hl.post(url, { ...booking, date: '2027-12-01' })).json().fields[0].path).toBe('date');
    expect((await hl.post(url, { ...booking, time: '25:00' })).json().fields[0].path).toBe('time');
    expect((await hl.post(url, { ...booking, durationMinutes: 0 })).json().fields[0].path).toBe('durationMinutes');
    expect((await hl.post(url, { ...booking, place: '' })).json().fields[0].path).toBe('place');
    expect((await hl.post(url, { ...booking, kind: 'video' })).statusCode).toBe(400);
    expect((await hl.get(`/api/cases/${c.id}/investigation`)).json().exists).toBe(false);
    // Not acknowledged yet: refused as a state, not a field.
    const fresh = await newCase(hl, { ack: null });
    const early = await hl.post(`/api/cases/${fresh.id}/investigation/bookings`, booking);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('CASE_NOT_ACKNOWLEDGED');
  });

  it('keeps one current booking; rebooking keeps the history; cancel and held change state', async () => {
    const c = await newCase();
    const first = (await hl.post(`/api/cases/${c.id}/investigation/bookings`, booking)).json();
    const again = await hl.post(`/api/cases/${c.id}/investigation/bookings`, booking);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('BOOKING_EXISTS');
    const b = first.bookings[0];
    const base = `/api/cases/${c.id}/investigation/bookings/${b.id}`;
    const re = await hl.post(`${base}/rebook`, { ...booking, version: b.version, kind: 'home', place: null, date: '2026-03-23', changeReason: 'Personen bad om hembesök.' });
    expect(re.statusCode, re.body).toBe(200);
    const bookings = re.json().bookings;
    expect(bookings).toHaveLength(2);
    const old = bookings.find((x: { id: string }) => x.id === b.id);
    const now = bookings.find((x: { id: string }) => x.id !== b.id);
    expect(old).toMatchObject({ state: 'rebooked', replacedById: now.id, changeReason: 'Personen bad om hembesök.', date: '2026-03-20' });
    expect(now).toMatchObject({ state: 'booked', kind: 'home', date: '2026-03-23' });
    // The old booking is history: it cannot be rebooked again (stale version or not current).
    expect((await hl.post(`${base}/rebook`, { ...booking, version: b.version })).statusCode).toBe(409);
    expect((await hl.post(`${base}/cancel`, { version: old.version })).json().code).toBe('BOOKING_NOT_CURRENT');
    // Held only once the day has come.
    const heldEarly = await hl.post(`/api/cases/${c.id}/investigation/bookings/${now.id}/held`, { version: now.version });
    expect(heldEarly.statusCode).toBe(400);
    const cancelled = await hl.post(`/api/cases/${c.id}/investigation/bookings/${now.id}/cancel`, { version: now.version, changeReason: 'Sjuk.' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().bookings.map((x: { state: string }) => x.state)).toEqual(['rebooked', 'cancelled']);
    // After a cancellation a new booking is allowed; booked today, it can be marked held today.
    const today = (await hl.post(`/api/cases/${c.id}/investigation/bookings`, { ...booking, date: '2026-03-16' })).json();
    const t = today.bookings.find((x: { state: string }) => x.state === 'booked');
    const held = await hl.post(`/api/cases/${c.id}/investigation/bookings/${t.id}/held`, { version: t.version });
    expect(held.statusCode, held.body).toBe(200);
    expect(await auditCount('investigation.rebook', c.id)).toBe(1);
    expect(await auditCount('investigation.cancel_booking', c.id)).toBe(1);
    expect(await auditCount('investigation.booking_held', c.id)).toBe(1);
  });

  it('gives the summons letter (PDF) and the calendar file (.ics), both logged', async () => {
    const c = await newCase();
    const b = (await hl.post(`/api/cases/${c.id}/investigation/bookings`, booking)).json().bookings[0];
    const pdf = await hl.get(`/api/cases/${c.id}/investigation/bookings/${b.id}/kallelse.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    const ics = await hl.get(`/api/cases/${c.id}/investigation/bookings/${b.id}/kalender.ics`);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    expect(ics.body).toContain('BEGIN:VEVENT');
    expect(ics.body).toContain('DTSTART;TZID=Europe/Stockholm:20260320T100000');
    expect(ics.body).toContain(c.caseNumber);
    expect(await auditCount('letter.investigation_summons', c.id)).toBe(1);
    expect(await auditCount('investigation.calendar_file', c.id)).toBe(1);
    expect((await hl.get(`/api/cases/${c.id}/investigation/bookings/00000000-0000-4000-8000-000000000000/kalender.ics`)).statusCode).toBe(404);
  });
});

describe('at the same time, and protected identity', () => {
  it('two bookings at once: one wins, the other gets 409 BOOKING_EXISTS', async () => {
    const c = await newCase();
    const url = `/api/cases/${c.id}/investigation/bookings`;
    const [a, b] = await Promise.all([hl.post(url, booking), hl2.post(url, booking)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect((a.statusCode === 409 ? a : b).json().code).toBe('BOOKING_EXISTS');
    expect((await hl.get(`/api/cases/${c.id}/investigation`)).json().bookings).toHaveLength(1);
  });

  it('two first drafts at once: one creates the investigation, the other gets 409', async () => {
    const c = await newCase();
    const url = `/api/cases/${c.id}/investigation`;
    const [a, b] = await Promise.all([hl.put(url, { version: null, needInOwnWords: 'A' }), hl2.put(url, { version: null, needInOwnWords: 'B' })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect((a.statusCode === 409 ? a : b).json().code).toBe('VERSION_CONFLICT');
  });

  it('prints a protected person\'s address in the summons only for a reader with the grant (logged)', async () => {
    const c = await newCase(hl, { person: { protectedIdentity: true } });
    const b = (await hl.post(`/api/cases/${c.id}/investigation/bookings`, booking)).json().bookings[0];
    expect((await hl.get(`/api/cases/${c.id}/investigation/bookings/${b.id}/kallelse.pdf`)).statusCode).toBe(200);
    const r = (await h.db.execute(sql`select details from audit_log where action = 'letter.investigation_summons' and entity_id = ${c.id}`)) as unknown as { rows: { details: { addressPrinted: boolean } }[] };
    expect(r.rows.map((x) => x.details.addressPrinted)).toEqual([false]);
  });
});

describe('the investigation form', () => {
  it('saves drafts with optimistic locking: a colleague saving an old version gets 409', async () => {
    const c = await newCase();
    const url = `/api/cases/${c.id}/investigation`;
    const created = await hl.put(url, { version: null, needInOwnWords: 'Vill gå på bio.' });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({ exists: true, version: 1, form: { needInOwnWords: 'Vill gå på bio.' } });
    // Both open version 1; the first saves, the second is refused.
    const a = await hl.put(url, { version: 1, needInOwnWords: 'Vill gå på bio och fika.' });
    expect(a.statusCode).toBe(200);
    const b = await hl2.put(url, { version: 1, assessment: 'Annat.' });
    expect(b.statusCode).toBe(409);
    expect(b.json().code).toBe('VERSION_CONFLICT');
    expect(b.json().message).toMatch(/Någon annan har ändrat/);
    // A first save that did not know of the row is a conflict too.
    expect((await hl2.put(url, { version: null })).statusCode).toBe(409);
    const after = (await hl.get(url)).json();
    expect(after).toMatchObject({ version: 2, form: { needInOwnWords: 'Vill gå på bio och fika.', assessment: null } });
    const rows = (await h.db.execute(sql`select details from audit_log where action = 'investigation.save' and entity_id = ${c.id} order by occurred_at, id`)) as unknown as { rows: { details: { fields: string[]; created: boolean } }[] };
    expect(rows.rows.map((r) => r.details.created)).toEqual([true, false]);
    expect(rows.rows[1].details.fields).toEqual(['needInOwnWords']);
  });

  it('refuses bad input: a future documentation date, ages the wrong way, an invalid personnummer, unknown codes', async () => {
    const c = await newCase();
    const url = `/api/cases/${c.id}/investigation`;
    const future = await hl.put(url, { version: null, personkretsDocumentationDate: '2026-03-17' });
    expect(future.statusCode).toBe(400);
    expect(future.json().fields).toEqual([{ path: 'personkretsDocumentationDate', message: 'Datumet kan inte vara senare än i dag.' }]);
    expect((await hl.put(url, { version: null, wishedAgeMin: 50, wishedAgeMax: 30 })).json().fields[0].path).toBe('wishedAgeMax');
    const pnr = await hl.put(url, { version: null, householdMembers: [{ name: 'Bror', identityNumber: '19850314-1234' }] });
    expect(pnr.statusCode).toBe(400);
    expect(pnr.json().fields[0].path).toBe('householdMembers.0.identityNumber');
    expect((await hl.put(url, { version: null, solExclusions: ['finns_inte'] })).json().fields[0].path).toBe('solExclusions');
    expect((await hl.put(url, { version: null, otherSources: { relatives: { answer: 'kanske' } } })).statusCode).toBe(400);
    expect((await hl.put(url, { version: null, personkretsGroup: 4 })).statusCode).toBe(400);
    expect((await hl.get(url)).json().exists).toBe(false);
    // A valid household member's number is stored with the century.
    const ok = await hl.put(url, { version: null, householdMembers: [{ name: 'Bror', relation: 'Bror', identityNumber: personBody(1).identityNumber.slice(2) }] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().form.householdMembers[0].identityNumber).toBe(personBody(1).identityNumber);
  });

  it('computes the warnings, and completing is refused until every source is answered and every warning has a reason', async () => {
    const c = await newCase();
    const url = `/api/cases/${c.id}/investigation`;
    let inv = (await hl.put(url, { version: null, livingSituation: 'group_home', otherSources: { relatives: { answer: 'yes', note: 'Syster' } } })).json();
    expect(inv.warnings.map((w: { code: string }) => w.code)).toEqual(['lss_personkrets_undocumented', 'lss_residence', 'need_met_otherwise']);
    expect(inv.unansweredSources).toHaveLength(5);
    expect(inv.missingReasons).toEqual(['lss_personkrets_undocumented', 'lss_residence', 'need_met_otherwise']);
    const refused = await hl.post(`${url}/complete`, { version: inv.version });
    expect(refused.statusCode).toBe(400);
    const paths = refused.json().fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual([
      'otherSources.associations',
      'otherSources.school',
      'otherSources.other_activities',
      'otherSources.network',
      'otherSources.residence_staff',
      'warningReasons.lss_personkrets_undocumented',
      'warningReasons.lss_residence',
      'warningReasons.need_met_otherwise',
    ]);
    inv = (
      await hl.put(url, {
        version: inv.version,
        livingSituation: 'group_home',
        personkretsGroup: 1,
        personkretsDocumentation: 'Intyg',
        personkretsDocumentationDate: '2026-03-10',
        otherSources: { ...allSources, relatives: { answer: 'yes', note: 'Syster' } },
        warningReasons: { lss_residence: 'Boendet har ingen fritid utanför.', need_met_otherwise: '   ' },
      })
    ).json();
    expect(inv.missingReasons).toEqual(['need_met_otherwise']);
    const still = await hl.post(`${url}/complete`, { version: inv.version });
    expect(still.json().fields.map((f: { path: string }) => f.path)).toEqual(['warningReasons.need_met_otherwise']);
    inv = (await hl.put(url, { ...inv.form, version: inv.version, warningReasons: { lss_residence: 'Boendet har ingen fritid utanför.', need_met_otherwise: 'Systern bor långt bort.' } })).json();
    const done = await hl.post(`${url}/complete`, { version: inv.version });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ completedDate: '2026-03-16', abilities: { canEdit: false } });
    expect(done.json().form.warningReasons.lss_residence).toBe('Boendet har ingen fritid utanför.');
    // Completed: no more edits, and the decision stage reads it as ready.
    const edit = await hl.put(url, { version: done.json().version });
    expect(edit.json().code).toBe('INVESTIGATION_COMPLETED');
    const ready = await investigationReadiness(h.db, c.id, '2026-03-16', { solMinAge: 19, solExclusions: DEFAULT_SOL_EXCLUSIONS });
    expect(ready).toMatchObject({ exists: true, completed: true, unansweredSources: [], missingReasons: [] });
    expect(ready.warnings.map((w) => w.code)).toEqual(['lss_residence', 'need_met_otherwise']);
    expect(await auditCount('investigation.complete', c.id)).toBe(1);
    // The record prints each warning with its reason.
    const pdf = await hl.get(`${url}/utredning.pdf`);
    expect(pdf.statusCode).toBe(200);
    const file = path.join(os.tmpdir(), `utredning-${c.id}.pdf`);
    fs.writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    fs.rmSync(file);
    expect(text).toContain('Personen bor i gruppbostad. Individuell prövning krävs.');
    expect(text).toContain('Boendet har ingen fritid utanför.');
    expect(text).toContain('Systern bor långt bort.');
    expect(await auditCount('letter.investigation_record', c.id)).toBe(1);
  });

  it('SoL: the criteria are answered and the age limit and exclusions warn', async () => {
    // Born 2010: 16 years old on 2026-03-16.
    const young = { identityNumber: '201003142385' };
    const c = await newCase(hs, { route: 'SOL', person: young });
    const url = `/api/cases/${c.id}/investigation`;
    const inv = (await hs.put(url, { version: null, solExclusions: ['dementia'], otherSources: allSources })).json();
    expect(inv.warnings.map((w: { code: string }) => w.code)).toEqual(['sol_under_age', 'sol_exclusion']);
    expect(inv.warnings[1].message).toMatch(/Demenssjukdom: hemtjänst kan vara rätt insats/);
    expect(inv.solCriteria.map((x: { code: string }) => x.code)).toContain('isolated');
    const refused = await hs.post(`${url}/complete`, { version: inv.version });
    expect(refused.json().fields.map((f: { path: string }) => f.path)).toEqual([
      'solCriteria.isolated',
      'solCriteria.lasting',
      'solCriteria.going_out',
      'solCriteria.no_competence',
      'solCriteria.society',
      'warningReasons.sol_under_age',
      'warningReasons.sol_exclusion',
    ]);
    const ready = await investigationReadiness(h.db, c.id, '2026-03-16', { solMinAge: 16, solExclusions: [] });
    expect(ready.warnings).toEqual([]);
  });

  it('keeps to the case scope: another unit gets 404, a role without the permission 403', async () => {
    const c = await newCase();
    expect((await hs.get(`/api/cases/${c.id}/investigation`)).statusCode).toBe(404);
    expect((await hs.put(`/api/cases/${c.id}/investigation`, { version: null })).statusCode).toBe(404);
    expect((await hs.post(`/api/cases/${c.id}/investigation/bookings`, booking)).statusCode).toBe(404);
    const ks = await login(h.app, staff.ks.username);
    expect((await ks.post(`/api/cases/${c.id}/investigation/bookings`, booking)).statusCode).toBe(403);
    expect((await ks.get(`/api/cases/${c.id}/investigation`)).statusCode).toBe(403);
    // The enhetschef of the unit may book.
    const ec = await login(h.app, staff.ec.username);
    expect((await ec.post(`/api/cases/${c.id}/investigation/bookings`, booking)).statusCode).toBe(201);
  });

  it('readiness of a case without an investigation: nothing answered (and no record to print)', async () => {
    const c = await newCase();
    expect((await hl.get(`/api/cases/${c.id}/investigation/utredning.pdf`)).json().code).toBe('INVESTIGATION_NOT_STARTED');
    const r = await investigationReadiness(h.db, c.id, '2026-03-16', { solMinAge: 19, solExclusions: DEFAULT_SOL_EXCLUSIONS });
    expect(r).toMatchObject({ exists: false, completed: false, missingReasons: ['lss_personkrets_undocumented'], householdMembers: [] });
    expect(r.unansweredSources).toEqual([...OTHER_SOURCES]);
  });
});
