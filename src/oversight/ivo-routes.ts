// HTTP for the IVO report of unexecuted decisions (issue 13 item 1). validate → authorise (config.access) → use case.
import { contextOf, type Api, type AppDeps } from '../platform/http/route-kit';
import { errorResponse } from '../platform/validation';
import { exportIvoQuarter, exportIvoStatistics, type IvoFileFormat, type StatisticsFormat } from './ivo-export';
import { getIvoQuarter } from './ivo-quarter';
import { submitIvoReport, updateIvoReport } from './ivo-report';
import { ivoQuarterOut, ivoQuarterParams, ivoQuarterQuery, ivoReportBody, ivoReportOut, ivoReportParams, ivoSubmitBody } from './ivo-schema';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const tags = ['IVO-rapport'];
const MIME: Record<IvoFileFormat, string> = { csv: 'text/csv', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pdf: 'application/pdf' };

export function registerIvoRoutes(api: Api, deps: AppDeps) {
  const read = { access: { permission: 'ivo:read' as const } };
  api.get(
    '/api/ivo/quarters/:quarter',
    { config: read, schema: { tags, summary: 'Kvartalets rapporter om ej verkställda beslut för enheten', params: ivoQuarterParams, querystring: ivoQuarterQuery, response: { 200: ivoQuarterOut, ...errors } } },
    async (req) => getIvoQuarter(contextOf(req, deps), req.params.quarter, req.query.unitId),
  );
  api.put(
    '/api/ivo/reports/:id',
    { config: { access: { permission: 'ivo:write' as const } }, schema: { tags, summary: 'Skriv konsekvenserna för den enskilde', params: ivoReportParams, body: ivoReportBody, response: { 200: ivoReportOut, ...errors } } },
    async (req) => updateIvoReport(contextOf(req, deps), req.params.id, req.body),
  );
  api.post(
    '/api/ivo/reports/:id/submit',
    { config: { access: { permission: 'ivo:submit' as const } }, schema: { tags, summary: 'Markera rapporten som inrapporterad till IVO', params: ivoReportParams, body: ivoSubmitBody, response: { 200: ivoReportOut, ...errors } } },
    async (req) => submitIvoReport(contextOf(req, deps), req.params.id, req.body),
  );
  for (const format of ['csv', 'xlsx', 'pdf'] as const) {
    api.get(
      `/api/ivo/quarters/:quarter/export.${format}`,
      { config: read, schema: { tags, summary: `Kvartalets rapporter som ${format}`, params: ivoQuarterParams, querystring: ivoQuarterQuery, produces: [MIME[format]] } },
      async (req, reply) => {
        const f = await exportIvoQuarter(contextOf(req, deps), req.params.quarter, format, req.query.unitId);
        return reply.type(f.contentType).header('content-disposition', `attachment; filename="${f.fileName}"`).header('x-content-sha256', f.sha256).send(f.bytes);
      },
    );
  }
  for (const format of ['csv', 'pdf'] as const satisfies readonly StatisticsFormat[]) {
    api.get(
      `/api/ivo/quarters/:quarter/statistics.${format}`,
      { config: read, schema: { tags, summary: `Statistikrapport till nämnden (${format})`, params: ivoQuarterParams, querystring: ivoQuarterQuery, produces: [MIME[format]] } },
      async (req, reply) => {
        const f = await exportIvoStatistics(contextOf(req, deps), req.params.quarter, format, req.query.unitId);
        return reply.type(f.contentType).header('content-disposition', `attachment; filename="${f.fileName}"`).header('x-content-sha256', f.sha256).send(f.bytes);
      },
    );
  }
}
