// The portal's daily housekeeping (Area.maintenance): remind contact persons of monthly reports that are due and
// not sent in. One notice per assignment and month (its link names both, so a later run finds it and sends none
// again); the e-mail, when the user has chosen e-mail, says only that there is a new message (notifications).
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../platform/db/connect';
import { toStockholmDate } from '../platform/clock';
import { notify } from '../platform/notifications/notify';
import { notifications } from '../platform/notifications/tables';
import { users } from '../platform/tables';
import { loadDueReports } from './report-lists';
import { monthLabel, reminderText } from './rules';

export const REPORT_DUE_KIND = 'report_due';

/** The link of a reminder: the assignment's reports, with the month (what makes the reminder one of a kind). */
export function reminderLink(assignmentId: string, month: string): string {
  return `/portalen/uppdrag/${assignmentId}?manad=${month}#rapporter`;
}

export async function portalMaintenance(db: Db, now: Date): Promise<void> {
  const due = await loadDueReports(db, toStockholmDate(now));
  if (due.length === 0) return;
  await db.transaction(async (tx) => {
    const accounts = await tx
      .select({ id: users.id, contactPersonId: users.contactPersonId })
      .from(users)
      .where(and(inArray(users.contactPersonId, [...new Set(due.map((d) => d.contactPersonId))]), eq(users.active, true)));
    const userOf = new Map(accounts.map((a) => [a.contactPersonId!, a.id] as const));
    const links = due.map((d) => reminderLink(d.assignmentId, d.month));
    const sent = new Set(
      (
        await tx
          .select({ userId: notifications.userId, link: notifications.link })
          .from(notifications)
          .where(and(eq(notifications.kind, REPORT_DUE_KIND), inArray(notifications.link, links)))
      ).map((n) => `${n.userId} ${n.link}`),
    );
    for (const d of due) {
      const userId = userOf.get(d.contactPersonId);
      const link = reminderLink(d.assignmentId, d.month);
      if (!userId || sent.has(`${userId} ${link}`)) continue;
      await notify(tx, { userIds: [userId], kind: REPORT_DUE_KIND, title: `Månadsrapporten för ${monthLabel(d.month)}`, body: reminderText(d), link }, now);
    }
  });
}
