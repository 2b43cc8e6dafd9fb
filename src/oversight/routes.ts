import { contextOf, type Api, type AppDeps } from '../platform/http/route-kit';
import { errorResponse } from '../platform/validation';
import { auditListOut, auditSearchBody } from './schema';
import { searchAuditLog } from './search-audit-log';
import { registerDashboardRoutes } from './dashboard-routes';

export function registerOversightRoutes(api: Api, deps: AppDeps) {
  api.post(
    '/api/audit/search',
    {
      config: { access: { permission: 'audit:read' as const } },
      schema: {
        tags: ['Loggkontroll'],
        summary: 'Sök i loggen på person, användare och period',
        body: auditSearchBody,
        response: { 200: auditListOut, 400: errorResponse, 401: errorResponse, 403: errorResponse },
      },
    },
    async (req) => searchAuditLog(contextOf(req, deps), req.body),
  );
  registerDashboardRoutes(api, deps);
}
