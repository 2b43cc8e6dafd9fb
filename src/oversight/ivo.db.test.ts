// The IVO report on a real database (PGlite and PostgreSQL), through the HTTP API: the record mapped to the rule's
// input (hand-made timelines of one unit), the sheets' fields, the stand-in id kept for the series, consequences with
// the optimistic version, submission (enhetschef only), the frozen quarter reproducible byte for byte, the exports
// and the audit rows; and the SQL prefilter proven to drop nothing the pure function reports, on a generated set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq, sql } from 'drizzle-orm';
import { buildStaff, login, setupHarness, type ApiClient, type Harness } from '../../test/support/harness';
import { generateIvoDecisions } from '../../scripts/generate-ivo';
import { persons } from '../people/tables';
import { cases } from '../intake/tables';
import { decisions, followUps, legalBases } from '../decisions/tables';
import { executionDeadline } from '../decisions/rules';
import { orders } from '../orders/tables';
import { contactPersons } from '../contact-persons/tables';
import { assignmentInterruptions, assignments, offers } from '../assignments/tables';
import { ivoQuarterReports } from './rules';
import { loadIvoCandidates } from './ivo-repo';
import type { IvoQuarterOut } from './ivo-schema';

let h: Harness;
let staff: Awaited<ReturnType<typeof buildStaff>>;
let hl: ApiClient;
let ec: ApiClient;
let ecSol: ApiClient;
let ks: ApiClient;
let revisor: ApiClient;
let cpId: string;
let n = 0;

beforeAll(async () => {
  h = await setupHarness({ now: '2027-01-20T10:00:00+01:00' });
  staff = await buildStaff(h);
  hl = await login(h.app, staff.hl.username);
  ec = await login(h.app, staff.ec.username);
  ecSol = await login(h.app, staff.ecSol.username);
  ks = await login(h.app, staff.ks.username);
  revisor = await login(h.app, staff.revisor.username);
  const [cp] = await h.db
    .insert(contactPersons)
    .values({ identityNumber: '197001010001', firstName: 'Kim', lastName: 'Andersson', source: 'staff', appliedDate: '2025-01-01', approvedDate: '2025-02-01', capacity: 20 })
    .returning();
  cpId = cp.id;
});
afterAll(() => h.close());

async function basis(code: string) {
  const [lb] = await h.db.select().from(legalBases).where(eq(legalBases.code, code));
  return lb.id;
}

/** One person's case with a favourable decision and what happened after it (earlier stages' rows inserted directly). */
async function timeline(o: {
  decisionDate: string;
  executed?: string;
  declinedOffer?: string;
  interruption?: { from: string; resumed?: string };
  basis?: string;
  person?: Partial<typeof persons.$inferInsert>;
  unitId?: string;
  responsible?: string;
}) {
  n++;
  const [p] = await h.db
    .insert(persons)
    .values({ identityNumber: `19800101${String(1000 + n)}`, idKind: 'personnummer', firstName: 'Ivo', lastName: `Fall${n}`, ...o.person })
    .returning();
  const unitId = o.unitId ?? staff.lss.id;
  const [c] = await h.db
    .insert(cases)
    .values({ caseNumber: `IVO-T-${n}`, personId: p.id, route: 'LSS', unitId, responsibleUserId: o.responsible ?? staff.hl.id, requester: 'person', channel: 'phone', receivedDate: '2025-12-01' })
    .returning();
  const [d] = await h.db
    .insert(decisions)
    .values({ caseId: c.id, state: 'decided', outcome: 'granted', reasons: 'Sällskap.', legalBasisId: await basis(o.basis ?? 'LSS_9_4'), decisionDate: o.decisionDate, scopeUnit: 'meetings_per_week', scopeAmount: 1, contactPersonCount: 1 })
    .returning();
  const [ord] = await h.db.insert(orders).values({ caseId: c.id, decisionId: d.id, providerUnitId: unitId, sentDate: o.decisionDate, sentBy: staff.hl.id }).returning();
  if (o.declinedOffer)
    await h.db.insert(offers).values({ orderId: ord.id, decisionId: d.id, caseId: c.id, providerUnitId: unitId, contactPersonId: cpId, offeredDate: o.declinedOffer, response: 'declined', responseDate: o.declinedOffer, closedReason: 'declined', closedDate: o.declinedOffer });
  if (o.executed) {
    const [off] = await h.db
      .insert(offers)
      .values({ orderId: ord.id, decisionId: d.id, caseId: c.id, providerUnitId: unitId, contactPersonId: cpId, offeredDate: o.executed, response: 'accepted', responseDate: o.executed })
      .returning();
    const [a] = await h.db
      .insert(assignments)
      .values({ offerId: off.id, orderId: ord.id, decisionId: d.id, caseId: c.id, providerUnitId: unitId, contactPersonId: cpId, rateLevel: 'niva1', periodFrom: o.executed, startDate: o.executed })
      .returning();
    if (o.interruption) await h.db.insert(assignmentInterruptions).values({ assignmentId: a.id, fromDate: o.interruption.from, reason: 'Kontaktpersonen är sjuk.', resumedDate: o.interruption.resumed ?? null });
  }
  return { personId: p.id, caseNumber: c.caseNumber, decisionId: d.id };
}

const csvText = (res: { rawPayload: Buffer }) => res.rawPayload.toString('utf8');

describe('the IVO quarter of a unit', () => {
  let t: Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'S', Awaited<ReturnType<typeof timeline>>>;
  let q4: IvoQuarterOut;

  beforeAll(async () => {
    t = {
      A: await timeline({ decisionDate: '2026-06-01', declinedOffer: '2026-06-10' }),
      B: await timeline({ decisionDate: '2026-08-01', executed: '2026-10-15' }),
      C: await timeline({ decisionDate: '2026-07-01', executed: '2026-11-20' }),
      D: await timeline({ decisionDate: '2026-05-02', person: { identityNumber: 'R-IVO-0001', idKind: 'reservnummer', sex: 'female', birthDate: '2010-03-14' } }),
      E: await timeline({ decisionDate: '2026-05-01', basis: 'SOL2001_4_2' }),
      F: await timeline({ decisionDate: '2026-01-10', executed: '2026-02-01', interruption: { from: '2026-08-20' } }),
      G: await timeline({ decisionDate: '2026-06-15', person: { protectedIdentity: true } }),
      S: await timeline({ decisionDate: '2026-06-01', unitId: staff.sol.id, responsible: staff.hs.id }),
    };
    const res = await ec.get('/api/ivo/quarters/2026-Q4');
    expect(res.statusCode, res.body).toBe(200);
    q4 = res.json();
  });

  it('maps the record to the rule: late, executed late, interrupted; not the ones in time, on another basis or in another unit', () => {
    expect(q4.reports.map((r) => [r.caseNumber, r.kind, r.executedDate, r.round])).toEqual([
      [t.D.caseNumber, 'beslut', null, 'follow_up'],
      [t.A.caseNumber, 'beslut', null, 'follow_up'],
      [t.G.caseNumber, 'beslut', null, 'follow_up'],
      [t.C.caseNumber, 'beslut', '2026-11-20', 'first'],
      [t.F.caseNumber, 'avbrott', null, 'first'],
    ]);
    expect(q4.frozen).toBeNull();
    expect(q4.abilities).toEqual({ canEdit: true, canSubmit: true });
  });

  it('each sheet carries what IVO’s form asks, with the free text from the record', () => {
    const a = q4.reports.find((r) => r.caseNumber === t.A.caseNumber)!;
    expect(a).toMatchObject({ insats: 'Biträde av kontaktperson', legalBasis: 'LSS 9 § 4', decisionDate: '2026-06-01', interruptionDate: null, consequences: null, submittedDate: null });
    expect(a.person).toMatchObject({ idNumber: '19800101-1001', idNumberKind: 'personnummer', protectedIdentity: false });
    expect(a.reasons).toEqual(['Ingen lämplig kontaktperson', 'Den enskilde har tackat nej till erbjudande']);
    expect(a.freeText).toContain('Erbjudanden: 2026-06-10 (personen tackade nej 2026-06-10).');
    const g = q4.reports.find((r) => r.caseNumber === t.G.caseNumber)!;
    expect(g.freeText).toContain('Personen har skyddad identitet.');
    expect(g.freeText).toContain('Inga erbjudanden har lämnats.');
    const f = q4.reports.find((r) => r.kind === 'avbrott')!;
    expect(f).toMatchObject({ interruptionDate: '2026-08-20', decisionDate: '2026-01-10' });
    expect(f.freeText).toContain('Avbrottet: Kontaktpersonen är sjuk.');
  });

  it('a person without a personnummer gets a stand-in with the sex digit in the third position, kept for the series', async () => {
    const d = q4.reports.find((r) => r.caseNumber === t.D.caseNumber)!;
    expect(d.person).toMatchObject({ idNumber: '20100314-T100', idNumberKind: 'stand_in' });
    const q1 = (await ec.get('/api/ivo/quarters/2027-Q1')).json() as IvoQuarterOut;
    const d1 = q1.reports.find((r) => r.caseNumber === t.D.caseNumber)!;
    expect(d1.person.idNumber).toBe('20100314-T100');
    expect(d1.seriesId).toBe(d.seriesId);
  });

  it('who may see and do what: others 403, another unit sees its own, the auditors every unit', async () => {
    expect((await ks.get('/api/ivo/quarters/2026-Q4')).statusCode).toBe(403);
    const sol = (await ecSol.get('/api/ivo/quarters/2026-Q4')).json() as IvoQuarterOut;
    expect(sol.reports.map((r) => r.caseNumber)).toEqual([t.S.caseNumber]);
    const rev = await revisor.get(`/api/ivo/quarters/2026-Q4?unitId=${staff.lss.id}`);
    expect(rev.statusCode, rev.body).toBe(200);
    expect(rev.json().reports).toHaveLength(5);
    expect(rev.json().abilities).toEqual({ canEdit: false, canSubmit: false });
    const a = q4.reports[1];
    const hlSubmit = await hl.post(`/api/ivo/reports/${a.id}/submit`, { submittedDate: '2027-01-10', version: a.version });
    expect(hlSubmit.statusCode).toBe(403);
    const other = await ecSol.put(`/api/ivo/reports/${a.id}`, { consequences: 'X', version: a.version });
    expect(other.statusCode).toBe(404);
    const reads = await h.db.execute(sql`select count(*)::int as n from audit_log where action = 'ivo.quarter_read' and person_id = ${t.A.personId}`);
    expect(Number((reads as unknown as { rows: { n: number }[] }).rows[0].n)).toBeGreaterThan(0);
  });

  it('consequences are written with the version read; submission needs them, a date after the quarter, and the enhetschef', async () => {
    const a = q4.reports.find((r) => r.caseNumber === t.A.caseNumber)!;
    const put = await hl.put(`/api/ivo/reports/${a.id}`, { consequences: 'Personen har ingen att träffa på fritiden.', interimSupport: 'Ledsagning varannan vecka.', extraReason: 'circumstances', version: a.version });
    expect(put.statusCode, put.body).toBe(200);
    const stale = await hl.put(`/api/ivo/reports/${a.id}`, { consequences: 'Annat.', version: a.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('IVO_REPORT_VERSION_CONFLICT');
    const d = q4.reports.find((r) => r.caseNumber === t.D.caseNumber)!;
    const missing = await ec.post(`/api/ivo/reports/${d.id}/submit`, { submittedDate: '2027-01-10', version: d.version });
    expect(missing.statusCode).toBe(409);
    expect(missing.json().code).toBe('IVO_CONSEQUENCES_MISSING');
    const early = await ec.post(`/api/ivo/reports/${a.id}/submit`, { submittedDate: '2026-12-01', version: put.json().version });
    expect(early.statusCode).toBe(400);
    const audit = await h.db.execute(sql`select action, details from audit_log where entity_id = ${a.id} and action = 'ivo.report_update'`);
    expect((audit as unknown as { rows: { details: { fields: string[] } }[] }).rows[0].details.fields).toEqual(['consequences', 'interimSupport', 'extraReason']);
    const again = (await ec.get('/api/ivo/quarters/2026-Q4')).json() as IvoQuarterOut;
    const a2 = again.reports.find((r) => r.id === a.id)!;
    expect(a2.reasons).toContain('Den enskildes situation');
    expect(a2.interimSupport).toBe('Ledsagning varannan vecka.');
    expect(a2.freeText).toContain('Insatser under väntetiden: Ledsagning varannan vecka.');
  });

  it('when every report is submitted the quarter is frozen, and stays the same byte for byte when the record changes', async () => {
    let cur = (await ec.get('/api/ivo/quarters/2026-Q4')).json() as IvoQuarterOut;
    for (const r of cur.reports) {
      let version = r.version;
      if (!r.consequences) {
        const put = await ec.put(`/api/ivo/reports/${r.id}`, { consequences: `Konsekvenser för ${r.caseNumber}.`, version });
        expect(put.statusCode, put.body).toBe(200);
        version = put.json().version;
      }
      const sub = await ec.post(`/api/ivo/reports/${r.id}/submit`, { submittedDate: '2027-01-15', version });
      expect(sub.statusCode, sub.body).toBe(200);
      expect(sub.json().frozen).toBe(r === cur.reports.at(-1));
    }
    cur = (await ec.get('/api/ivo/quarters/2026-Q4')).json();
    expect(cur.frozen).not.toBeNull();
    expect(cur.abilities).toEqual({ canEdit: false, canSubmit: false });
    expect(cur.reports.every((r) => r.submittedDate === '2027-01-15')).toBe(true);
    const csv1 = await ec.get('/api/ivo/quarters/2026-Q4/export.csv');
    const xlsx1 = await ec.get('/api/ivo/quarters/2026-Q4/export.xlsx');
    const pdf1 = await ec.get('/api/ivo/quarters/2026-Q4/export.pdf');
    expect(pdf1.headers['content-type']).toBe('application/pdf');
    // The record changes after the freeze: A is executed in January. The frozen quarter does not move.
    const [ord] = await h.db.select().from(orders).where(eq(orders.decisionId, t.A.decisionId));
    const [c] = await h.db.select().from(cases).where(eq(cases.caseNumber, t.A.caseNumber));
    const [off] = await h.db.insert(offers).values({ orderId: ord.id, decisionId: t.A.decisionId, caseId: c.id, providerUnitId: staff.lss.id, contactPersonId: cpId, offeredDate: '2027-01-02', response: 'accepted', responseDate: '2027-01-03' }).returning();
    await h.db.insert(assignments).values({ offerId: off.id, orderId: ord.id, decisionId: t.A.decisionId, caseId: c.id, providerUnitId: staff.lss.id, contactPersonId: cpId, rateLevel: 'niva1', periodFrom: '2027-01-05', startDate: '2027-01-05' });
    const after = (await ec.get('/api/ivo/quarters/2026-Q4')).json() as IvoQuarterOut;
    expect(after).toEqual(cur);
    const csv2 = await ec.get('/api/ivo/quarters/2026-Q4/export.csv');
    const xlsx2 = await ec.get('/api/ivo/quarters/2026-Q4/export.xlsx');
    const pdf2 = await ec.get('/api/ivo/quarters/2026-Q4/export.pdf');
    expect(pdf2.rawPayload.equals(pdf1.rawPayload)).toBe(true);
    expect(csv2.rawPayload.equals(csv1.rawPayload)).toBe(true);
    expect(xlsx2.rawPayload.equals(xlsx1.rawPayload)).toBe(true);
    expect(csv1.headers['x-content-sha256']).toBe(csv2.headers['x-content-sha256']);
    const text = csvText(csv1);
    expect(text.startsWith('\uFEFFPeriod;Rapport;Enhet;Ärende;Personnummer;Insats;Lagrum;Beslutsdatum;Avbrottsdatum;Verkställt datum;Avslutat datum;Orsak till avslut;Delvis verkställt;Fritext;Konsekvenser för den enskilde;Inrapporterad\r\n')).toBe(true);
    const lines = text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(6);
    expect(lines[1]).toMatch(new RegExp(`^2026-Q4;Uppföljande rapport;[^;]*;${t.D.caseNumber};20100314-T100;Biträde av kontaktperson;LSS 9 § 4;2026-05-02;;;;;;`));
    expect(lines[4]).toContain(`${t.C.caseNumber};19800101-1003;Biträde av kontaktperson;LSS 9 § 4;2026-07-01;;2026-11-20;`);
    expect(text).toContain(';2027-01-15');
    // A frozen quarter refuses changes.
    const frozenPut = await ec.put(`/api/ivo/reports/${cur.reports[0].id}`, { consequences: 'Ändrat.', version: cur.reports[0].version });
    expect(frozenPut.statusCode).toBe(409);
    expect(frozenPut.json().code).toBe('IVO_QUARTER_FROZEN');
    const freezes = await h.db.execute(sql`select count(*)::int as n from audit_log where action = 'ivo.quarter_freeze'`);
    expect(Number((freezes as unknown as { rows: { n: number }[] }).rows[0].n)).toBe(1);
    const exports = await h.db.execute(sql`select count(*)::int as n from audit_log where action = 'ivo.export' and person_id = ${t.D.personId}`);
    // Six files (CSV, .xlsx and PDF, twice), each a read of every person in it.
    expect(Number((exports as unknown as { rows: { n: number }[] }).rows[0].n)).toBe(6);
  });

  it('the council’s statistics: per insats, unexecuted decisions and interruptions on the last day, with the days waited', async () => {
    const res = await ec.get('/api/ivo/quarters/2026-Q4/statistics.csv');
    expect(res.statusCode).toBe(200);
    const lines = csvText(res).replace('\uFEFF', '').trimEnd().split('\r\n');
    expect(lines).toEqual([
      'Period;Insats;Ej verkställda beslut;Avbrott;Typ;Sedan;Dagar till periodens slut',
      '2026-Q4;Biträde av kontaktperson;3;1;Summa;;',
      '2026-Q4;Biträde av kontaktperson;;;Beslut;2026-05-02;243',
      '2026-Q4;Biträde av kontaktperson;;;Beslut;2026-06-01;213',
      '2026-Q4;Biträde av kontaktperson;;;Beslut;2026-06-15;199',
      '2026-Q4;Biträde av kontaktperson;;;Avbrott;2026-08-20;133',
    ]);
    const pdf = await ec.get('/api/ivo/quarters/2026-Q4/statistics.pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('the SQL prefilter', () => {
  it('drops nothing the pure function reports (generated record, every quarter of three years)', async () => {
    await generateIvoDecisions(h.db, {
      n: 400,
      seed: 7,
      today: '2027-01-20',
      unitId: staff.sol.id,
      userId: staff.hs.id,
      reportableBasisId: await basis('LSS_9_4'),
      otherBasisId: await basis('SOL2001_4_2'),
      lateShare: 0.3,
      mode: 'record',
    });
    let reported = 0;
    for (const y of ['2025', '2026', '2027']) {
      for (const q of [1, 2, 3, 4]) {
        const quarter = `${y}-Q${q}`;
        const all = await loadIvoCandidates(h.db, { quarter, unitId: staff.sol.id, prefilter: false });
        const some = await loadIvoCandidates(h.db, { quarter, unitId: staff.sol.id });
        const expected = ivoQuarterReports(all, quarter);
        expect(ivoQuarterReports(some, quarter)).toEqual(expected);
        if (expected.length) expect(some.length).toBeLessThan(all.length);
        reported += expected.length;
      }
    }
    // The set is not trivial: beslut and avbrott reports, open and with an outcome.
    expect(reported).toBeGreaterThan(50);
    const r = ivoQuarterReports(await loadIvoCandidates(h.db, { quarter: '2026-Q4', unitId: staff.sol.id }), '2026-Q4');
    expect(new Set(r.map((x) => x.kind))).toEqual(new Set(['beslut', 'avbrott']));
    expect(r.some((x) => x.outcome?.kind === 'verkställt')).toBe(true);
  });
});

/** The prefilter against the pure function alone, for one unit over the quarters of 2025–2027. */
async function expectPrefilterExact(unitId: string) {
  for (const y of ['2025', '2026', '2027'])
    for (const q of [1, 2, 3, 4]) {
      const quarter = `${y}-Q${q}`;
      const all = await loadIvoCandidates(h.db, { quarter, unitId, prefilter: false });
      const some = await loadIvoCandidates(h.db, { quarter, unitId });
      expect(ivoQuarterReports(some, quarter), quarter).toEqual(ivoQuarterReports(all, quarter));
    }
}

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

async function clock(sourceId: string) {
  const [c] = rowsOf<{ deadline: string; resolved: string | null }>(
    await h.db.execute(sql`select deadline::text, resolved::text from ivo_clocks where source_id = ${sourceId}`),
  );
  return c ?? null;
}

async function candidateIds(quarter: string, unitId: string) {
  return (await loadIvoCandidates(h.db, { quarter, unitId })).map((c) => c.id);
}

describe('the kept clocks (ivo_clocks) follow the record', () => {
  it('ivo_deadline in SQL is executionDeadline (fast-check over dates, month ends and leap days included)', async () => {
    const day = fc.integer({ min: 0, max: 365 * 60 }).map((n) => new Date(Date.UTC(1990, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    const ends = fc.constantFrom('2024-02-29', '2023-11-30', '2024-11-30', '2025-11-29', '2026-08-31', '2026-05-31', '2025-12-31', '2028-11-30');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(day, ends), { minLength: 1, maxLength: 200 }), async (dates) => {
        const got = rowsOf<{ since: string; deadline: string }>(
          await h.db.execute(sql`select s::text as since, ivo_deadline(s)::text as deadline from unnest(${`{${dates.join(',')}}`}::date[]) s`),
        );
        expect(got.map((r) => [r.since, r.deadline])).toEqual(dates.map((d) => [d, executionDeadline(d)]));
      }),
      { numRuns: 20 },
    );
  });

  it('an execution recorded after the fact, an interruption resumed, a decision ended or replaced: the clock moves, the prefilter stays exact', async () => {
    const unitId = staff.sol.id;
    const on = { unitId, responsible: staff.hs.id };
    const late = await timeline({ ...on, decisionDate: '2026-01-10' });
    const inTime = await timeline({ ...on, decisionDate: '2026-03-01', executed: '2026-04-01' });
    const interrupted = await timeline({ ...on, decisionDate: '2026-01-05', executed: '2026-02-01', interruption: { from: '2026-03-01' } });
    const ended = await timeline({ ...on, decisionDate: '2026-02-01' });
    const replaced = await timeline({ ...on, decisionDate: '2026-02-02' });

    expect(await clock(late.decisionId)).toEqual({ deadline: executionDeadline('2026-01-10'), resolved: null });
    expect(await clock(inTime.decisionId)).toBeNull(); // executed within three months: never reported, never read
    expect(await candidateIds('2026-Q2', unitId)).toContain(late.decisionId);
    expect(await candidateIds('2026-Q2', unitId)).not.toContain(inTime.decisionId);
    await expectPrefilterExact(unitId);

    // Executed late, recorded afterwards: reported up to the quarter of the execution, then no more.
    const [c] = await h.db.select().from(cases).where(eq(cases.caseNumber, late.caseNumber));
    const [ord] = await h.db.select().from(orders).where(eq(orders.decisionId, late.decisionId));
    const [off] = await h.db
      .insert(offers)
      .values({ orderId: ord.id, decisionId: late.decisionId, caseId: c.id, providerUnitId: unitId, contactPersonId: cpId, offeredDate: '2026-08-01', response: 'accepted', responseDate: '2026-08-01' })
      .returning();
    await h.db.insert(assignments).values({ offerId: off.id, orderId: ord.id, decisionId: late.decisionId, caseId: c.id, providerUnitId: unitId, contactPersonId: cpId, rateLevel: 'niva1', periodFrom: '2026-08-01', startDate: '2026-08-01' });
    expect((await clock(late.decisionId))?.resolved).toBe('2026-08-01');
    expect(await candidateIds('2026-Q3', unitId)).toContain(late.decisionId);
    expect(await candidateIds('2026-Q4', unitId)).not.toContain(late.decisionId);

    // The interruption resumed.
    const [intr] = rowsOf<{ id: string }>(
      await h.db.execute(sql`select ai.id from assignment_interruptions ai join assignments a on a.id = ai.assignment_id where a.decision_id = ${interrupted.decisionId}`),
    );
    expect(await clock(intr.id)).toEqual({ deadline: '2026-06-01', resolved: null });
    await h.db.update(assignmentInterruptions).set({ resumedDate: '2026-07-15' }).where(eq(assignmentInterruptions.id, intr.id));
    expect((await clock(intr.id))?.resolved).toBe('2026-07-15');
    expect(await candidateIds('2026-Q4', unitId)).not.toContain(interrupted.decisionId);

    // Ended at a follow-up.
    await h.db.insert(followUps).values({ decisionId: ended.decisionId, date: '2026-06-10', result: 'end', note: 'Behovet har upphört.' });
    expect((await clock(ended.decisionId))?.resolved).toBe('2026-06-10');
    expect(await candidateIds('2026-Q3', unitId)).not.toContain(ended.decisionId);

    // Replaced by a new decision: the old clock stops on the new decision's date, the new one runs.
    const [rc] = await h.db.select().from(cases).where(eq(cases.caseNumber, replaced.caseNumber));
    const [next] = await h.db
      .insert(decisions)
      .values({ caseId: rc.id, previousDecisionId: replaced.decisionId, state: 'decided', outcome: 'granted', reasons: 'Nytt beslut.', legalBasisId: await basis('LSS_9_4'), decisionDate: '2026-07-01', scopeUnit: 'meetings_per_week', scopeAmount: 1, contactPersonCount: 1 })
      .returning();
    expect((await clock(replaced.decisionId))?.resolved).toBe('2026-07-01');
    expect(await clock(next.id)).toEqual({ deadline: '2026-10-01', resolved: null });
    await expectPrefilterExact(unitId);

    // The kept table equals its source (what a refresh from scratch would give).
    const drift = rowsOf<{ n: number }>(
      await h.db.execute(sql`select count(*)::int as n from (
        (select source_id, case_id, kind, since, deadline, resolved from ivo_clocks_source where resolved is null or resolved > deadline
         except select source_id, case_id, kind, since, deadline, resolved from ivo_clocks)
        union all
        (select source_id, case_id, kind, since, deadline, resolved from ivo_clocks
         except select source_id, case_id, kind, since, deadline, resolved from ivo_clocks_source)) x`),
    );
    expect(Number(drift[0].n)).toBe(0);
  });
});

describe('a frozen quarter', () => {
  it('cannot be updated in the database, by anyone', async () => {
    const [f] = rowsOf<{ unit_id: string; quarter: string }>(await h.db.execute(sql`select unit_id, quarter from ivo_quarters limit 1`));
    expect(f).toBeDefined();
    const refused = async (q: ReturnType<typeof sql>) => {
      try {
        await h.db.execute(q);
        return null;
      } catch (e) {
        let x: unknown = e;
        while (x && typeof x === 'object' && !('code' in x) && 'cause' in x) x = (x as { cause: unknown }).cause;
        return (x as { code?: string }).code ?? 'no code';
      }
    };
    expect(await refused(sql`update ivo_quarters set snapshot = '[]' where unit_id = ${f.unit_id} and quarter = ${f.quarter}`)).toBe('42501');
    expect(await refused(sql`update ivo_quarters set sha256 = sha256 where unit_id = ${f.unit_id}`)).toBe('42501');
    const [after] = rowsOf<{ n: number }>(await h.db.execute(sql`select count(*)::int as n from ivo_quarters where snapshot = '[]'`));
    expect(Number(after.n)).toBe(0);
  });
});
