// HTTP for notifications: every signed-in user's own messages (list, unread count for the header, mark as read) and
// e-mail choice; the administrator's e-mail outbox. validate → authorise (config.access) → use case.
import { contextOf, type Api, type AppDeps } from '../http/route-kit';
import { errorResponse } from '../validation';
import { getEmailPreference, setEmailPreference } from './email-preference';
import { listNotifications, markAllRead, markRead, unreadCount } from './inbox';
import { listOutbox } from './outbox';
import { emailPreferenceBody, emailPreferenceOut, notificationIdParams, notificationListOut, outboxOut, outboxQuery, unreadOut } from './schema';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const tags = ['Meddelanden'];
const own = { access: 'authenticated' as const };

export function registerNotificationRoutes(api: Api, deps: AppDeps) {
  api.get('/api/notifications', { config: own, schema: { tags, summary: 'Mina meddelanden', response: { 200: notificationListOut, ...errors } } }, async (req) =>
    listNotifications(contextOf(req, deps)),
  );
  api.get('/api/notifications/unread', { config: own, schema: { tags, summary: 'Antal olästa meddelanden', response: { 200: unreadOut, ...errors } } }, async (req) =>
    unreadCount(contextOf(req, deps)),
  );
  api.post(
    '/api/notifications/:id/read',
    { config: own, schema: { tags, summary: 'Markera meddelandet som läst', params: notificationIdParams, response: { 200: unreadOut, ...errors } } },
    async (req) => markRead(contextOf(req, deps), req.params.id),
  );
  api.post('/api/notifications/read-all', { config: own, schema: { tags, summary: 'Markera alla meddelanden som lästa', response: { 200: unreadOut, ...errors } } }, async (req) =>
    markAllRead(contextOf(req, deps)),
  );
  api.get('/api/notifications/email', { config: own, schema: { tags, summary: 'Mitt val av e-post för meddelanden', response: { 200: emailPreferenceOut, ...errors } } }, async (req) =>
    getEmailPreference(contextOf(req, deps)),
  );
  api.put(
    '/api/notifications/email',
    { config: own, schema: { tags, summary: 'Välj om meddelanden också ska aviseras med e-post', body: emailPreferenceBody, response: { 200: emailPreferenceOut, ...errors } } },
    async (req) => setEmailPreference(contextOf(req, deps), req.body),
  );
  api.get(
    '/api/admin/email-outbox',
    { config: { access: { permission: 'admin:settings' } }, schema: { tags, summary: 'E-post som skickats eller väntar', querystring: outboxQuery, response: { 200: outboxOut, ...errors } } },
    async (req) => listOutbox(contextOf(req, deps), req.query),
  );
}
