// HTTP for disposal (gallring), bulk reassignment and person merge (issue 13 items 6 and 7).
import { contextOf, type Api, type AppDeps } from '../platform/http/route-kit';
import { errorResponse } from '../platform/validation';
import { disposalOverviewOut, disposalRuleBody, disposalRuleParams, disposalRunBody, disposalRunOut } from './disposal-schema';
import { runDisposal } from './disposal-run';
import { getDisposalOverview, updateDisposalRule } from './disposal-settings';
import { reassignBody, reassignCasesOut, reassignCasesQueryBody, reassignOut } from './reassign-schema';
import { listCasesOfHandlaggare, reassignCases } from './reassign-cases';
import { mergePersonsBody, mergePersonsOut } from './merge-schema';
import { mergePersons } from './merge-persons';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const dispose = { access: { permission: 'disposal:run' as const } };
const assign = { access: { permission: 'case:assign' as const } };

export function registerDisposalRoutes(api: Api, deps: AppDeps) {
  const tags = ['Gallring, flytt och sammanslagning'];
  api.get(
    '/api/oversight/disposal',
    { config: dispose, schema: { tags, summary: 'Gallringsregler och logg över körningar', response: { 200: disposalOverviewOut, ...errors } } },
    async (req) => getDisposalOverview(contextOf(req, deps)),
  );
  api.put(
    '/api/oversight/disposal/rules/:recordType',
    { config: dispose, schema: { tags, summary: 'Ändra en gallringsregel', params: disposalRuleParams, body: disposalRuleBody, response: { 200: disposalOverviewOut, ...errors } } },
    async (req) => updateDisposalRule(contextOf(req, deps), req.params.recordType, req.body),
  );
  api.post(
    '/api/oversight/disposal/run',
    { config: dispose, schema: { tags, summary: 'Provkör eller gallra (i omgångar)', body: disposalRunBody, response: { 200: disposalRunOut, ...errors } } },
    async (req) => runDisposal(contextOf(req, deps), req.body),
  );
  api.post(
    '/api/oversight/reassign/cases',
    { config: assign, schema: { tags, summary: 'En handläggares ärenden i enheten', body: reassignCasesQueryBody, response: { 200: reassignCasesOut, ...errors } } },
    async (req) => listCasesOfHandlaggare(contextOf(req, deps), req.body.fromUserId),
  );
  api.post(
    '/api/oversight/reassign',
    { config: assign, schema: { tags, summary: 'Flytta alla eller valda ärenden till en annan handläggare', body: reassignBody, response: { 200: reassignOut, ...errors } } },
    async (req) => reassignCases(contextOf(req, deps), req.body),
  );
  api.post(
    '/api/oversight/merge-persons',
    { config: { access: { permission: 'person:merge' as const } }, schema: { tags, summary: 'Slå ihop en dubbelregistrerad person', body: mergePersonsBody, response: { 200: mergePersonsOut, ...errors } } },
    async (req) => mergePersons(contextOf(req, deps), req.body),
  );
}
