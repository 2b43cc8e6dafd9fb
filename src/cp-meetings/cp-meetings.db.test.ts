// Kontaktpersonsträffar through the HTTP API: scheduling invites the unit's active contact persons (stored per contact
// person) and tells the unit's other coordinators in the app, changing and cancelling, attendance from the day on,
// the .ics, scope and roles, stale versions, and the contact person's own list (staff get 403).
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStaff, buildUnit, buildUser, login, personBody, setupHarness, type ApiClient, type Harness } from '../../test/support/harness';
import { auditLog } from '../platform/audit/tables';
import { notifications } from '../platform/notifications/tables';
import { decisions, legalBases } from '../decisions/tables';
import { contactPersons } from '../contact-persons/tables';
import { assignments, offers } from '../assignments/tables';
import { upcomingMeetingsOf } from './portal-meetings';
import { cpMeetingInvitations } from './tables';

let h: Harness;
let staff: Awaited<ReturnType<typeof buildStaff>>;
let ks: ApiClient;
let colleague: { id: string; username: string };
let otherUnit: { id: string };
let order: { orderId: string; caseId: string; decisionId: string };
let n = 0;
const DAY = '2026-04-02';
const body = { date: DAY, time: '18:00', durationMinutes: 120, place: 'Träffpunkten, Storgatan 1', topic: 'Att sätta gränser', description: 'Fika och erfarenhetsutbyte.' };

beforeAll(async () => {
  h = await setupHarness({ now: '2026-03-16T10:00:00+01:00' });
  staff = await buildStaff(h);
  ks = await login(h.app, staff.ks.username);
  colleague = await buildUser(h.db, { role: 'kontaktsekreterare', unitId: staff.lss.id });
  otherUnit = await buildUnit(h.db, { route: 'LSS' });
  order = await ordered();
});
afterAll(() => h.close());

/** Sign in again (moving the clock ends the sessions). */
const as = (username: string) => login(h.app, username);

async function ordered() {
  const hl = await as(staff.hl.username);
  const p = await hl.post('/api/persons', personBody(7000, { firstName: 'Sara' }));
  const c = (await hl.post('/api/cases', { personId: p.json().id, route: 'LSS', requester: 'person', channel: 'phone', receivedDate: '2026-01-02' })).json();
  const [lb] = await h.db.select().from(legalBases).where(eq(legalBases.code, 'LSS_9_4'));
  const [dec] = await h.db
    .insert(decisions)
    .values({ caseId: c.id, state: 'decided', outcome: 'granted', reasons: 'Behovet är styrkt.', legalBasisId: lb.id, decisionDate: '2026-01-10', scopeUnit: 'meetings_per_week', scopeAmount: 1, level: 'niva1', contactPersonCount: 5, startDate: '2026-01-10', endDate: '2027-01-09' })
    .returning();
  const o = await hl.post(`/api/cases/${c.id}/order`, { decisionId: dec.id, providerUnitId: staff.lss.id });
  expect(o.statusCode, o.body).toBe(201);
  return { orderId: o.json().id as string, caseId: c.id as string, decisionId: dec.id };
}

/** A contact person, optionally with an assignment (inserted as the assignments stage leaves it) in a unit. */
async function contactPerson(o: { approvedDate?: string | null; endedDate?: string | null; assignment?: { startDate: string | null; endDate?: string | null; unitId?: string } } = {}) {
  const [cp] = await h.db
    .insert(contactPersons)
    .values({ identityNumber: `19800101${String(1000 + ++n).slice(-4)}`, firstName: `Kim${n}`, lastName: 'Kontakt', source: 'staff', appliedDate: '2025-01-01', approvedDate: o.approvedDate === undefined ? '2025-02-01' : o.approvedDate, endedDate: o.endedDate ?? null, endReason: o.endedDate ? 'withdrawn' : null, capacity: 3 })
    .returning();
  if (o.assignment) {
    const providerUnitId = o.assignment.unitId ?? staff.lss.id;
    const ended = o.assignment.endDate ?? null;
    const [f] = await h.db
      .insert(offers)
      .values({ orderId: order.orderId, decisionId: order.decisionId, caseId: order.caseId, providerUnitId, contactPersonId: cp.id, offeredDate: '2025-12-01', response: 'accepted', responseDate: '2025-12-02', ...(ended ? { closedDate: ended, closedReason: 'ended' as const } : {}) })
      .returning();
    await h.db.insert(assignments).values({
      offerId: f.id,
      orderId: order.orderId,
      decisionId: order.decisionId,
      caseId: order.caseId,
      providerUnitId,
      contactPersonId: cp.id,
      rateLevel: 'niva1',
      periodFrom: '2026-01-01',
      startDate: o.assignment.startDate,
      endDate: ended,
      endReason: ended ? 'other' : null,
    });
  }
  return cp;
}

const running = { startDate: '2026-01-15' };

describe('scheduling a träff', () => {
  it('invites the unit\'s active contact persons and tells the other coordinators of the unit', async () => {
    const a = await contactPerson({ assignment: running });
    const endsAfter = await contactPerson({ assignment: { startDate: '2026-01-15', endDate: '2026-04-30' } });
    await contactPerson({ assignment: { startDate: '2026-01-15', endDate: '2026-03-31' } }); // ended before the träff
    await contactPerson({ assignment: { startDate: null } }); // agreement, not started
    await contactPerson({ assignment: { ...running, unitId: otherUnit.id } }); // another unit's
    await contactPerson(); // approved, no assignment
    await contactPerson({ endedDate: '2026-03-20', assignment: running }); // the contact person has ended
    const res = await ks.post('/api/cp-meetings', body);
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json();
    expect(m).toMatchObject({ date: DAY, time: '18:00', endTime: '20:00', place: body.place, topic: body.topic, phase: 'upcoming', phaseLabel: 'Kommande', notified: 0, abilities: { canChange: true, canRecordAttendance: false } });
    expect(m.invitees.map((i: { contactPersonId: string }) => i.contactPersonId).sort()).toEqual([a.id, endsAfter.id].sort());
    expect(m.invitees.every((i: { attended: null; notified: boolean }) => i.attended === null && !i.notified)).toBe(true);
    // Stored per contact person: they reach the portal accounts once those exist.
    expect(await h.db.select().from(cpMeetingInvitations).where(eq(cpMeetingInvitations.meetingId, m.id))).toHaveLength(2);

    const colleagueInbox = (await (await as(colleague.username)).get('/api/notifications')).json();
    expect(colleagueInbox.items).toMatchObject([
      { title: `Ny kontaktpersonsträff ${DAY}`, body: 'Kontaktpersonsträff 2026-04-02 kl. 18:00–20:00, Träffpunkten, Storgatan 1. Tema: Att sätta gränser. 2 kontaktpersoner är inbjudna.', link: `/kontaktpersonstraffar/${m.id}`, read: false },
    ]);
    // Not the one who scheduled it, nor anyone outside the unit's coordinators.
    expect((await ks.get('/api/notifications')).json().items).toEqual([]);
    expect(await h.db.select().from(notifications).where(eq(notifications.userId, staff.hl.id))).toEqual([]);
  });

  it('refuses a day that has passed, a bad time and missing fields, and stores nothing', async () => {
    const before = (await ks.get('/api/cp-meetings')).json().items.length;
    const past = await ks.post('/api/cp-meetings', { ...body, date: '2026-03-15' });
    expect(past.statusCode).toBe(400);
    expect(past.json().fields).toEqual([{ path: 'date', message: 'Datumet har redan varit. Välj i dag eller ett senare datum.' }]);
    const time = await ks.post('/api/cp-meetings', { ...body, time: '25:00' });
    expect(time.json().fields).toEqual([{ path: 'time', message: 'Skriv tiden som TT:MM, till exempel 18:00.' }]);
    const empty = await ks.post('/api/cp-meetings', { date: DAY, time: '18:00', place: ' ', topic: '' });
    expect(empty.json().fields.map((f: { path: string }) => f.path).sort()).toEqual(['place', 'topic']);
    expect((await ks.get('/api/cp-meetings')).json().items.length).toBe(before);
  });

  it('is the coordinator\'s: the enhetschef reads, others may not; another unit does not see it', async () => {
    const m = (await ks.post('/api/cp-meetings', { ...body, topic: 'Roller' })).json();
    const ec = await as(staff.ec.username);
    expect((await ec.get(`/api/cp-meetings/${m.id}`)).statusCode).toBe(200);
    expect((await ec.get('/api/cp-meetings')).json()).toMatchObject({ canSchedule: false });
    expect((await ec.post('/api/cp-meetings', body)).statusCode).toBe(403);
    expect((await ec.put(`/api/cp-meetings/${m.id}`, { ...body, version: m.version })).statusCode).toBe(403);
    for (const u of [staff.hl, staff.admin, staff.lon, staff.revisor]) {
      const c = await as(u.username);
      expect((await c.get('/api/cp-meetings')).statusCode, u.username).toBe(403);
      expect((await c.post('/api/cp-meetings', body)).statusCode, u.username).toBe(403);
    }
    const other = await as((await buildUser(h.db, { role: 'kontaktsekreterare', unitId: otherUnit.id })).username);
    expect((await other.get(`/api/cp-meetings/${m.id}`)).statusCode).toBe(404);
    expect((await other.put(`/api/cp-meetings/${m.id}`, { ...body, version: m.version })).statusCode).toBe(404);
    expect((await other.get(`/api/cp-meetings/${m.id}/kalender.ics`)).statusCode).toBe(404);
    expect((await other.get('/api/cp-meetings')).json().items.map((x: { id: string }) => x.id)).not.toContain(m.id);
  });
});

describe('changing, cancelling, attendance', () => {
  it('changes an upcoming träff (stale version: 409) and tells the colleagues; gives its .ics', async () => {
    const m = (await ks.post('/api/cp-meetings', { ...body, topic: 'Sorg' })).json();
    const changed = await ks.put(`/api/cp-meetings/${m.id}`, { ...body, topic: 'Sorg', place: 'Stadsbiblioteket', version: m.version });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ place: 'Stadsbiblioteket', version: m.version + 1 });
    expect((await ks.put(`/api/cp-meetings/${m.id}`, { ...body, version: m.version })).statusCode).toBe(409);
    const inbox = (await (await as(colleague.username)).get('/api/notifications')).json();
    expect(inbox.items).toContainEqual(expect.objectContaining({ title: `Kontaktpersonsträffen ${DAY} är ändrad`, body: 'Nu gäller: 2026-04-02 kl. 18:00–20:00, Stadsbiblioteket. Tema: Sorg.' }));

    const ics = await ks.get(`/api/cp-meetings/${m.id}/kalender.ics`);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toMatch(/text\/calendar/);
    expect(ics.headers['content-disposition']).toBe(`attachment; filename="kontaktpersonstraff-${DAY}.ics"`);
    expect(ics.body).toContain('SUMMARY:Kontaktpersonsträff: Sorg');
    expect(ics.body).toContain('LOCATION:Stadsbiblioteket');
    expect(ics.body).toMatch(/DTSTART;TZID=Europe\/Stockholm:20260402T180000/);
    expect(ics.body).not.toMatch(/Kim\d|Kontakt,|Sara/);
  });

  it('cancels an upcoming träff; a cancelled one cannot be changed nor get attendance', async () => {
    const m = (await ks.post('/api/cp-meetings', { ...body, topic: 'Inställd' })).json();
    const c = await ks.post(`/api/cp-meetings/${m.id}/cancel`, { version: m.version, reason: 'Sjukdom.' });
    expect(c.statusCode, c.body).toBe(200);
    expect(c.json()).toMatchObject({ phase: 'cancelled', phaseLabel: 'Inställd', cancelReason: 'Sjukdom.', abilities: { canChange: false, canRecordAttendance: false } });
    const again = await ks.put(`/api/cp-meetings/${m.id}`, { ...body, version: c.json().version });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'CP_MEETING_CLOSED', message: 'Träffen är inställd och kan inte ändras.' });
    expect((await ks.put(`/api/cp-meetings/${m.id}/attendance`, { version: c.json().version, attendance: [{ contactPersonId: m.invitees[0].contactPersonId, attended: true }] })).statusCode).toBe(409);
  });

  it('records attendance from the day on, per invited contact person, audited; then lists it among the past', async () => {
    const m = (await ks.post('/api/cp-meetings', { ...body, topic: 'Närvaro' })).json();
    const [first, second] = m.invitees.map((i: { contactPersonId: string }) => i.contactPersonId);
    const early = await ks.put(`/api/cp-meetings/${m.id}/attendance`, { version: m.version, attendance: [{ contactPersonId: first, attended: true }] });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('CP_MEETING_NOT_HELD');

    h.clock.set('2026-04-02T21:00:00+02:00');
    const k = await as(staff.ks.username);
    const stranger = await contactPerson({ assignment: running });
    const notInvited = await k.put(`/api/cp-meetings/${m.id}/attendance`, { version: m.version, attendance: [{ contactPersonId: first, attended: true }, { contactPersonId: stranger.id, attended: true }] });
    expect(notInvited.statusCode).toBe(400);
    expect(notInvited.json().fields).toEqual([{ path: 'attendance.1.contactPersonId', message: 'Kontaktpersonen är inte inbjuden till träffen.' }]);
    const done = await k.put(`/api/cp-meetings/${m.id}/attendance`, { version: m.version, attendance: [{ contactPersonId: first, attended: true }, { contactPersonId: second, attended: false }] });
    expect(done.statusCode, done.body).toBe(200);
    expect(Object.fromEntries(done.json().invitees.map((i: { contactPersonId: string; attended: boolean }) => [i.contactPersonId, i.attended]))).toEqual({ [first]: true, [second]: false });
    // The version moved: a second tab with the old one gets 409.
    expect((await k.put(`/api/cp-meetings/${m.id}/attendance`, { version: m.version, attendance: [{ contactPersonId: first, attended: false }] })).statusCode).toBe(409);
    const audit = await h.db.select().from(auditLog).where(and(eq(auditLog.action, 'cp_meeting.attendance'), eq(auditLog.entityId, first)));
    expect(audit).toMatchObject([{ entityType: 'contact_person', details: { meetingId: m.id, attended: true } }]);

    h.clock.set('2026-04-03T09:00:00+02:00');
    const k2 = await as(staff.ks.username);
    const past = (await k2.get('/api/cp-meetings?when=past')).json().items;
    expect(past.find((x: { id: string }) => x.id === m.id)).toMatchObject({ phase: 'past', phaseLabel: 'Genomförd', invited: 2, present: 1, absent: 1 });
    expect((await k2.get('/api/cp-meetings?when=upcoming')).json().items.map((x: { id: string }) => x.id)).not.toContain(m.id);
    // Past: no more changes, attendance may still be corrected.
    const view = (await k2.get(`/api/cp-meetings/${m.id}`)).json();
    expect(view.abilities).toEqual({ canChange: false, canRecordAttendance: true });
    expect((await k2.put(`/api/cp-meetings/${m.id}`, { ...body, date: '2026-05-01', version: view.version })).statusCode).toBe(409);
    h.clock.set('2026-03-16T10:00:00+01:00');
    ks = await as(staff.ks.username);
  });
});

describe('the contact person\'s own träffar (portal)', () => {
  it('staff get 403 from the portal\'s list and calendar files', async () => {
    for (const u of [staff.ks, staff.hl, staff.admin]) {
      const c = await as(u.username);
      const res = await c.get('/api/portal/meetings');
      expect(res.statusCode, u.username).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
      expect((await c.get('/api/portal/meetings/00000000-0000-4000-8000-000000000000/kalender.ics')).statusCode).toBe(403);
    }
  });

  it('a contact person signed in to the portal gets the notice and sees their own träffar, not others\'', async () => {
    const invited = await contactPerson({ assignment: running });
    const outsider = await contactPerson({ assignment: { ...running, unitId: otherUnit.id } });
    const account = async (cpId: string) => {
      const invite = await ks.post(`/api/contact-persons/${cpId}/portal-invite`);
      expect(invite.statusCode, invite.body).toBe(200);
      const set = await h.app.inject({ method: 'POST', url: '/api/public/portal/password', payload: { token: invite.json().link.split('#')[1], password: 'mitt-långa-lösenord' } });
      expect(set.statusCode, set.body).toBe(200);
      return login(h.app, set.json().username, 'mitt-långa-lösenord', `10.8.0.${++n % 250}`);
    };
    const mine = await account(invited.id);
    const other = await account(outsider.id);
    const m = (await ks.post('/api/cp-meetings', { ...body, date: '2026-05-14', topic: 'Portalens träff' })).json();
    const list = await mine.get('/api/portal/meetings');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((x: { id: string }) => x.id)).toContain(m.id);
    expect((await mine.get(`/api/portal/meetings/${m.id}/kalender.ics`)).statusCode).toBe(200);
    expect((await other.get('/api/portal/meetings')).json().items.map((x: { id: string }) => x.id)).not.toContain(m.id);
    expect((await other.get(`/api/portal/meetings/${m.id}/kalender.ics`)).statusCode).toBe(404);
    // The invited contact person's account got the in-app notice; the outsider's did not.
    const notices = (await mine.get('/api/notifications')).json();
    expect(JSON.stringify(notices)).toContain('Portalens träff');
    expect(JSON.stringify((await other.get('/api/notifications')).json())).not.toContain('Portalens träff');
  });

  it('lists only the upcoming träffar the contact person is invited to, without who else comes', async () => {
    const invited = await contactPerson({ assignment: running });
    const outsider = await contactPerson({ assignment: { ...running, unitId: otherUnit.id } });
    const m = (await ks.post('/api/cp-meetings', { ...body, date: '2026-05-07', topic: 'Portalen' })).json();
    const mine = await upcomingMeetingsOf(h.db, invited.id, h.clock.today());
    expect(mine.items.map((x) => x.id)).toContain(m.id);
    expect(mine.items.find((x) => x.id === m.id)).toEqual({
      id: m.id,
      date: '2026-05-07',
      time: '18:00',
      endTime: '20:00',
      durationMinutes: 120,
      place: body.place,
      topic: 'Portalen',
      description: body.description,
      phase: 'upcoming',
      phaseLabel: 'Kommande',
    });
    expect((await upcomingMeetingsOf(h.db, outsider.id, h.clock.today())).items).toEqual([]);
  });
});
