// HTTP of the portal: the contact person's own assignments and monthly reports (portal:read, report:write, scope own),
// and the coordinator's side (report:read, report:approve: the unit's assignments): the approval queue, one report,
// approve or return, the months not reported, the receipts. validate → authorise (config.access) → use case.
import type { FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf, type Api, type AppDeps } from '../platform/http/route-kit';
import { errorResponse } from '../platform/validation';
import { getOwnReport, getStaffReport } from './get-report';
import { getPortalAssignment, getPortalStart } from './get-portal';
import { openReport } from './open-report';
import { getPortalSettings, savePortalSettings } from './portal-settings';
import { cleanFileName, getOwnReceipt, getStaffReceipt, uploadReceipt, type ReceiptFile } from './receipts';
import { listDueReports, reportQueue } from './report-lists';
import { approveReport, returnReport } from './review-report';
import { MAX_RECEIPT_BYTES } from './rules';
import { saveReport } from './save-report';
import {
  approveReportBody,
  assignmentIdParams,
  dueReportsOut,
  openReportBody,
  portalAssignmentOut,
  portalSettingsBody,
  portalSettingsOut,
  portalStartOut,
  receiptParams,
  receiptUploadOut,
  reportIdParams,
  reportOut,
  reportQueueOut,
  returnReportBody,
  saveReportBody,
} from './schema';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const tags = ['Portalen och månadsrapporter'];

/** A receipt as a file: images shown in the browser, a PDF downloaded; sandboxed either way. */
function sendReceipt(reply: FastifyReply, f: ReceiptFile) {
  const ext = f.contentType === 'application/pdf' ? 'pdf' : (f.contentType.split('/')[1] ?? 'bin');
  const disposition = f.contentType === 'application/pdf' ? 'attachment' : 'inline';
  return reply
    .type(f.contentType)
    .header('content-security-policy', "sandbox; default-src 'none'")
    .header('content-disposition', `${disposition}; filename="kvitto.${ext}"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
    .send(f.data);
}

export function registerPortalRoutes(api: Api, deps: AppDeps) {
  const portalRead = { access: { permission: 'portal:read' as const } };
  const reportWrite = { access: { permission: 'report:write' as const } };
  const staffRead = { access: { permission: 'report:read' as const } };
  const approve = { access: { permission: 'report:approve' as const } };
  const reportOk = { 200: reportOut, ...errors };

  // ---- The contact person ----
  api.get('/api/portal/start', { config: portalRead, schema: { tags, summary: 'Portalens startsida: mina uppdrag och påminnelser', response: { 200: portalStartOut, ...errors } } }, async (req) =>
    getPortalStart(contextOf(req, deps)),
  );
  api.get(
    '/api/portal/assignments/:id',
    { config: portalRead, schema: { tags, summary: 'Mitt uppdrag: det jag behöver för träffarna, och mina rapporter', params: assignmentIdParams, response: { 200: portalAssignmentOut, ...errors } } },
    async (req) => getPortalAssignment(contextOf(req, deps), req.params.id),
  );
  api.post(
    '/api/portal/assignments/:id/reports',
    { config: reportWrite, schema: { tags, summary: 'Öppna månadens rapport (ett utkast skapas första gången)', params: assignmentIdParams, body: openReportBody, response: reportOk } },
    async (req) => openReport(contextOf(req, deps), req.params.id, req.body.month),
  );
  api.get('/api/portal/reports/:id', { config: portalRead, schema: { tags, summary: 'Min månadsrapport', params: reportIdParams, response: reportOk } }, async (req) =>
    getOwnReport(contextOf(req, deps), req.params.id),
  );
  api.put(
    '/api/portal/reports/:id',
    { config: reportWrite, schema: { tags, summary: 'Spara månadsrapporten, eller skicka in den', params: reportIdParams, body: saveReportBody, response: reportOk } },
    async (req) => saveReport(contextOf(req, deps), req.params.id, req.body),
  );
  // The receipt is the body itself (application/octet-stream), its name in the X-File-Name header (URI-encoded):
  // a parser for raw bytes only inside this plugin, so every other route still takes JSON only.
  api.register(async (inner) => {
    inner.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX_RECEIPT_BYTES }, (_req, body, done) => done(null, body));
    inner.withTypeProvider<ZodTypeProvider>().post(
      '/api/portal/reports/:id/receipts',
      {
        config: { ...reportWrite, payloadTooLargeMessage: 'Kvittot är för stort. Det får vara högst 10 MB. Ta en ny bild med lägre upplösning eller spara en mindre PDF.' },
        bodyLimit: MAX_RECEIPT_BYTES,
        schema: { tags, summary: 'Ladda upp ett kvitto (JPEG, PNG, HEIC eller PDF, högst 10 MB) som filens innehåll', params: reportIdParams, response: { 201: receiptUploadOut, ...errors, 413: errorResponse } },
      },
      async (req, reply) => {
        const name = cleanFileName(typeof req.headers['x-file-name'] === 'string' ? req.headers['x-file-name'] : undefined);
        return reply.code(201).send(await uploadReceipt(contextOf(req, deps), req.params.id, name, req.body));
      },
    );
  });
  api.get('/api/portal/reports/:id/receipts/:receiptId', { config: portalRead, schema: { tags, summary: 'Mitt kvitto', params: receiptParams } }, async (req, reply) =>
    sendReceipt(reply, await getOwnReceipt(contextOf(req, deps), req.params.id, req.params.receiptId)),
  );

  // ---- The coordinator ----
  api.get('/api/reports/queue', { config: approve, schema: { tags, summary: 'Inskickade månadsrapporter att godkänna', response: { 200: reportQueueOut, ...errors } } }, async (req) =>
    reportQueue(contextOf(req, deps)),
  );
  api.get('/api/reports/due', { config: staffRead, schema: { tags, summary: 'Månadsrapporter som inte har kommit in', response: { 200: dueReportsOut, ...errors } } }, async (req) =>
    listDueReports(contextOf(req, deps)),
  );
  api.get('/api/reports/:id', { config: staffRead, schema: { tags, summary: 'En månadsrapport', params: reportIdParams, response: reportOk } }, async (req) =>
    getStaffReport(contextOf(req, deps), req.params.id),
  );
  api.post(
    '/api/reports/:id/approve',
    { config: approve, schema: { tags, summary: 'Godkänn månadsrapporten', params: reportIdParams, body: approveReportBody, response: reportOk } },
    async (req) => approveReport(contextOf(req, deps), req.params.id, req.body),
  );
  api.post(
    '/api/reports/:id/return',
    { config: approve, schema: { tags, summary: 'Skicka tillbaka månadsrapporten för komplettering', params: reportIdParams, body: returnReportBody, response: reportOk } },
    async (req) => returnReport(contextOf(req, deps), req.params.id, req.body),
  );
  api.get('/api/reports/:id/receipts/:receiptId', { config: staffRead, schema: { tags, summary: 'Ett kvitto i månadsrapporten', params: receiptParams } }, async (req, reply) =>
    sendReceipt(reply, await getStaffReceipt(contextOf(req, deps), req.params.id, req.params.receiptId)),
  );

  // ---- The administrator ----
  const admin = { access: { permission: 'admin:settings' as const } };
  api.get('/api/admin/portal-settings', { config: admin, schema: { tags, summary: 'Inställningar för portalen', response: { 200: portalSettingsOut, ...errors } } }, async (req) =>
    getPortalSettings(contextOf(req, deps)),
  );
  api.put(
    '/api/admin/portal-settings',
    { config: admin, schema: { tags, summary: 'Ändra inställningar för portalen (sista dag för månadsrapporten)', body: portalSettingsBody, response: { 200: portalSettingsOut, ...errors } } },
    async (req) => savePortalSettings(contextOf(req, deps), req.body),
  );
}
