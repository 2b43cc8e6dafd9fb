// HTTP for the contact-person register: the public application (no login), the coordinator's register and
// pipeline (contact-person:read / :write), payment details (lön or the coordinator), the check rules (admin).
import { contextOf, type Api, type AppDeps } from '../platform/http/route-kit';
import { errorResponse } from '../platform/validation';
import { AppError } from '../platform/errors';
import { calendarFile } from '../platform/documents/calendar-file';
import { applicationForm, submitApplication } from './apply';
import { addCheckRule, listCheckRules } from './check-rules';
import { checkValidity } from './check-validity';
import { changeProfile } from './change-profile';
import { disposeApplicants } from './dispose-applicants';
import { getPaymentDetails, listForPayroll, savePaymentDetails } from './payment-details';
import { addReference, approveContactPerson, bookInterview, endContactPerson, endPause, pauseContactPerson, recordContact, recordRegisterCheck, recordStep, updateReference } from './pipeline';
import { getContactPerson, interviewCalendarFile, listRegister, listReminders } from './read-contact-persons';
import { listDistricts } from './districts';
import { createDistrict, getRegisterSettings, listAllDistricts, saveRegisterSettings, updateDistrict } from './register-settings';
import { createPortalInvite, setPortalPassword } from './portal-invite';
import {
  applicationBody,
  applicationFormOut,
  applicationReceivedOut,
  approveBody,
  bookInterviewBody,
  checkRuleBody,
  checkRulesOut,
  checkValidityBody,
  checkValidityOut,
  cpSettingsBody,
  cpSettingsOut,
  districtBody,
  districtUpdateBody,
  contactBody,
  cpIdParams,
  cpListOut,
  cpListQuery,
  cpOut,
  cpReferenceParams,
  disposalBody,
  disposalOut,
  districtListOut,
  districtOut,
  districtsOut,
  endBody,
  endPauseBody,
  pauseBody,
  paymentBody,
  paymentOut,
  payrollListOut,
  payrollListQuery,
  portalInviteOut,
  portalPasswordSetOut,
  setPortalPasswordBody,
  profileBody,
  referenceBody,
  registerCheckBody,
  remindersOut,
  remindersQuery,
  stepBody,
  stepParams,
} from './schema';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const tags = ['Kontaktpersoner'];

export function registerContactPersonRoutes(api: Api, deps: AppDeps) {
  const read = { access: { permission: 'contact-person:read' as const } };
  const write = { access: { permission: 'contact-person:write' as const } };
  const anon = (req: { id: string; ip: string }) => ({ db: deps.db, clock: deps.clock, config: deps.config, requestId: req.id, clientIp: req.ip });

  // ---- Public: "Bli kontaktperson" ----
  api.get(
    '/api/public/contact-person-application',
    { config: { access: 'public' }, schema: { tags, summary: 'Formuläret Bli kontaktperson (token, intressen, områden)', response: { 200: applicationFormOut } } },
    async (req) => applicationForm(anon(req)),
  );
  api.post(
    '/api/public/contact-person-application',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Ansök om att bli kontaktperson', body: applicationBody, response: { 201: applicationReceivedOut, 400: errorResponse, 429: errorResponse } },
    },
    async (req, reply) => reply.code(201).send(await submitApplication(anon(req), req.body)),
  );

  api.post(
    '/api/public/portal/password',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Välj lösenord till portalen med inbjudningslänken', body: setPortalPasswordBody, response: { 200: portalPasswordSetOut, 400: errorResponse } },
    },
    async (req) => setPortalPassword(anon(req), req.body),
  );

  // ---- Coordinator ----
  api.get(
    '/api/contact-persons',
    { config: read, schema: { tags, summary: 'Sök och filtrera kontaktpersoner', querystring: cpListQuery, response: { 200: cpListOut, ...errors } } },
    async (req) => listRegister(contextOf(req, deps), req.query),
  );
  api.get(
    '/api/contact-persons/reminders',
    { config: read, schema: { tags, summary: 'Påminnelser: krav som går ut, kontakt för länge sedan (en sida och antalet av varje slag)', querystring: remindersQuery, response: { 200: remindersOut, ...errors } } },
    async (req) => listReminders(contextOf(req, deps), req.query),
  );
  api.get(
    '/api/contact-persons/payroll',
    { config: { access: { permission: 'contact-person:payment' as const } }, schema: { tags, summary: 'Godkända kontaktpersoner för lön (bankuppgifter registrerade?), en sida', querystring: payrollListQuery, response: { 200: payrollListOut, ...errors } } },
    async (req) => listForPayroll(contextOf(req, deps), req.query),
  );
  api.get(
    '/api/contact-persons/districts',
    { config: read, schema: { tags, summary: 'Områden och intressen att välja bland', response: { 200: districtsOut, ...errors } } },
    async (req) => listDistricts(contextOf(req, deps)),
  );
  api.post(
    '/api/contact-persons/disposal',
    { config: write, schema: { tags, summary: 'Gallra avslagna och återtagna ansökningar (provkörning först)', body: disposalBody, response: { 200: disposalOut, ...errors } } },
    async (req) => disposeApplicants(contextOf(req, deps), req.body),
  );
  api.get(
    '/api/contact-persons/:id',
    { config: read, schema: { tags, summary: 'Visa kontaktperson', params: cpIdParams, response: { 200: cpOut, ...errors } } },
    async (req) => getContactPerson(contextOf(req, deps), req.params.id),
  );
  api.put(
    '/api/contact-persons/:id/profile',
    { config: write, schema: { tags, summary: 'Ändra profil och kontaktuppgifter', params: cpIdParams, body: profileBody, response: { 200: cpOut, ...errors } } },
    async (req) => changeProfile(contextOf(req, deps), req.params.id, req.body),
  );
  api.post(
    '/api/contact-persons/:id/interview',
    { config: write, schema: { tags, summary: 'Boka intervju', params: cpIdParams, body: bookInterviewBody, response: { 200: cpOut, ...errors } } },
    async (req) => bookInterview(contextOf(req, deps), req.params.id, req.body),
  );
  api.get(
    '/api/contact-persons/:id/interview.ics',
    { config: read, schema: { tags, summary: 'Intervjun som kalenderfil', params: cpIdParams, produces: ['text/calendar'] } },
    async (req, reply) => {
      const ctx = contextOf(req, deps);
      const found = await interviewCalendarFile(ctx, req.params.id);
      if (!found) throw new AppError('NOT_FOUND', { message: 'Det finns ingen bokad intervju.' });
      const ics = calendarFile(ctx.actor.displayName, {
        id: found.interview.id,
        date: found.interview.date,
        time: found.interview.time,
        durationMinutes: 60,
        summary: `Intervju, blivande kontaktperson ${found.full.row.firstName} ${found.full.row.lastName}`,
        location: found.interview.location,
        stamp: deps.clock.now(),
      });
      return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'attachment; filename="intervju.ics"').send(ics);
    },
  );
  api.post(
    '/api/contact-persons/:id/steps/:kind',
    { config: write, schema: { tags, summary: 'Registrera intervju, tystnadsförbindelse eller introduktion', params: stepParams, body: stepBody, response: { 200: cpOut, ...errors } } },
    async (req) => recordStep(contextOf(req, deps), req.params.id, req.params.kind, req.body),
  );
  api.post(
    '/api/contact-persons/:id/references',
    { config: write, schema: { tags, summary: 'Lägg till referens', params: cpIdParams, body: referenceBody, response: { 200: cpOut, ...errors } } },
    async (req) => addReference(contextOf(req, deps), req.params.id, req.body),
  );
  api.put(
    '/api/contact-persons/:id/references/:referenceId',
    { config: write, schema: { tags, summary: 'Ändra referens', params: cpReferenceParams, body: referenceBody, response: { 200: cpOut, ...errors } } },
    async (req) => updateReference(contextOf(req, deps), req.params.id, req.params.referenceId, req.body),
  );
  api.post(
    '/api/contact-persons/:id/register-checks',
    { config: write, schema: { tags, summary: 'Registrera att utdrag ur belastningsregistret visats', params: cpIdParams, body: registerCheckBody, response: { 200: cpOut, ...errors } } },
    async (req) => recordRegisterCheck(contextOf(req, deps), req.params.id, req.body),
  );
  api.post(
    '/api/contact-persons/:id/check-validity',
    { config: read, schema: { tags, summary: 'Räcker registerkontrollen för ett uppdrag?', params: cpIdParams, body: checkValidityBody, response: { 200: checkValidityOut, ...errors } } },
    async (req) => checkValidity(contextOf(req, deps), req.params.id, req.body),
  );
  api.post(
    '/api/contact-persons/:id/approve',
    { config: write, schema: { tags, summary: 'Godkänn som kontaktperson', params: cpIdParams, body: approveBody, response: { 200: cpOut, ...errors } } },
    async (req) => approveContactPerson(contextOf(req, deps), req.params.id, req.body),
  );
  api.post(
    '/api/contact-persons/:id/end',
    { config: write, schema: { tags, summary: 'Avslå, återta eller avsluta', params: cpIdParams, body: endBody, response: { 200: cpOut, ...errors } } },
    async (req) => endContactPerson(contextOf(req, deps), req.params.id, req.body),
  );
  api.post(
    '/api/contact-persons/:id/pauses',
    { config: write, schema: { tags, summary: 'Pausa kontaktperson', params: cpIdParams, body: pauseBody, response: { 200: cpOut, ...errors } } },
    async (req) => pauseContactPerson(contextOf(req, deps), req.params.id, req.body),
  );
  api.post(
    '/api/contact-persons/:id/pauses/end',
    { config: write, schema: { tags, summary: 'Avsluta pausen', params: cpIdParams, body: endPauseBody, response: { 200: cpOut, ...errors } } },
    async (req) => endPause(contextOf(req, deps), req.params.id, req.body),
  );
  api.post(
    '/api/contact-persons/:id/contact',
    { config: write, schema: { tags, summary: 'Registrera senaste kontakt', params: cpIdParams, body: contactBody, response: { 200: cpOut, ...errors } } },
    async (req) => recordContact(contextOf(req, deps), req.params.id, req.body),
  );
  api.post(
    '/api/contact-persons/:id/portal-invite',
    { config: write, schema: { tags, summary: 'Bjud in till portalen (länk som gäller 72 timmar)', params: cpIdParams, response: { 200: portalInviteOut, ...errors } } },
    async (req) => createPortalInvite(contextOf(req, deps), req.params.id),
  );
  // Payment details: lön (contact-person:payment) or the coordinator (contact-person:write); checked in the use case.
  api.get(
    '/api/contact-persons/:id/payment',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Bank- och skatteuppgifter', params: cpIdParams, response: { 200: paymentOut, ...errors } } },
    async (req) => getPaymentDetails(contextOf(req, deps), req.params.id),
  );
  api.put(
    '/api/contact-persons/:id/payment',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Spara bank- och skatteuppgifter', params: cpIdParams, body: paymentBody, response: { 200: paymentOut, ...errors } } },
    async (req) => savePaymentDetails(contextOf(req, deps), req.params.id, req.body),
  );

  // ---- Administrator: the register's configuration, districts and the registerkontroll rule versions ----
  const admin = { access: { permission: 'admin:settings' as const } };
  const adminTags = ['Administration'];
  api.get(
    '/api/admin/contact-person-settings',
    { config: admin, schema: { tags: adminTags, summary: 'Inställningar för kontaktpersonsregistret', response: { 200: cpSettingsOut, ...errors } } },
    async (req) => getRegisterSettings(contextOf(req, deps)),
  );
  api.put(
    '/api/admin/contact-person-settings',
    { config: admin, schema: { tags: adminTags, summary: 'Ändra inställningar för kontaktpersonsregistret', body: cpSettingsBody, response: { 200: cpSettingsOut, ...errors } } },
    async (req) => saveRegisterSettings(contextOf(req, deps), req.body),
  );
  api.get(
    '/api/admin/cp-districts',
    { config: admin, schema: { tags: adminTags, summary: 'Områden', response: { 200: districtListOut, ...errors } } },
    async (req) => listAllDistricts(contextOf(req, deps)),
  );
  api.post(
    '/api/admin/cp-districts',
    { config: admin, schema: { tags: adminTags, summary: 'Lägg till område', body: districtBody, response: { 200: districtOut, ...errors } } },
    async (req) => createDistrict(contextOf(req, deps), req.body),
  );
  api.patch(
    '/api/admin/cp-districts/:id',
    { config: admin, schema: { tags: adminTags, summary: 'Ändra område', params: cpIdParams, body: districtUpdateBody, response: { 200: districtOut, ...errors } } },
    async (req) => updateDistrict(contextOf(req, deps), req.params.id, req.body),
  );
  api.get('/api/admin/check-rules', { config: admin, schema: { tags: ['Administration'], summary: 'Regler för registerkontroll', response: { 200: checkRulesOut, ...errors } } }, async (req) =>
    listCheckRules(contextOf(req, deps)),
  );
  api.post(
    '/api/admin/check-rules',
    { config: admin, schema: { tags: ['Administration'], summary: 'Lägg till en version av regeln för registerkontroll', body: checkRuleBody, response: { 200: checkRulesOut, ...errors } } },
    async (req) => addCheckRule(contextOf(req, deps), req.body),
  );
}
