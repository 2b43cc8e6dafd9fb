import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { contextOf, type AppDeps } from '../platform/http/app';
import { errorResponse } from '../platform/validation';
import { auditListOut, auditSearchBody } from './schema';
import { searchAuditLog } from './search-audit-log';

export function registerOversightRoutes(api: FastifyInstance, deps: AppDeps) {
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
    async (req) => searchAuditLog(contextOf(req, deps), req.body as z.output<typeof auditSearchBody>),
  );
}
