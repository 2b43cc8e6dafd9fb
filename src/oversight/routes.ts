import { contextOf, type Api, type AppDeps } from '../platform/http/route-kit';
import { errorResponse } from '../platform/validation';
import {
  auditExportBody,
  auditListOut,
  auditSearchBody,
  auditUnitsOut,
  massReadSettingsBody,
  massReadSettingsOut,
  registerExtractParams,
  signOffBody,
  signOffOut,
  unusualListOut,
  unusualSearchBody,
} from './schema';
import { searchAuditLog } from './search-audit-log';
import { registerIvoRoutes } from './ivo-routes';
import { registerDisposalRoutes } from './disposal-routes';
import { listAuditUnits } from './audit-units';
import { exportAuditLog } from './audit-export';
import { listUnusualAccess } from './audit-unusual';
import { signOffUnusualAccess } from './audit-sign-off';
import { getMassReadSettings, updateMassReadSettings } from './audit-settings';
import { registerExtractJson, registerExtractPdfFile } from './gdpr-extract';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse };
const tags = ['Loggkontroll'];
import { registerDashboardRoutes } from './dashboard-routes';

export function registerOversightRoutes(api: Api, deps: AppDeps) {
  const read = { access: { permission: 'audit:read' as const } };
  api.post(
    '/api/audit/search',
    { config: read, schema: { tags, summary: 'Sök i loggen på person, användare, enhet och period', body: auditSearchBody, response: { 200: auditListOut, ...errors } } },
    async (req) => searchAuditLog(contextOf(req, deps), req.body),
  );
  registerIvoRoutes(api, deps);
  registerDisposalRoutes(api, deps);
  api.get(
    '/api/audit/units',
    { config: read, schema: { tags, summary: 'Enheter att söka i loggen på', response: { 200: auditUnitsOut, 401: errorResponse, 403: errorResponse } } },
    async (req) => listAuditUnits(contextOf(req, deps)),
  );
  // POST: the filter may hold a personnummer, which never goes in a URL.
  api.post(
    '/api/audit/export.csv',
    { config: read, schema: { tags, summary: 'Loggposterna som sökningen hittar, som CSV-fil', body: auditExportBody, produces: ['text/csv'] } },
    async (req, reply) => {
      const { csv, fileName } = await exportAuditLog(contextOf(req, deps), req.body);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`).send(csv);
    },
  );
  api.post(
    '/api/audit/unusual',
    { config: read, schema: { tags, summary: 'Avvikande läsningar under en period', body: unusualSearchBody, response: { 200: unusualListOut, ...errors } } },
    async (req) => listUnusualAccess(contextOf(req, deps), req.body),
  );
  api.post(
    '/api/audit/unusual/sign-off',
    {
      config: { access: { permission: 'audit:review' as const } },
      schema: { tags, summary: 'Markera en avvikande läsning som granskad', body: signOffBody, response: { 201: signOffOut, 404: errorResponse, 409: errorResponse, ...errors } },
    },
    async (req, reply) => reply.code(201).send(await signOffUnusualAccess(contextOf(req, deps), req.body)),
  );
  api.get(
    '/api/audit/mass-read-settings',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Gränsen för många läsningar på kort tid', response: { 200: massReadSettingsOut, 401: errorResponse } } },
    async (req) => getMassReadSettings(contextOf(req, deps)),
  );
  api.put(
    '/api/admin/mass-read-settings',
    {
      config: { access: { permission: 'admin:settings' as const } },
      schema: { tags, summary: 'Ändra gränsen för många läsningar på kort tid', body: massReadSettingsBody, response: { 200: massReadSettingsOut, 409: errorResponse, ...errors } },
    },
    async (req) => updateMassReadSettings(contextOf(req, deps), req.body),
  );
  const extract = { access: { permission: 'gdpr:extract' as const } };
  api.get(
    '/api/persons/:id/register-extract.json',
    { config: extract, schema: { tags: ['Registerutdrag'], summary: 'Registerutdrag (GDPR art. 15) som JSON-fil', params: registerExtractParams, produces: ['application/json'] } },
    async (req, reply) => {
      const { json, fileName } = await registerExtractJson(contextOf(req, deps), req.params.id);
      return reply.type('application/json; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`).send(json);
    },
  );
  api.get(
    '/api/persons/:id/register-extract.pdf',
    { config: extract, schema: { tags: ['Registerutdrag'], summary: 'Registerutdrag (GDPR art. 15) som PDF för personen', params: registerExtractParams, produces: ['application/pdf'] } },
    async (req, reply) => {
      const { pdf, fileName } = await registerExtractPdfFile(contextOf(req, deps), req.params.id);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).send(pdf);
    },
  );
  registerDashboardRoutes(api, deps);
}
