// HTTP for kontaktpersonsträffar: the coordinator's unit schedules, changes, cancels and records attendance; the
// enhetschef reads; an invited contact person reads their own upcoming träffar (the portal shows them).
// validate → authorise (config.access; scope in the use case) → use case.
import { contextOf, type Api, type AppDeps } from '../platform/http/route-kit';
import { errorResponse } from '../platform/validation';
import { cancelMeeting, changeMeeting } from './change-meeting';
import { getMeeting, meetingCalendarFile } from './get-meeting';
import { listMeetings } from './list-meetings';
import { portalMeetingCalendarFile, portalMeetings } from './portal-meetings';
import { recordAttendance } from './record-attendance';
import { scheduleMeeting } from './schedule-meeting';
import { attendanceBody, cancelMeetingBody, changeMeetingBody, meetingIdParams, meetingListOut, meetingOut, meetingsQuery, portalMeetingsOut, scheduleMeetingBody } from './schema';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const tags = ['Kontaktpersonsträffar'];

export function registerCpMeetingRoutes(api: Api, deps: AppDeps) {
  const read = { access: { permission: 'cp-meeting:read' as const } };
  const write = { access: { permission: 'cp-meeting:write' as const } };
  const meetingOk = { 200: meetingOut, ...errors };

  api.get(
    '/api/cp-meetings',
    { config: read, schema: { tags, summary: 'Enhetens kontaktpersonsträffar', querystring: meetingsQuery, response: { 200: meetingListOut, ...errors } } },
    async (req) => listMeetings(contextOf(req, deps), req.query),
  );
  api.post(
    '/api/cp-meetings',
    { config: write, schema: { tags, summary: 'Planera kontaktpersonsträff och bjud in', body: scheduleMeetingBody, response: { 201: meetingOut, ...errors } } },
    async (req, reply) => reply.code(201).send(await scheduleMeeting(contextOf(req, deps), req.body)),
  );
  api.get('/api/cp-meetings/:id', { config: read, schema: { tags, summary: 'Visa kontaktpersonsträff', params: meetingIdParams, response: meetingOk } }, async (req) =>
    getMeeting(contextOf(req, deps), req.params.id),
  );
  api.put(
    '/api/cp-meetings/:id',
    { config: write, schema: { tags, summary: 'Ändra kontaktpersonsträff', params: meetingIdParams, body: changeMeetingBody, response: meetingOk } },
    async (req) => changeMeeting(contextOf(req, deps), req.params.id, req.body),
  );
  api.post(
    '/api/cp-meetings/:id/cancel',
    { config: write, schema: { tags, summary: 'Ställ in kontaktpersonsträff', params: meetingIdParams, body: cancelMeetingBody, response: meetingOk } },
    async (req) => cancelMeeting(contextOf(req, deps), req.params.id, req.body),
  );
  api.put(
    '/api/cp-meetings/:id/attendance',
    { config: write, schema: { tags, summary: 'Registrera närvaro', params: meetingIdParams, body: attendanceBody, response: meetingOk } },
    async (req) => recordAttendance(contextOf(req, deps), req.params.id, req.body),
  );
  api.get(
    '/api/cp-meetings/:id/kalender.ics',
    { config: read, schema: { tags, summary: 'Träffen som kalenderfil (.ics)', params: meetingIdParams, produces: ['text/calendar'] } },
    async (req, reply) => {
      const { ics, fileName } = await meetingCalendarFile(contextOf(req, deps), req.params.id);
      return reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`).send(ics);
    },
  );
  // The contact person's own (portal): the kontaktperson role's portal:read (staff get 403).
  const contactPerson = { access: { permission: 'portal:read' as const } };
  api.get('/api/portal/meetings', { config: contactPerson, schema: { tags, summary: 'Mina kommande kontaktpersonsträffar', response: { 200: portalMeetingsOut, ...errors } } }, async (req) =>
    portalMeetings(contextOf(req, deps)),
  );
  api.get(
    '/api/portal/meetings/:id/kalender.ics',
    { config: contactPerson, schema: { tags, summary: 'En träff jag är inbjuden till som kalenderfil (.ics)', params: meetingIdParams, produces: ['text/calendar'] } },
    async (req, reply) => {
      const { ics, fileName } = await portalMeetingCalendarFile(contextOf(req, deps), req.params.id);
      return reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`).send(ics);
    },
  );
}
