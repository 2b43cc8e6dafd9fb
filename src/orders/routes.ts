// HTTP for orders: the handläggare sends and answers from the case; the provider's kontaktsekreterare reads the inbox,
// opens an order, confirms receipt or returns it with a question. validate → authorise (config.access) → use case.
import { contextOf, type Api, type AppDeps } from '../platform/http/route-kit';
import { errorResponse } from '../platform/validation';
import { caseIdParams } from '../intake/schema';
import { answerOrder } from './answer-order';
import { confirmOrder } from './confirm-order';
import { getCaseOrder } from './get-case-order';
import { getOrder } from './get-order';
import { listInbox } from './list-inbox';
import { returnOrder } from './return-order';
import { sendOrder } from './send-order';
import { answerOrderBody, caseOrderOut, confirmOrderBody, inboxOut, inboxQuery, orderIdParams, orderOut, returnOrderBody, sendOrderBody } from './schema';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const tags = ['Beställningar'];

export function registerOrderRoutes(api: Api, deps: AppDeps) {
  const send = { access: { permission: 'order:send' as const } };
  const read = { access: { permission: 'order:read' as const } };
  const confirm = { access: { permission: 'order:confirm' as const } };

  api.get(
    '/api/cases/:id/order',
    {
      config: { access: { permission: 'case:read' as const } },
      schema: { tags, summary: 'Ärendets beställning', params: caseIdParams, response: { 200: caseOrderOut, ...errors } },
    },
    async (req) => getCaseOrder(contextOf(req, deps), req.params.id),
  );
  api.post(
    '/api/cases/:id/order',
    { config: send, schema: { tags, summary: 'Skicka beställning till utföraren', params: caseIdParams, body: sendOrderBody, response: { 201: orderOut, ...errors } } },
    async (req, reply) => reply.code(201).send(await sendOrder(contextOf(req, deps), req.params.id, req.body)),
  );
  api.post(
    '/api/orders/:id/answer',
    { config: send, schema: { tags, summary: 'Svara på utförarens fråga och skicka igen', params: orderIdParams, body: answerOrderBody, response: { 200: orderOut, ...errors } } },
    async (req) => answerOrder(contextOf(req, deps), req.params.id, req.body),
  );
  api.get(
    '/api/orders',
    { config: read, schema: { tags, summary: 'Inkomna beställningar', querystring: inboxQuery, response: { 200: inboxOut, ...errors } } },
    async (req) => listInbox(contextOf(req, deps), req.query),
  );
  api.get(
    '/api/orders/:id',
    { config: read, schema: { tags, summary: 'Visa beställning', params: orderIdParams, response: { 200: orderOut, ...errors } } },
    async (req) => getOrder(contextOf(req, deps), req.params.id),
  );
  api.post(
    '/api/orders/:id/confirm',
    { config: confirm, schema: { tags, summary: 'Bekräfta att beställningen är mottagen', params: orderIdParams, body: confirmOrderBody, response: { 200: orderOut, ...errors } } },
    async (req) => confirmOrder(contextOf(req, deps), req.params.id, req.body),
  );
  api.post(
    '/api/orders/:id/return',
    { config: confirm, schema: { tags, summary: 'Återsänd beställningen med en fråga', params: orderIdParams, body: returnOrderBody, response: { 200: orderOut, ...errors } } },
    async (req) => returnOrder(contextOf(req, deps), req.params.id, req.body),
  );
}
