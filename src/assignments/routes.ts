// HTTP for execution: the provider's kontaktsekreterare works with an order's offers (answer, close, matchningsmöte,
// outcome, agreement) and the assignment (signatures, förordnande, verkställ, avbrott, återuppta, avsluta); the
// handläggare reads the execution on the case page. validate → authorise (config.access) → use case.
import { registerPlanAndPayRoutes } from './plan-pay-routes';
import { contextOf, type Api, type AppDeps } from '../platform/http/route-kit';
import { errorResponse } from '../platform/validation';
import { caseIdParams } from '../intake/schema';
import { answerOffer } from './answer-offer';
import { appointContactPerson } from './appoint-contact-person';
import { bookMeeting } from './book-meeting';
import { changeAgreement } from './change-agreement';
import { closeOffer } from './close-offer';
import { createAssignment } from './create-assignment';
import { createAssignmentDocument } from './create-documents';
import { endAssignment } from './end-assignment';
import { getAssignment } from './get-assignment';
import { getCaseExecution } from './get-case-execution';
import { interruptAssignment, resumeAssignment } from './interrupt-assignment';
import { listOffers } from './list-offers';
import { meetingCalendarFile } from './meeting-calendar';
import { recordMeetingOutcome } from './record-meeting-outcome';
import { signAgreement } from './sign-agreement';
import { startAssignment } from './start-assignment';
import {
  agreementBody,
  answerOfferBody,
  appointBody,
  assignmentIdParams,
  assignmentOut,
  bookMeetingBody,
  caseExecutionOut,
  closeOfferBody,
  createAssignmentBody,
  endBody,
  interruptBody,
  meetingOutcomeBody,
  meetingParams,
  offerIdParams,
  orderOffersOut,
  orderOffersParams,
  resumeBody,
  signBody,
  startBody,
} from './schema';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const tags = ['Matchning och uppdrag'];

export function registerAssignmentRoutes(api: Api, deps: AppDeps) {
  // The genomförandeplan, the payroll notices and the contact log have their own file.
  registerPlanAndPayRoutes(api, deps);
  const read = { access: { permission: 'assignment:read' as const } };
  const write = { access: { permission: 'assignment:write' as const } };
  const offersOk = { 200: orderOffersOut, ...errors };
  const assignmentOk = { 200: assignmentOut, ...errors };

  api.get(
    '/api/orders/:orderId/offers',
    { config: read, schema: { tags, summary: 'Beställningens erbjudanden, matchningsmöten och uppdrag', params: orderOffersParams, response: offersOk } },
    async (req) => listOffers(contextOf(req, deps), req.params.orderId),
  );
  api.post(
    '/api/offers/:id/answer',
    { config: write, schema: { tags, summary: 'Registrera personens svar på erbjudandet', params: offerIdParams, body: answerOfferBody, response: offersOk } },
    async (req) => answerOffer(contextOf(req, deps), req.params.id, req.body),
  );
  api.post(
    '/api/offers/:id/close',
    { config: write, schema: { tags, summary: 'Ta tillbaka erbjudandet, eller kontaktpersonen tackade nej', params: offerIdParams, body: closeOfferBody, response: offersOk } },
    async (req) => closeOffer(contextOf(req, deps), req.params.id, req.body),
  );
  api.post(
    '/api/offers/:id/meetings',
    { config: write, schema: { tags, summary: 'Boka (eller boka om) matchningsmöte', params: offerIdParams, body: bookMeetingBody, response: offersOk } },
    async (req) => bookMeeting(contextOf(req, deps), req.params.id, req.body),
  );
  api.get(
    '/api/offers/:id/meetings/:meetingId/kalender.ics',
    { config: read, schema: { tags, summary: 'Matchningsmötet som kalenderfil (.ics)', params: meetingParams, produces: ['text/calendar'] } },
    async (req, reply) => {
      const { ics, fileName } = await meetingCalendarFile(contextOf(req, deps), req.params.id, req.params.meetingId);
      return reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`).send(ics);
    },
  );
  api.post(
    '/api/offers/:id/outcome',
    { config: write, schema: { tags, summary: 'Registrera matchningsmötets utfall', params: offerIdParams, body: meetingOutcomeBody, response: offersOk } },
    async (req) => recordMeetingOutcome(contextOf(req, deps), req.params.id, req.body),
  );
  api.post(
    '/api/offers/:id/assignment',
    { config: write, schema: { tags, summary: 'Gör uppdragsavtal', params: offerIdParams, body: createAssignmentBody, response: { 201: orderOffersOut, ...errors } } },
    async (req, reply) => reply.code(201).send(await createAssignment(contextOf(req, deps), req.params.id, req.body)),
  );
  api.get(
    '/api/assignments/:id',
    { config: read, schema: { tags, summary: 'Visa uppdrag', params: assignmentIdParams, response: assignmentOk } },
    async (req) => getAssignment(contextOf(req, deps), req.params.id),
  );
  for (const document of ['uppdragsavtal', 'forordnande'] as const) {
    api.get(
      `/api/assignments/:id/${document}.pdf`,
      { config: read, schema: { tags, summary: document === 'uppdragsavtal' ? 'Uppdragsavtal (PDF)' : 'Förordnande (PDF)', params: assignmentIdParams, produces: ['application/pdf'] } },
      async (req, reply) => {
        const { pdf, fileName } = await createAssignmentDocument(contextOf(req, deps), req.params.id, document);
        return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).send(pdf);
      },
    );
  }
  api.put(
    '/api/assignments/:id/agreement',
    { config: write, schema: { tags, summary: 'Ändra avtalets villkor', params: assignmentIdParams, body: agreementBody, response: assignmentOk } },
    async (req) => changeAgreement(contextOf(req, deps), req.params.id, req.body),
  );
  api.post(
    '/api/assignments/:id/signatures',
    { config: write, schema: { tags, summary: 'Registrera underskrifter', params: assignmentIdParams, body: signBody, response: assignmentOk } },
    async (req) => signAgreement(contextOf(req, deps), req.params.id, req.body),
  );
  api.post(
    '/api/assignments/:id/appointment',
    { config: write, schema: { tags, summary: 'Registrera förordnande', params: assignmentIdParams, body: appointBody, response: assignmentOk } },
    async (req) => appointContactPerson(contextOf(req, deps), req.params.id, req.body),
  );
  api.post(
    '/api/assignments/:id/start',
    { config: write, schema: { tags, summary: 'Verkställ: uppdraget har startat', params: assignmentIdParams, body: startBody, response: assignmentOk } },
    async (req) => startAssignment(contextOf(req, deps), req.params.id, req.body),
  );
  api.post(
    '/api/assignments/:id/interruptions',
    { config: write, schema: { tags, summary: 'Registrera avbrott', params: assignmentIdParams, body: interruptBody, response: assignmentOk } },
    async (req) => interruptAssignment(contextOf(req, deps), req.params.id, req.body),
  );
  api.post(
    '/api/assignments/:id/resume',
    { config: write, schema: { tags, summary: 'Återuppta uppdraget', params: assignmentIdParams, body: resumeBody, response: assignmentOk } },
    async (req) => resumeAssignment(contextOf(req, deps), req.params.id, req.body),
  );
  api.post(
    '/api/assignments/:id/end',
    { config: write, schema: { tags, summary: 'Avsluta uppdraget', params: assignmentIdParams, body: endBody, response: assignmentOk } },
    async (req) => endAssignment(contextOf(req, deps), req.params.id, req.body),
  );
  api.get(
    '/api/cases/:id/execution',
    { config: { access: { permission: 'case:read' as const } }, schema: { tags, summary: 'Ärendets verkställighet', params: caseIdParams, response: { 200: caseExecutionOut, ...errors } } },
    async (req) => getCaseExecution(contextOf(req, deps), req.params.id),
  );
}
