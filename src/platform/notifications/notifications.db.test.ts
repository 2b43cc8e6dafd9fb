// Notifications through the HTTP API and the e-mail worker against a real (tiny, in-process) SMTP server.
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildStaff, buildUser, login, setupHarness, type ApiClient, type Harness } from '../../../test/support/harness';
import { engine } from '../../../test/support/db';
import { startSmtpSink, type SmtpSink } from '../../../test/support/smtp-sink';
import { smtpTransport, type MailTransport } from './mailer';
import { notify } from './notify';
import { EMAIL_SUBJECT, MAX_EMAIL_ATTEMPTS } from './rules';
import { emailOutbox, notifications } from './tables';
import { claimEmails, deliverDue } from './worker';
import { runMaintenance } from '../maintenance';

let h: Harness;
let staff: Awaited<ReturnType<typeof buildStaff>>;
let ks: ApiClient;
let hl: ApiClient;
let admin: ApiClient;
let sink: SmtpSink;
let transport: MailTransport;
const opts = { from: 'Kontakt <kontakt@demo.se>', publicUrl: 'https://kontakt.demo.se' };
// Something a caller might put in the in-app text; it must never reach an e-mail.
const PRIVATE = { kind: 'test', title: 'Anna Svensson, KP-2026-0001', body: 'Träff med Anna på Storgatan 1.', link: '/arenden/x' };

const START = '2026-03-16T10:00:00+01:00';

beforeAll(async () => {
  h = await setupHarness({ now: START });
  staff = await buildStaff(h);
  sink = await startSmtpSink();
  transport = smtpTransport(sink.url);
});
afterAll(async () => {
  transport.close();
  await sink.close();
  await h.close();
});
beforeEach(async () => {
  // Tests move the clock by hours, which ends sessions: start each one at the same time, signed in afresh.
  h.clock.set(START);
  [ks, hl, admin] = await Promise.all([login(h.app, staff.ks.username), login(h.app, staff.hl.username), login(h.app, staff.admin.username)]);
  await h.db.delete(emailOutbox);
  await h.db.delete(notifications);
  sink.messages.length = 0;
  sink.refuse = () => null;
});

const send = (userIds: string[], notice = PRIVATE) => h.db.transaction((tx) => notify(tx, { ...notice, userIds }, h.clock.now()));
const outbox = () => h.db.select().from(emailOutbox).orderBy(emailOutbox.createdAt, emailOutbox.recipient);
/** The message body as text (nodemailer writes non-ASCII as quoted-printable). */
const bodyOf = (data: string) => {
  const body = data.slice(data.indexOf('\r\n\r\n') + 4).replace(/=\r\n/g, '');
  return Buffer.from(body.replace(/=([0-9A-F]{2})/g, (_m, x: string) => String.fromCharCode(Number.parseInt(x, 16))), 'latin1').toString('utf8');
};

describe('the in-app list: every user sees and marks only their own', () => {
  it('lists the own messages with the unread count, marks one and all as read', async () => {
    await send([staff.ks.id, staff.hl.id]);
    await send([staff.ks.id], { ...PRIVATE, title: 'Andra' });
    const mine = (await ks.get('/api/notifications')).json();
    expect(mine.unread).toBe(2);
    expect(mine.items.map((n: { title: string }) => n.title).sort()).toEqual(['Andra', PRIVATE.title]);
    expect((await ks.get('/api/notifications/unread')).json()).toEqual({ unread: 2 });
    const theirs = (await hl.get('/api/notifications')).json();
    expect(theirs.items).toHaveLength(1);
    // Another user's message: not found, and left unread.
    const foreign = await ks.post(`/api/notifications/${theirs.items[0].id}/read`);
    expect(foreign.statusCode).toBe(404);
    expect((await hl.get('/api/notifications/unread')).json()).toEqual({ unread: 1 });
    expect((await ks.post(`/api/notifications/${mine.items[0].id}/read`)).json()).toEqual({ unread: 1 });
    expect((await ks.post(`/api/notifications/${mine.items[0].id}/read`)).json()).toEqual({ unread: 1 });
    expect((await ks.post('/api/notifications/read-all')).json()).toEqual({ unread: 0 });
    expect((await ks.get('/api/notifications')).json().items.every((n: { read: boolean }) => n.read)).toBe(true);
    expect((await hl.get('/api/notifications/unread')).json()).toEqual({ unread: 1 });
  });

  it('needs a session', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
  });

  it('writes nothing when the caller\'s transaction rolls back', async () => {
    await ks.put('/api/notifications/email', { emailEnabled: true, email: 'karin@kommun.se' });
    await expect(
      h.db.transaction(async (tx) => {
        await notify(tx, { ...PRIVATE, userIds: [staff.ks.id] }, h.clock.now());
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await h.db.select().from(notifications)).toEqual([]);
    expect(await outbox()).toEqual([]);
  });

  it('skips inactive users and repeated ids', async () => {
    const gone = await buildUser(h.db, { role: 'handlaggare', unitId: staff.lss.id, active: false });
    expect(await send([staff.hl.id, staff.hl.id, gone.id])).toEqual({ notified: 1, emails: 0 });
  });
});

describe('e-mail: the user chooses, the outbox holds one row per recipient with an address', () => {
  it('needs an address to switch e-mail on', async () => {
    const res = await hl.put('/api/notifications/email', { emailEnabled: true, email: '' });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ path: 'email', message: 'Skriv den e-postadress meddelandena ska skickas till.' }]);
    const bad = await hl.put('/api/notifications/email', { emailEnabled: true, email: 'inte-en-adress' });
    expect(bad.json().fields[0].path).toBe('email');
  });

  it('queues an e-mail only for those who asked; the administrator sees what would be sent without SMTP', async () => {
    expect((await ks.put('/api/notifications/email', { emailEnabled: true, email: 'karin@kommun.se' })).json()).toEqual({ email: 'karin@kommun.se', emailEnabled: true, smtpConfigured: false });
    expect((await ks.get('/api/notifications/email')).json()).toEqual({ email: 'karin@kommun.se', emailEnabled: true, smtpConfigured: false });
    await hl.put('/api/notifications/email', { emailEnabled: false, email: 'hanna@kommun.se' });
    expect(await send([staff.ks.id, staff.hl.id])).toEqual({ notified: 2, emails: 1 });
    const rows = await outbox();
    expect(rows).toMatchObject([{ recipient: 'karin@kommun.se', subject: EMAIL_SUBJECT, status: 'pending', attempts: 0, userId: staff.ks.id }]);
    // Nothing of the message is stored for the e-mail: the subject is the fixed one, and there is no body column.
    expect(JSON.stringify(rows)).not.toMatch(/Anna|Storgatan|KP-2026/);

    const page = (await admin.get('/api/admin/email-outbox')).json();
    expect(page.smtpConfigured).toBe(false);
    expect(page.counts).toEqual({ pending: 1, sending: 0, sent: 0, failed: 0 });
    expect(page.items).toMatchObject([{ recipient: 'karin@kommun.se', subject: EMAIL_SUBJECT, status: 'pending', attempts: 0, lastError: null }]);
    expect((await admin.get('/api/admin/email-outbox?status=sent')).json().items).toEqual([]);
    expect((await ks.get('/api/admin/email-outbox')).statusCode).toBe(403);
    expect((await hl.get('/api/admin/email-outbox')).statusCode).toBe(403);
  });
});

describe('the worker sends through SMTP', () => {
  beforeEach(async () => {
    await ks.put('/api/notifications/email', { emailEnabled: true, email: 'karin@kommun.se' });
  });

  it('sends the fixed text with the link, and nothing of the message', async () => {
    await send([staff.ks.id]);
    expect(await deliverDue(h.db, transport, h.clock, opts)).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(sink.messages).toHaveLength(1);
    const [m] = sink.messages;
    expect(m.to).toEqual(['karin@kommun.se']);
    expect(m.from).toBe('kontakt@demo.se');
    expect(m.data).toContain(`Subject: ${EMAIL_SUBJECT}`);
    expect(bodyOf(m.data).trim()).toBe('Du har ett nytt meddelande i Kontakt.\r\n\r\nLogga in för att läsa det: https://kontakt.demo.se/meddelanden');
    expect(m.data).not.toMatch(/Anna|Svensson|Storgatan|KP-2026|arenden/);
    expect(await outbox()).toMatchObject([{ status: 'sent', attempts: 1, sentAt: h.clock.now(), lastError: null, leaseUntil: null }]);
    // Sent is sent: the next round finds nothing.
    expect(await deliverDue(h.db, transport, h.clock, opts)).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(sink.messages).toHaveLength(1);
  });

  it('tries again with backoff (1, 2 … minutes) and records the failure as codes only', async () => {
    await send([staff.ks.id]);
    let refusals = 2;
    sink.refuse = () => (refusals-- > 0 ? 451 : null);
    const start = h.clock.now().getTime();
    expect(await deliverDue(h.db, transport, h.clock, opts)).toEqual({ sent: 0, retried: 1, failed: 0 });
    let [row] = await outbox();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'Error EENVELOPE 451' });
    expect(row.nextAttemptAt.getTime() - start).toBe(60_000);
    // Not due yet: nothing is claimed.
    h.clock.advance(59_000);
    expect(await deliverDue(h.db, transport, h.clock, opts)).toEqual({ sent: 0, retried: 0, failed: 0 });
    h.clock.advance(1_000);
    expect(await deliverDue(h.db, transport, h.clock, opts)).toEqual({ sent: 0, retried: 1, failed: 0 });
    [row] = await outbox();
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
    expect(row.nextAttemptAt.getTime() - h.clock.now().getTime()).toBe(120_000);
    h.clock.advance(120_000);
    expect(await deliverDue(h.db, transport, h.clock, opts)).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await outbox()).toMatchObject([{ status: 'sent', attempts: 3, lastError: null }]);
    expect(sink.messages).toHaveLength(1);
  });

  it('gives up after the last attempt; the outbox page shows it', async () => {
    await send([staff.ks.id]);
    sink.refuse = () => 550;
    for (let i = 1; i <= MAX_EMAIL_ATTEMPTS; i++) {
      const r = await deliverDue(h.db, transport, h.clock, opts);
      expect(r).toEqual(i < MAX_EMAIL_ATTEMPTS ? { sent: 0, retried: 1, failed: 0 } : { sent: 0, retried: 0, failed: 1 });
      h.clock.advance(6 * 60 * 60_000);
    }
    expect(await deliverDue(h.db, transport, h.clock, opts)).toEqual({ sent: 0, retried: 0, failed: 0 });
    const page = (await (await login(h.app, staff.admin.username)).get('/api/admin/email-outbox')).json();
    expect(page.items).toMatchObject([{ status: 'failed', attempts: MAX_EMAIL_ATTEMPTS, lastError: 'Error EENVELOPE 550' }]);
    expect(page.items[0].lastError).not.toContain('karin');
  });

  it('an unreachable server is a retry, not a crash', async () => {
    await send([staff.ks.id]);
    const closed = smtpTransport('smtp://127.0.0.1:9');
    expect(await deliverDue(h.db, closed, h.clock, opts)).toEqual({ sent: 0, retried: 1, failed: 0 });
    closed.close();
    expect((await outbox())[0].lastError).toMatch(/^Error (ECONNREFUSED|ESOCKET|ECONNECTION)/);
  });

  it('takes back a row whose sender died mid-send once its lease has run out', async () => {
    await send([staff.ks.id]);
    expect(await claimEmails(h.db, h.clock.now())).toHaveLength(1);
    expect(await claimEmails(h.db, h.clock.now())).toHaveLength(0);
    h.clock.advance(5 * 60_000 + 1);
    expect(await deliverDue(h.db, transport, h.clock, opts)).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await outbox()).toMatchObject([{ status: 'sent', attempts: 2 }]);
  });
});

describe('housekeeping', () => {
  it('removes finished e-mail rows after 90 days and read messages after a year, nothing else', async () => {
    await ks.put('/api/notifications/email', { emailEnabled: true, email: 'karin@kommun.se' });
    await send([staff.ks.id]);
    await send([staff.ks.id]);
    await deliverDue(h.db, transport, h.clock, { ...opts, limit: 1 });
    const [first] = (await ks.get('/api/notifications')).json().items;
    await ks.post(`/api/notifications/${first.id}/read`);
    h.clock.advance(91 * 86_400_000);
    await runMaintenance(h.database, h.clock, h.config.sessionIdleMinutes);
    expect((await outbox()).map((r) => r.status)).toEqual(['pending']);
    expect(await h.db.select().from(notifications)).toHaveLength(2);
    h.clock.advance(365 * 86_400_000);
    await runMaintenance(h.database, h.clock, h.config.sessionIdleMinutes);
    expect((await h.db.select().from(notifications)).map((n) => n.readAt)).toEqual([null]);
  });
});

describe.runIf(engine === 'postgres')('several instances (PostgreSQL)', () => {
  beforeEach(async () => {
    await ks.put('/api/notifications/email', { emailEnabled: true, email: 'karin@kommun.se' });
  });

  it('a worker skips rows another holds, instead of waiting or taking them', async () => {
    for (let i = 0; i < 6; i++) await send([staff.ks.id]);
    const all = (await outbox()).map((r) => r.id);
    const held = all.slice(0, 3);
    await h.db.transaction(async (tx) => {
      await tx.select({ id: emailOutbox.id }).from(emailOutbox).where(inArray(emailOutbox.id, held)).for('update');
      // Another connection while the rows are locked: it must not block, and must not take them.
      const other = await claimEmails(h.db, h.clock.now());
      expect(other.map((r) => r.id).sort()).toEqual(all.slice(3).sort());
    });
  });

  it('two workers sending at once deliver every e-mail exactly once', async () => {
    for (let i = 0; i < 30; i++) await send([staff.ks.id]);
    const second = smtpTransport(sink.url);
    // Small batches, so the two interleave: each claims while the other sends.
    const drain = async (t: MailTransport) => {
      let sent = 0;
      for (;;) {
        const r = await deliverDue(h.db, t, h.clock, { ...opts, limit: 3 });
        if (r.sent === 0) return sent;
        sent += r.sent;
      }
    };
    const [a, b] = await Promise.all([drain(transport), drain(second)]);
    second.close();
    expect(a + b).toBe(30);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    expect(sink.messages).toHaveLength(30);
    expect(await h.db.select().from(emailOutbox).where(eq(emailOutbox.status, 'sent'))).toHaveLength(30);
    expect((await outbox()).every((r) => r.attempts === 1)).toBe(true);
  });
});
