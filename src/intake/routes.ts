// HTTP for requests and cases: validate → authorise (config.access) → use case → present.
import { contextOf, type Api, type AppDeps } from '../platform/http/route-kit';
import { errorResponse } from '../platform/validation';
import { personIdParams } from '../people/schema';
import { acknowledgeRequest } from './acknowledge-request';
import { assignCase } from './assign-case';
import { createAcknowledgementLetter } from './create-acknowledgement-letter';
import { getCase } from './get-case';
import { listPersonCases } from './list-person-cases';
import { listCases } from './list-cases';
import { recordApplication } from './record-application';
import { recordDocumentationReceived } from './record-documentation-received';
import { registerRequest } from './register-request';
import {
  acknowledgeBody,
  assignBody,
  caseIdParams,
  caseListOut,
  caseListQuery,
  caseOut,
  documentationReceivedBody,
  personCasesOut,
  recordApplicationBody,
  registerRequestBody,
} from './schema';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const tags = ['Ärenden'];

export function registerIntakeRoutes(api: Api, deps: AppDeps) {
  const read = { access: { permission: 'case:read' as const } };
  const write = { access: { permission: 'case:write' as const } };

  api.post(
    '/api/cases',
    { config: write, schema: { tags, summary: 'Registrera ansökan eller aktualisering', body: registerRequestBody, response: { 201: caseOut, ...errors } } },
    async (req, reply) => reply.code(201).send(await registerRequest(contextOf(req, deps), req.body)),
  );
  api.get(
    '/api/cases',
    { config: read, schema: { tags, summary: 'Mina ärenden eller enhetens ärenden', querystring: caseListQuery, response: { 200: caseListOut, ...errors } } },
    async (req) => listCases(contextOf(req, deps), req.query),
  );
  api.get(
    '/api/cases/:id',
    { config: read, schema: { tags, summary: 'Visa ärende', params: caseIdParams, response: { 200: caseOut, ...errors } } },
    async (req) => getCase(contextOf(req, deps), req.params.id),
  );
  api.post(
    '/api/cases/:id/acknowledge',
    { config: write, schema: { tags, summary: 'Bekräfta ansökan', params: caseIdParams, body: acknowledgeBody, response: { 200: caseOut, ...errors } } },
    async (req) => acknowledgeRequest(contextOf(req, deps), req.params.id, req.body),
  );
  api.post(
    '/api/cases/:id/documentation-received',
    {
      config: write,
      schema: { tags, summary: 'Underlag om personkrets har kommit in', params: caseIdParams, body: documentationReceivedBody, response: { 200: caseOut, ...errors } },
    },
    async (req) => recordDocumentationReceived(contextOf(req, deps), req.params.id, req.body),
  );
  api.post(
    '/api/cases/:id/application',
    {
      config: write,
      schema: { tags, summary: 'Registrera ansökan efter aktualisering', params: caseIdParams, body: recordApplicationBody, response: { 200: caseOut, ...errors } },
    },
    async (req) => recordApplication(contextOf(req, deps), req.params.id, req.body),
  );
  api.post(
    '/api/cases/:id/assign',
    {
      config: { access: { permission: 'case:assign' as const } },
      schema: { tags, summary: 'Byt ansvarig handläggare', params: caseIdParams, body: assignBody, response: { 200: caseOut, ...errors } },
    },
    async (req) => assignCase(contextOf(req, deps), req.params.id, req.body),
  );
  // The person page's cases: intake answers for its own records (people/ does not know cases). Access as the
  // person read; the list keeps to the reader's case scope.
  api.get(
    '/api/persons/:id/cases',
    {
      config: { access: { permission: 'person:read' as const } },
      schema: { tags: ['Personer'], summary: 'Personens ärenden', params: personIdParams, response: { 200: personCasesOut, ...errors } },
    },
    async (req) => listPersonCases(contextOf(req, deps), req.params.id),
  );
  api.get(
    '/api/cases/:id/acknowledgement-letter.pdf',
    { config: read, schema: { tags, summary: 'Bekräftelsebrev (PDF)', params: caseIdParams, produces: ['application/pdf'] } },
    async (req, reply) => {
      const { pdf, fileName } = await createAcknowledgementLetter(contextOf(req, deps), req.params.id);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).send(pdf);
    },
  );
}
