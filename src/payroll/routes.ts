// HTTP for the payroll month (lön or the coordinator: payroll:manage) and the internal control of payments
// (payroll:control). validate → authorise (config.access) → use case.
import { contextOf, type Api, type AppDeps } from '../platform/http/route-kit';
import { errorResponse } from '../platform/validation';
import { exportMonth, type ExportFormat } from './export-month';
import { getMonth } from './get-month';
import { listMonths } from './list-months';
import { lockMonth } from './lock-month';
import { openMonth } from './open-month';
import { listPaymentChanges, reviewPaymentChange } from './payment-changes';
import { getPayrollSettings, savePayrollSettings } from './payroll-settings';
import {
  changeIdParams,
  changeListOut,
  changesQuery,
  lockMonthBody,
  monthListOut,
  monthOut,
  monthParams,
  monthQuery,
  openMonthBody,
  payrollSettingsBody,
  payrollSettingsOut,
  reviewBody,
} from './schema';
import { z } from 'zod';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const stateOut = z.object({ month: z.string(), status: z.enum(['open', 'locked']), version: z.number() });

export function registerPayrollRoutes(api: Api, deps: AppDeps) {
  const manage = { access: { permission: 'payroll:manage' as const } };
  const control = { access: { permission: 'payroll:control' as const } };
  const tags = ['Lönemånad'];
  const ctl = ['Intern kontroll av utbetalningar'];

  api.get('/api/payroll/months', { config: manage, schema: { tags, summary: 'Öppnade och låsta lönemånader', response: { 200: monthListOut, ...errors } } }, async (req) =>
    listMonths(contextOf(req, deps)),
  );
  api.post('/api/payroll/months', { config: manage, schema: { tags, summary: 'Öppna en lönemånad', body: openMonthBody, response: { 201: stateOut, ...errors } } }, async (req, reply) =>
    reply.code(201).send(await openMonth(contextOf(req, deps), req.body)),
  );
  api.get(
    '/api/payroll/months/:month',
    { config: manage, schema: { tags, summary: 'Lönemånadens rader, spärrade rader och exporter', params: monthParams, querystring: monthQuery, response: { 200: monthOut, ...errors } } },
    async (req) => getMonth(contextOf(req, deps), req.params.month, req.query.page),
  );
  api.post(
    '/api/payroll/months/:month/lock',
    { config: manage, schema: { tags, summary: 'Lås lönemånaden (raderna fryses)', params: monthParams, body: lockMonthBody, response: { 200: stateOut, ...errors } } },
    async (req) => lockMonth(contextOf(req, deps), req.params.month, req.body),
  );
  for (const format of ['csv', 'xlsx'] as const satisfies readonly ExportFormat[]) {
    api.get(
      `/api/payroll/months/:month/export.${format}`,
      { config: manage, schema: { tags, summary: `Lönefilen för en låst månad (${format === 'csv' ? 'CSV för Excel' : 'Excel .xlsx'})`, params: monthParams, produces: [format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] } },
      async (req, reply) => {
        const f = await exportMonth(contextOf(req, deps), req.params.month, format);
        return reply.type(f.contentType).header('content-disposition', `attachment; filename="${f.fileName}"`).header('x-content-sha256', f.sha256).send(f.bytes);
      },
    );
  }
  api.get('/api/payroll/settings', { config: manage, schema: { tags, summary: 'Löneinställningar: lönearter, kostnadsställen, spärrar', response: { 200: payrollSettingsOut, ...errors } } }, async (req) =>
    getPayrollSettings(contextOf(req, deps)),
  );
  api.put('/api/payroll/settings', { config: manage, schema: { tags, summary: 'Ändra löneinställningarna', body: payrollSettingsBody, response: { 200: payrollSettingsOut, ...errors } } }, async (req) =>
    savePayrollSettings(contextOf(req, deps), req.body),
  );

  api.get('/api/payroll/changes', { config: control, schema: { tags: ctl, summary: 'Ändringar av betalningsuppgifter att granska', querystring: changesQuery, response: { 200: changeListOut, ...errors } } }, async (req) =>
    listPaymentChanges(contextOf(req, deps), req.query),
  );
  api.post(
    '/api/payroll/changes/:id/review',
    { config: control, schema: { tags: ctl, summary: 'Markera en ändring som granskad', params: changeIdParams, body: reviewBody, response: { 200: z.object({ id: z.string(), reviewedAt: z.string() }), ...errors } } },
    async (req) => reviewPaymentChange(contextOf(req, deps), req.params.id, req.body),
  );
}
