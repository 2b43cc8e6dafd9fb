// HTTP for the administrator (units, users, legal bases, municipality) and the staff picker.
import { z } from 'zod';
import { contextOf, type Api, type AppDeps } from '../platform/http/route-kit';
import { errorResponse } from '../platform/validation';
import { ROLES } from '../platform/rules';
import { createLegalBasis, listLegalBases, updateLegalBasis } from '../decisions/legal-bases';
import { legalBasisBody, legalBasisOut, legalBasisUpdateBody } from '../decisions/schema';
import { readMunicipalitySettings, updateMunicipalitySettings } from './municipality-settings';
import { createUnit, listUnits, updateUnit } from './units';
import { createUser, listStaff, listUsers, presentById, unlockUser, updateUser } from './users';
import { grantProtectedIdentity, revokeProtectedIdentity } from './protected-identity-grants';
import {
  idParams,
  municipalityBody,
  municipalityOut,
  protectedIdentityGrantParams,
  unitBody,
  unitOut,
  unitUpdateBody,
  userCreateBody,
  userOut,
  userUpdateBody,
} from './schema';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const tags = ['Administration'];
const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export function registerAdminRoutes(api: Api, deps: AppDeps) {
  const ctx = (req: Parameters<typeof contextOf>[0]) => contextOf(req, deps);
  const units = { access: { permission: 'admin:units' as const } };
  const users = { access: { permission: 'admin:users' as const } };
  const bases = { access: { permission: 'admin:legal-bases' as const } };
  const settings = { access: { permission: 'admin:settings' as const } };

  api.get('/api/admin/units', { config: units, schema: { tags, summary: 'Enheter', response: { 200: list(unitOut), ...errors } } }, async (req) => listUnits(ctx(req)));
  api.post('/api/admin/units', { config: units, schema: { tags, summary: 'Skapa enhet', body: unitBody, response: { 201: unitOut, ...errors } } }, async (req, reply) =>
    reply.code(201).send(await createUnit(ctx(req), req.body)),
  );
  api.patch(
    '/api/admin/units/:id',
    { config: units, schema: { tags, summary: 'Ändra enhet', params: idParams, body: unitUpdateBody, response: { 200: unitOut, ...errors } } },
    async (req) => updateUnit(ctx(req), req.params.id, req.body),
  );

  api.get('/api/admin/users', { config: users, schema: { tags, summary: 'Användare', response: { 200: list(userOut), ...errors } } }, async (req) => listUsers(ctx(req)));
  api.post('/api/admin/users', { config: users, schema: { tags, summary: 'Skapa användare', body: userCreateBody, response: { 201: userOut, ...errors } } }, async (req, reply) =>
    reply.code(201).send(await createUser(ctx(req), req.body)),
  );
  api.patch(
    '/api/admin/users/:id',
    { config: users, schema: { tags, summary: 'Ändra användare', params: idParams, body: userUpdateBody, response: { 200: userOut, ...errors } } },
    async (req) => updateUser(ctx(req), req.params.id, req.body),
  );
  api.post(
    '/api/admin/users/:id/unlock',
    { config: users, schema: { tags, summary: 'Lås upp inloggningen efter misslyckade försök', params: idParams, response: { 200: userOut, ...errors } } },
    async (req) => unlockUser(ctx(req), req.params.id),
  );
  api.put(
    '/api/admin/users/:id/protected-identity/:unitId',
    {
      config: users,
      schema: { tags, summary: 'Ge behörighet till skyddad identitet i en enhet', params: protectedIdentityGrantParams, response: { 200: userOut, ...errors } },
    },
    async (req) => grantProtectedIdentity(ctx(req), req.params.id, req.params.unitId, (db, id) => presentById(db, id, deps.clock.now())),
  );
  api.delete(
    '/api/admin/users/:id/protected-identity/:unitId',
    {
      config: users,
      schema: { tags, summary: 'Ta bort behörighet till skyddad identitet i en enhet', params: protectedIdentityGrantParams, response: { 200: userOut, ...errors } },
    },
    async (req) => revokeProtectedIdentity(ctx(req), req.params.id, req.params.unitId, (db, id) => presentById(db, id, deps.clock.now())),
  );

  api.get('/api/admin/legal-bases', { config: bases, schema: { tags, summary: 'Rättsliga grunder', response: { 200: list(legalBasisOut), ...errors } } }, async (req) =>
    listLegalBases(ctx(req)),
  );
  api.post(
    '/api/admin/legal-bases',
    { config: bases, schema: { tags, summary: 'Lägg till rättslig grund', body: legalBasisBody, response: { 201: legalBasisOut, ...errors } } },
    async (req, reply) => reply.code(201).send(await createLegalBasis(ctx(req), req.body)),
  );
  api.patch(
    '/api/admin/legal-bases/:id',
    { config: bases, schema: { tags, summary: 'Ändra rättslig grund', params: idParams, body: legalBasisUpdateBody, response: { 200: legalBasisOut, ...errors } } },
    async (req) => updateLegalBasis(ctx(req), req.params.id, req.body),
  );

  api.get('/api/admin/municipality', { config: settings, schema: { tags, summary: 'Kommunens inställningar', response: { 200: municipalityOut, ...errors } } }, async (req) =>
    readMunicipalitySettings(ctx(req)),
  );
  api.put(
    '/api/admin/municipality',
    { config: settings, schema: { tags, summary: 'Ändra kommunens inställningar', body: municipalityBody, response: { 200: municipalityOut, ...errors } } },
    async (req) => updateMunicipalitySettings(ctx(req), req.body),
  );

  api.get(
    '/api/staff',
    {
      config: { access: { permission: 'staff:read' as const } },
      schema: {
        tags: ['Personal'],
        summary: 'Personal att välja bland',
        querystring: z.object({ role: z.enum(ROLES).optional() }),
        response: { 200: list(z.object({ id: z.string(), displayName: z.string(), role: z.enum(ROLES), unitName: z.string().nullable() })), ...errors },
      },
    },
    async (req) => listStaff(ctx(req), req.query.role),
  );
}
