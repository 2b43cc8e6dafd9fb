// HTTP for the rate table: the administrator keeps it (admin:rates); payroll reads it (payroll:read).
import { contextOf, type Api, type AppDeps } from '../platform/http/route-kit';
import { errorResponse } from '../platform/validation';
import { createRateLevel, createRateYear, listRateTable, removeRateLevel, updateRateLevel, updateRateYear } from './rate-table';
import { levelIdParams, rateLevelBody, rateLevelDeleteBody, rateLevelOut, rateLevelUpdateBody, rateTableOut, rateYearBody, rateYearOut, rateYearUpdateBody, yearParams } from './schema';
import { z } from 'zod';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const tags = ['Arvoden och omkostnader'];

export function registerPaymentRoutes(api: Api, deps: AppDeps) {
  const admin = { access: { permission: 'admin:rates' as const } };
  api.get('/api/admin/rates', { config: admin, schema: { tags, summary: 'Arvodestabeller per år', response: { 200: rateTableOut, ...errors } } }, async (req) =>
    listRateTable(contextOf(req, deps)),
  );
  api.get(
    '/api/payroll/rates',
    { config: { access: { permission: 'payroll:read' as const } }, schema: { tags, summary: 'Arvodestabeller per år (läsa)', response: { 200: rateTableOut, ...errors } } },
    async (req) => listRateTable(contextOf(req, deps)),
  );
  api.post('/api/admin/rates', { config: admin, schema: { tags, summary: 'Lägg till ett år', body: rateYearBody, response: { 201: rateYearOut, ...errors } } }, async (req, reply) =>
    reply.code(201).send(await createRateYear(contextOf(req, deps), req.body)),
  );
  api.patch(
    '/api/admin/rates/:year',
    { config: admin, schema: { tags, summary: 'Ändra prisbasbelopp och avrundning', params: yearParams, body: rateYearUpdateBody, response: { 200: rateYearOut, ...errors } } },
    async (req) => updateRateYear(contextOf(req, deps), req.params.year, req.body),
  );
  api.post(
    '/api/admin/rates/:year/levels',
    { config: admin, schema: { tags, summary: 'Lägg till nivå', params: yearParams, body: rateLevelBody, response: { 201: rateLevelOut, ...errors } } },
    async (req, reply) => reply.code(201).send(await createRateLevel(contextOf(req, deps), req.params.year, req.body)),
  );
  api.patch(
    '/api/admin/rate-levels/:id',
    { config: admin, schema: { tags, summary: 'Ändra nivå', params: levelIdParams, body: rateLevelUpdateBody, response: { 200: rateLevelOut, ...errors } } },
    async (req) => updateRateLevel(contextOf(req, deps), req.params.id, req.body),
  );
  api.delete(
    '/api/admin/rate-levels/:id',
    {
      config: admin,
      schema: { tags, summary: 'Ta bort nivå', params: levelIdParams, body: rateLevelDeleteBody, response: { 200: z.object({ removed: z.literal(true) }), ...errors } },
    },
    async (req) => removeRateLevel(contextOf(req, deps), req.params.id, req.body),
  );
}
