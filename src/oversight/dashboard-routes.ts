// HTTP for the dashboard, the overdue list and the LSS statistics file (issue 13 items 2, 3, 8).
import { contextOf, type Api, type AppDeps } from '../platform/http/route-kit';
import { errorResponse } from '../platform/validation';
import { getDashboard } from './get-dashboard';
import { dashboardOut, dashboardQuery } from './dashboard-schema';
import { getOverdue } from './get-overdue';
import { overdueOut } from './overdue-schema';
import { exportLssStatistics } from './lss-statistics-export';
import { lssStatisticsQuery } from './lss-statistics-schema';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

export function registerDashboardRoutes(api: Api, deps: AppDeps) {
  const read = { access: { permission: 'dashboard:read' as const } };
  api.get(
    '/api/oversight/dashboard',
    { config: read, schema: { tags: ['Översikt'], summary: 'Nyckeltal för enheten: väntetider, beställningar, uppdrag, arvoden', querystring: dashboardQuery, response: { 200: dashboardOut, ...errors } } },
    async (req) => getDashboard(contextOf(req, deps), req.query),
  );
  api.get(
    '/api/oversight/overdue',
    { config: read, schema: { tags: ['Översikt'], summary: 'Försenat: allt som passerat eller snart passerar en tidsgräns, med länk dit det åtgärdas', response: { 200: overdueOut, ...errors } } },
    async (req) => getOverdue(contextOf(req, deps)),
  );
  api.get(
    '/api/oversight/lss-statistics.csv',
    {
      config: { access: { permission: 'statistics:lss' as const } },
      schema: { tags: ['Översikt'], summary: 'LSS-statistik till Socialstyrelsen: läget den 1 oktober, en rad per person', querystring: lssStatisticsQuery, produces: ['text/csv'] },
    },
    async (req, reply) => {
      const f = await exportLssStatistics(contextOf(req, deps), req.query);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${f.fileName}"`).send(f.text);
    },
  );
}
