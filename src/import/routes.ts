// HTTP of the import from the old system (administrator: import:run). The file is the body itself
// (application/octet-stream, at most MAX_IMPORT_BYTES), its name in X-File-Name (URI-encoded), and an optional
// X-Import-Token (a uuid the page chose) under which the page polls the progress. validate → authorise → use case.
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf, fileBody, type Api, type AppDeps } from '../platform/http/route-kit';
import { errorResponse } from '../platform/validation';
import { cleanFileName } from '../portal/receipts';
import { checkImport } from './check-import';
import { commitImport } from './commit-import';
import { getImport, importProgress, listImports } from './read-imports';
import { MAX_IMPORT_BYTES } from './rules';
import { importJobListOut, importJobOut, importJobParams, importKindQuery, importProgressOut, progressParams } from './schema';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const TOKEN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The file is the body itself: anything else (a JSON body) is the Swedish 400 of a file that could not be read, never a 500. */
function tokenOf(h: unknown): string | undefined {
  return typeof h === 'string' && TOKEN.test(h) ? h : undefined;
}

export function registerImportRoutes(api: Api, deps: AppDeps) {
  const run = { access: { permission: 'import:run' as const } };
  const tags = ['Import från det gamla systemet'];
  const tooLarge = `Filen är för stor. Den får vara högst ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Dela upp den i flera filer.`;

  api.get('/api/import/jobs', { config: run, schema: { tags, summary: 'Gjorda provkörningar och importer', response: { 200: importJobListOut, ...errors } } }, async (req) =>
    listImports(contextOf(req, deps)),
  );
  api.get('/api/import/jobs/:id', { config: run, schema: { tags, summary: 'En provkörning eller import', params: importJobParams, response: { 200: importJobOut, ...errors } } }, async (req) =>
    getImport(contextOf(req, deps), req.params.id),
  );
  api.get('/api/import/progress/:token', { config: run, schema: { tags, summary: 'Hur långt en pågående provkörning eller import har kommit', params: progressParams, response: { 200: importProgressOut, ...errors } } }, async (req) =>
    importProgress(contextOf(req, deps), req.params.token),
  );
  api.register(async (inner) => {
    inner.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_req, body, done) => done(null, body));
    const r = inner.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/api/import/check',
      {
        config: { ...run, payloadTooLargeMessage: tooLarge },
        bodyLimit: MAX_IMPORT_BYTES,
        schema: { tags, summary: 'Provkör en CSV-fil: varje rads fel, inget sparas', querystring: importKindQuery, response: { 201: importJobOut, ...errors, 413: errorResponse } },
      },
      async (req, reply) => {
        const fileName = cleanFileName(typeof req.headers['x-file-name'] === 'string' ? req.headers['x-file-name'] : undefined);
        const job = await checkImport(contextOf(req, deps), { kind: req.query.kind, fileName, bytes: fileBody(req.body), token: tokenOf(req.headers['x-import-token']) });
        return reply.code(201).send(job);
      },
    );
    r.post(
      '/api/import/jobs/:id/commit',
      {
        config: { ...run, payloadTooLargeMessage: tooLarge },
        bodyLimit: MAX_IMPORT_BYTES,
        schema: { tags, summary: 'Importera samma fil som provkördes utan fel (allt eller inget)', params: importJobParams, response: { 200: importJobOut, ...errors, 413: errorResponse } },
      },
      async (req) => commitImport(contextOf(req, deps), { jobId: req.params.id, bytes: fileBody(req.body), token: tokenOf(req.headers['x-import-token']) }),
    );
  });
}
