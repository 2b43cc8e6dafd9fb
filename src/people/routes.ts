// HTTP for persons: validate → authorise (config.access) → use case → present.
import { z } from 'zod';
import { contextOf, type Api, type AppDeps } from '../platform/http/route-kit';
import { errorResponse, versionQuery } from '../platform/validation';
import { addRepresentative } from './add-representative';
import { createPerson } from './create-person';
import { getPerson } from './get-person';
import { removeRepresentative } from './remove-representative';
import { searchPersons } from './search-persons';
import { updatePerson } from './update-person';
import { updateRepresentative } from './update-representative';
import {
  personCreateBody,
  personIdParams,
  personOut,
  personSearchBody,
  personSummaryOut,
  personUpdateBody,
  representativeBody,
  representativeParams,
  representativeUpdateBody,
} from './schema';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const tags = ['Personer'];

export function registerPeopleRoutes(api: Api, deps: AppDeps) {
  const read = { access: { permission: 'person:read' as const } };
  const write = { access: { permission: 'person:write' as const } };

  api.post(
    '/api/persons/search',
    {
      config: read,
      schema: { tags, summary: 'Sök person på namn eller personnummer', body: personSearchBody, response: { 200: z.object({ items: z.array(personSummaryOut) }), ...errors } },
    },
    async (req) => searchPersons(contextOf(req, deps), req.body.query),
  );
  api.post(
    '/api/persons',
    { config: write, schema: { tags, summary: 'Registrera person', body: personCreateBody, response: { 201: personOut, ...errors } } },
    async (req, reply) => reply.code(201).send(await createPerson(contextOf(req, deps), req.body)),
  );
  api.get(
    '/api/persons/:id',
    { config: read, schema: { tags, summary: 'Visa person', params: personIdParams, response: { 200: personOut, ...errors } } },
    async (req) => getPerson(contextOf(req, deps), req.params.id),
  );
  api.patch(
    '/api/persons/:id',
    { config: write, schema: { tags, summary: 'Ändra personuppgifter', params: personIdParams, body: personUpdateBody, response: { 200: personOut, ...errors } } },
    async (req) => updatePerson(contextOf(req, deps), req.params.id, req.body),
  );
  api.post(
    '/api/persons/:id/representatives',
    {
      config: write,
      schema: { tags, summary: 'Lägg till företrädare', params: personIdParams, body: representativeBody, response: { 201: personOut, ...errors } },
    },
    async (req, reply) =>
      reply.code(201).send(await addRepresentative(contextOf(req, deps), req.params.id, req.body)),
  );
  api.patch(
    '/api/persons/:id/representatives/:representativeId',
    {
      config: write,
      schema: { tags, summary: 'Ändra företrädare', params: representativeParams, body: representativeUpdateBody, response: { 200: personOut, ...errors } },
    },
    async (req) => updateRepresentative(contextOf(req, deps), req.params.id, req.params.representativeId, req.body),
  );
  api.delete(
    '/api/persons/:id/representatives/:representativeId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Ta bort företrädare',
        params: representativeParams,
        querystring: z.object({ version: versionQuery }),
        response: { 200: personOut, ...errors },
      },
    },
    async (req) => removeRepresentative(contextOf(req, deps), req.params.id, req.params.representativeId, req.query.version),
  );
}
