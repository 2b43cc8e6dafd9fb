// HTTP for the investigation: validate → authorise (config.access) → use case → present.
import { contextOf, type Api, type AppDeps } from '../platform/http/route-kit';
import { errorResponse } from '../platform/validation';
import { caseIdParams } from '../intake/schema';
import { bookInvestigation } from './book-investigation';
import { cancelBooking, markBookingHeld, rebookInvestigation } from './change-booking';
import { completeInvestigation } from './complete-investigation';
import { createCalendarFile, createSummonsLetter } from './create-summons';
import { createInvestigationRecord } from './create-investigation-record';
import { getInvestigation } from './get-investigation';
import { saveInvestigation } from './save-investigation';
import { bookBody, bookingHeldBody, bookingParams, cancelBookingBody, completeBody, investigationBody, investigationOut, rebookBody } from './schema';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const tags = ['Utredning'];

export function registerInvestigationRoutes(api: Api, deps: AppDeps) {
  const read = { access: { permission: 'case:read' as const } };
  const write = { access: { permission: 'investigation:write' as const } };
  const ok = { 200: investigationOut, ...errors };

  api.get(
    '/api/cases/:id/investigation',
    { config: read, schema: { tags, summary: 'Visa utredningen med bokningar och varningar', params: caseIdParams, response: ok } },
    async (req) => getInvestigation(contextOf(req, deps), req.params.id),
  );
  api.put(
    '/api/cases/:id/investigation',
    { config: write, schema: { tags, summary: 'Spara utredningen (utkast)', params: caseIdParams, body: investigationBody, response: ok } },
    async (req) => saveInvestigation(contextOf(req, deps), req.params.id, req.body),
  );
  api.post(
    '/api/cases/:id/investigation/complete',
    { config: write, schema: { tags, summary: 'Markera utredningen som klar', params: caseIdParams, body: completeBody, response: ok } },
    async (req) => completeInvestigation(contextOf(req, deps), req.params.id, req.body),
  );
  api.post(
    '/api/cases/:id/investigation/bookings',
    { config: write, schema: { tags, summary: 'Boka utredningsmöte', params: caseIdParams, body: bookBody, response: { 201: investigationOut, ...errors } } },
    async (req, reply) => reply.code(201).send(await bookInvestigation(contextOf(req, deps), req.params.id, req.body)),
  );
  api.post(
    '/api/cases/:id/investigation/bookings/:bookingId/rebook',
    { config: write, schema: { tags, summary: 'Boka om utredningsmöte', params: bookingParams, body: rebookBody, response: ok } },
    async (req) => rebookInvestigation(contextOf(req, deps), req.params.id, req.params.bookingId, req.body),
  );
  api.post(
    '/api/cases/:id/investigation/bookings/:bookingId/cancel',
    { config: write, schema: { tags, summary: 'Avboka utredningsmöte', params: bookingParams, body: cancelBookingBody, response: ok } },
    async (req) => cancelBooking(contextOf(req, deps), req.params.id, req.params.bookingId, req.body),
  );
  api.post(
    '/api/cases/:id/investigation/bookings/:bookingId/held',
    { config: write, schema: { tags, summary: 'Registrera att utredningsmötet är genomfört', params: bookingParams, body: bookingHeldBody, response: ok } },
    async (req) => markBookingHeld(contextOf(req, deps), req.params.id, req.params.bookingId, req.body),
  );
  api.get(
    '/api/cases/:id/investigation/utredning.pdf',
    { config: read, schema: { tags, summary: 'Utredningen med varningar och motiveringar (PDF)', params: caseIdParams, produces: ['application/pdf'] } },
    async (req, reply) => {
      const { pdf, fileName } = await createInvestigationRecord(contextOf(req, deps), req.params.id);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).send(pdf);
    },
  );
  api.get(
    '/api/cases/:id/investigation/bookings/:bookingId/kallelse.pdf',
    { config: read, schema: { tags, summary: 'Kallelse till utredningsmöte (PDF)', params: bookingParams, produces: ['application/pdf'] } },
    async (req, reply) => {
      const { pdf, fileName } = await createSummonsLetter(contextOf(req, deps), req.params.id, req.params.bookingId);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).send(pdf);
    },
  );
  api.get(
    '/api/cases/:id/investigation/bookings/:bookingId/kalender.ics',
    { config: read, schema: { tags, summary: 'Utredningsmötet som kalenderfil (.ics)', params: bookingParams, produces: ['text/calendar'] } },
    async (req, reply) => {
      const { ics, fileName } = await createCalendarFile(contextOf(req, deps), req.params.id, req.params.bookingId);
      return reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`).send(ics);
    },
  );
}
