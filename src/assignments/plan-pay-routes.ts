// HTTP for the genomförandeplan (through the decision's order), the anställningsuppgifter to payroll and the contact
// log with contact persons. validate → authorise (config.access) → use case (scope inside: 404 outside it).
import { contextOf, type Api, type AppDeps } from '../platform/http/route-kit';
import { errorResponse } from '../platform/validation';
import { listContacts, recordContactLog } from './contact-log';
import { createPlanPdf, getPlan, getPlanVersion, savePlan } from './implementation-plan';
import { getPayrollNotice, listPayrollNotices, payrollNoticePdfFile, payrollNoticesCsvFile, sendPayrollNotice } from './payroll-notice';
import {
  assignmentIdParams,
  contactEntryOut,
  contactLogBody,
  contactLogOut,
  cpIdParams,
  noticeListQuery,
  orderIdParams,
  payrollNoticeListOut,
  payrollNoticeOut,
  planOut,
  planPageOut,
  planVersionParams,
  savePlanBody,
  sendPayrollNoticeBody,
  sentPayrollNoticeOut,
} from './plan-pay/schema';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };

export function registerPlanAndPayRoutes(api: Api, deps: AppDeps) {
  const read = { access: { permission: 'assignment:read' as const } };
  const write = { access: { permission: 'assignment:write' as const } };
  const payroll = { access: { permission: 'payroll:read' as const } };
  const plan = ['Genomförandeplan'];
  const notices = ['Anställningsuppgifter'];
  const log = ['Kontakter med kontaktpersoner'];

  api.get('/api/orders/:orderId/plan', { config: read, schema: { tags: plan, summary: 'Genomförandeplan för beställningens beslut', params: orderIdParams, response: { 200: planPageOut, ...errors } } }, async (req) =>
    getPlan(contextOf(req, deps), req.params.orderId),
  );
  api.post(
    '/api/orders/:orderId/plan',
    { config: write, schema: { tags: plan, summary: 'Spara genomförandeplanen som en ny version', params: orderIdParams, body: savePlanBody, response: { 201: planPageOut, ...errors } } },
    async (req, reply) => reply.code(201).send(await savePlan(contextOf(req, deps), req.params.orderId, req.body)),
  );
  api.get(
    '/api/orders/:orderId/plan/versions/:planVersion',
    { config: read, schema: { tags: plan, summary: 'En version av genomförandeplanen', params: planVersionParams, response: { 200: planOut, ...errors } } },
    async (req) => getPlanVersion(contextOf(req, deps), req.params.orderId, req.params.planVersion),
  );
  api.get(
    '/api/orders/:orderId/plan/versions/:planVersion/pdf',
    { config: read, schema: { tags: plan, summary: 'Genomförandeplanen (PDF)', params: planVersionParams, produces: ['application/pdf'] } },
    async (req, reply) => {
      const { pdf, fileName } = await createPlanPdf(contextOf(req, deps), req.params.orderId, req.params.planVersion);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).send(pdf);
    },
  );

  api.post(
    '/api/assignments/:id/payroll-notice',
    { config: write, schema: { tags: notices, summary: 'Skicka anställningsuppgifter till lön', params: assignmentIdParams, body: sendPayrollNoticeBody, response: { 200: sentPayrollNoticeOut, ...errors } } },
    async (req) => sendPayrollNotice(contextOf(req, deps), req.params.id, req.body),
  );
  api.get('/api/payroll-notices', { config: payroll, schema: { tags: notices, summary: 'Skickade anställningsuppgifter', querystring: noticeListQuery, response: { 200: payrollNoticeListOut, ...errors } } }, async (req) =>
    listPayrollNotices(contextOf(req, deps), req.query.month),
  );
  api.get(
    '/api/payroll-notices/export.csv',
    { config: payroll, schema: { tags: notices, summary: 'Anställningsuppgifter som CSV (Excel)', querystring: noticeListQuery, produces: ['text/csv'] } },
    async (req, reply) => {
      const { csv, fileName } = await payrollNoticesCsvFile(contextOf(req, deps), req.query.month);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`).send(csv);
    },
  );
  api.get('/api/payroll-notices/:id', { config: payroll, schema: { tags: notices, summary: 'Anställningsuppgifter för ett uppdrag', params: assignmentIdParams, response: { 200: payrollNoticeOut, ...errors } } }, async (req) =>
    getPayrollNotice(contextOf(req, deps), req.params.id),
  );
  api.get(
    '/api/payroll-notices/:id/pdf',
    { config: payroll, schema: { tags: notices, summary: 'Anställningsuppgifter (PDF)', params: assignmentIdParams, produces: ['application/pdf'] } },
    async (req, reply) => {
      const { pdf, fileName } = await payrollNoticePdfFile(contextOf(req, deps), req.params.id);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).send(pdf);
    },
  );

  api.get(
    '/api/contact-persons/:id/contacts',
    { config: { access: { permission: 'contact-person:read' as const } }, schema: { tags: log, summary: 'Kontakter med kontaktpersonen och hens uppdrag', params: cpIdParams, response: { 200: contactLogOut, ...errors } } },
    async (req) => listContacts(contextOf(req, deps), req.params.id),
  );
  api.post(
    '/api/contact-persons/:id/contacts',
    {
      config: { access: { permission: 'contact-person:write' as const } },
      schema: { tags: log, summary: 'Registrera en kontakt med kontaktpersonen', params: cpIdParams, body: contactLogBody, response: { 201: contactEntryOut, ...errors } },
    },
    async (req, reply) => reply.code(201).send(await recordContactLog(contextOf(req, deps), req.params.id, req.body)),
  );
}

