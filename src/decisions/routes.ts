// HTTP for decisions, appeals and follow-ups: validate → authorise (config.access) → use case → present.
import { contextOf, type Api, type AppDeps } from '../platform/http/route-kit';
import { errorResponse } from '../platform/validation';
import { caseIdParams } from '../intake/schema';
import { approveDecision, returnDecision, reviseDecision } from './review-decision';
import { recordAppeal, recordFollowUp, recordSent, updateAppeal } from './appeals-and-follow-ups';
import { createDecisionLetter } from './create-decision-letter';
import { approvalQueue, caseLegalBases, followUpList, getCaseDecisions } from './list-decisions';
import { makeDecision, makeSuccessorDecision } from './make-decision';
import {
  appealBody,
  appealIdParams,
  appealOut,
  appealUpdateBody,
  approveBody,
  caseDecisionsOut,
  decisionBody,
  decisionIdParams,
  decisionListOut,
  decisionOut,
  followUpBody,
  legalBasesListOut,
  legalBasesQuery,
  returnDecisionBody,
  reviseDecisionBody,
  sentBody,
  successorBody,
} from './schema';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const tags = ['Beslut'];

export function registerDecisionRoutes(api: Api, deps: AppDeps) {
  const read = { access: { permission: 'case:read' as const } };
  const make = { access: { permission: 'decision:make' as const } };
  const approve = { access: { permission: 'decision:approve' as const } };

  api.get(
    '/api/cases/:id/decisions',
    { config: read, schema: { tags, summary: 'Ärendets beslut', params: caseIdParams, response: { 200: caseDecisionsOut, ...errors } } },
    async (req) => getCaseDecisions(contextOf(req, deps), req.params.id),
  );
  api.get(
    '/api/cases/:id/legal-bases',
    { config: read, schema: { tags, summary: 'Rättsliga grunder för ärendets lag på ett datum', params: caseIdParams, querystring: legalBasesQuery, response: { 200: legalBasesListOut, ...errors } } },
    async (req) => caseLegalBases(contextOf(req, deps), req.params.id, req.query.date),
  );
  api.post(
    '/api/cases/:id/decisions',
    { config: make, schema: { tags, summary: 'Fatta beslut', params: caseIdParams, body: decisionBody, response: { 201: decisionOut, ...errors } } },
    async (req, reply) => reply.code(201).send(await makeDecision(contextOf(req, deps), req.params.id, req.body)),
  );
  api.post(
    '/api/decisions/:id/successor',
    { config: make, schema: { tags, summary: 'Nytt beslut som ersätter ett beslut (ändring eller förlängning)', params: decisionIdParams, body: successorBody, response: { 201: decisionOut, ...errors } } },
    async (req, reply) => reply.code(201).send(await makeSuccessorDecision(contextOf(req, deps), req.params.id, req.body)),
  );
  api.put(
    '/api/decisions/:id',
    { config: make, schema: { tags, summary: 'Ändra beslut som inte är fattat (tillbakaskickat)', params: decisionIdParams, body: reviseDecisionBody, response: { 200: decisionOut, ...errors } } },
    async (req) => reviseDecision(contextOf(req, deps), req.params.id, req.body),
  );
  api.post(
    '/api/decisions/:id/approve',
    { config: approve, schema: { tags, summary: 'Godkänn beslut', params: decisionIdParams, body: approveBody, response: { 200: decisionOut, ...errors } } },
    async (req) => approveDecision(contextOf(req, deps), req.params.id, req.body),
  );
  api.post(
    '/api/decisions/:id/return',
    { config: approve, schema: { tags, summary: 'Skicka tillbaka beslut till handläggaren', params: decisionIdParams, body: returnDecisionBody, response: { 200: decisionOut, ...errors } } },
    async (req) => returnDecision(contextOf(req, deps), req.params.id, req.body),
  );
  api.post(
    '/api/decisions/:id/sent',
    { config: make, schema: { tags, summary: 'Registrera att beslutet skickats', params: decisionIdParams, body: sentBody, response: { 200: decisionOut, ...errors } } },
    async (req) => recordSent(contextOf(req, deps), req.params.id, req.body),
  );
  api.get(
    '/api/decisions/:id/letter.pdf',
    { config: read, schema: { tags, summary: 'Beslutsbrev (PDF)', params: decisionIdParams, produces: ['application/pdf'] } },
    async (req, reply) => {
      const { pdf, fileName } = await createDecisionLetter(contextOf(req, deps), req.params.id);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).send(pdf);
    },
  );
  api.post(
    '/api/decisions/:id/appeals',
    { config: make, schema: { tags, summary: 'Registrera överklagande', params: decisionIdParams, body: appealBody, response: { 201: appealOut, ...errors } } },
    async (req, reply) => reply.code(201).send(await recordAppeal(contextOf(req, deps), req.params.id, req.body)),
  );
  api.put(
    '/api/appeals/:id',
    { config: make, schema: { tags, summary: 'Överklagande: översänt och utfall', params: appealIdParams, body: appealUpdateBody, response: { 200: appealOut, ...errors } } },
    async (req) => updateAppeal(contextOf(req, deps), req.params.id, req.body),
  );
  api.post(
    '/api/decisions/:id/follow-ups',
    { config: make, schema: { tags, summary: 'Registrera uppföljning', params: decisionIdParams, body: followUpBody, response: { 201: decisionOut, ...errors } } },
    async (req, reply) => reply.code(201).send(await recordFollowUp(contextOf(req, deps), req.params.id, req.body)),
  );
  api.get(
    '/api/decisions/approval-queue',
    { config: approve, schema: { tags, summary: 'Beslut att godkänna', response: { 200: decisionListOut, ...errors } } },
    async (req) => approvalQueue(contextOf(req, deps)),
  );
  api.get(
    '/api/decisions/follow-up',
    { config: make, schema: { tags, summary: 'Uppföljning och upphörande', response: { 200: decisionListOut, ...errors } } },
    async (req) => followUpList(contextOf(req, deps)),
  );
}
