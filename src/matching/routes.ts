// HTTP for matching: the waiting list, one order's candidates and "Varför inte?", the proposal for the whole
// waiting list, making an offer (the use case lives in assignments/make-offer.ts) and the weights.
import { contextOf, type Api, type AppDeps } from '../platform/http/route-kit';
import { errorResponse } from '../platform/validation';
import { makeOffer } from '../assignments/make-offer';
import { listWaitingList } from './list-waiting-list';
import { getMatchingSettings, saveMatchingSettings } from './matching-settings';
import { offerRefusals } from './offer-refusals';
import { proposeWaitingList } from './propose-assignment';
import { getCandidates, whyNot } from './rank-candidates';
import {
  candidateParams,
  candidatesOut,
  candidatesQuery,
  makeOfferBody,
  matchingSettingsBody,
  matchingSettingsOut,
  offerCreatedOut,
  orderIdParam,
  proposalOut,
  waitingListOut,
  whyNotOut,
} from './schema';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const tags = ['Matchning'];

export function registerMatchingRoutes(api: Api, deps: AppDeps) {
  const read = { access: { permission: 'assignment:read' as const } };
  const write = { access: { permission: 'assignment:write' as const } };
  const admin = { access: { permission: 'admin:settings' as const } };

  api.get(
    '/api/matching/waiting-list',
    { config: read, schema: { tags, summary: 'Väntelistan', response: { 200: waitingListOut, ...errors } } },
    async (req) => listWaitingList(contextOf(req, deps)),
  );
  api.get(
    '/api/orders/:orderId/candidates',
    { config: read, schema: { tags, summary: 'Kandidater för en beställning', params: orderIdParam, querystring: candidatesQuery, response: { 200: candidatesOut, ...errors } } },
    async (req) => getCandidates(contextOf(req, deps), req.params.orderId, req.query),
  );
  api.get(
    '/api/orders/:orderId/candidates/:contactPersonId',
    { config: read, schema: { tags, summary: 'Varför inte den här kontaktpersonen?', params: candidateParams, response: { 200: whyNotOut, ...errors } } },
    async (req) => whyNot(contextOf(req, deps), req.params.orderId, req.params.contactPersonId),
  );
  api.post(
    '/api/matching/proposal',
    { config: write, schema: { tags, summary: 'Förslag för hela väntelistan', response: { 200: proposalOut, ...errors } } },
    async (req) => proposeWaitingList(contextOf(req, deps)),
  );
  api.post(
    '/api/orders/:orderId/offers',
    { config: write, schema: { tags, summary: 'Erbjud en kontaktperson', params: orderIdParam, body: makeOfferBody, response: { 201: offerCreatedOut, ...errors } } },
    async (req, reply) => reply.code(201).send(await makeOffer(contextOf(req, deps), req.params.orderId, req.body, offerRefusals)),
  );
  api.get(
    '/api/admin/matching-settings',
    { config: admin, schema: { tags, summary: 'Vikter för matchning', response: { 200: matchingSettingsOut, ...errors } } },
    async (req) => getMatchingSettings(contextOf(req, deps)),
  );
  api.put(
    '/api/admin/matching-settings',
    { config: admin, schema: { tags, summary: 'Ändra vikter för matchning', body: matchingSettingsBody, response: { 200: matchingSettingsOut, ...errors } } },
    async (req) => saveMatchingSettings(contextOf(req, deps), req.body),
  );
}
