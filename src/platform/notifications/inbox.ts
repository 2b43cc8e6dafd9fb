// A user's own messages: the list (newest first), the unread count the header shows, and marking as read. Every
// query is limited to the signed-in user: another user's message is "not found", never shown or changed.
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { UseCaseContext } from '../context';
import type { Queryable } from '../db/connect';
import { readUseCase, writeUseCase } from '../db/transaction';
import { AppError } from '../errors';
import type { NotificationListOut, UnreadOut } from './schema';
import { notifications } from './tables';

const LIST_LIMIT = 100;

async function unreadOf(q: Queryable, userId: string): Promise<number> {
  const [r] = await q.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(r.n);
}

export function listNotifications(ctx: UseCaseContext): Promise<NotificationListOut> {
  return readUseCase(ctx, async (q) => {
    const rows = await q.select().from(notifications).where(eq(notifications.userId, ctx.actor.id)).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(LIST_LIMIT);
    return {
      items: rows.map((n) => ({ id: n.id, title: n.title, body: n.body, link: n.link, createdAt: n.createdAt.toISOString(), read: n.readAt !== null })),
      unread: await unreadOf(q, ctx.actor.id),
    };
  });
}

export function unreadCount(ctx: UseCaseContext): Promise<UnreadOut> {
  return readUseCase(ctx, async (q) => ({ unread: await unreadOf(q, ctx.actor.id) }));
}

/** Mark one of the user's own messages as read (again: no change). */
export function markRead(ctx: UseCaseContext, id: string): Promise<UnreadOut> {
  return writeUseCase(ctx, async (tx) => {
    const [n] = await tx.select({ id: notifications.id, readAt: notifications.readAt }).from(notifications).where(and(eq(notifications.id, id), eq(notifications.userId, ctx.actor.id)));
    if (!n) throw new AppError('NOT_FOUND', { message: 'Meddelandet finns inte.' });
    if (!n.readAt) await tx.update(notifications).set({ readAt: ctx.clock.now() }).where(eq(notifications.id, id));
    return { unread: await unreadOf(tx, ctx.actor.id) };
  });
}

export function markAllRead(ctx: UseCaseContext): Promise<UnreadOut> {
  return writeUseCase(ctx, async (tx) => {
    await tx.update(notifications).set({ readAt: ctx.clock.now() }).where(and(eq(notifications.userId, ctx.actor.id), isNull(notifications.readAt)));
    return { unread: 0 };
  });
}
