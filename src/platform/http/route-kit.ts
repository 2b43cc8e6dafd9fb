// What an area's routes.ts needs from the platform: the app's dependencies, the typed route registrar
// (zod type provider: req.body, req.params and req.query are the schemas' output types) and the use-case
// context of a request. Areas import this; the platform imports no area.
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Clock } from '../clock';
import type { Config } from '../config';
import type { Db } from '../db/connect';
import type { UseCaseContext } from '../context';
import { AppError } from '../errors';

export interface AppDeps {
  db: Db;
  config: Config;
  clock: Clock;
  /** pino options or a logger destination for tests. */
  logger?: boolean | Record<string, unknown>;
}

/** The Fastify instance routes are declared on: validated and typed by the zod schemas of each route. */
export type Api = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** An area's routes: `registerXRoutes(api, deps)`. */
export type RouteRegistrar = (api: Api, deps: AppDeps) => void;

/** The use-case context for an authenticated request. */
export function contextOf(req: Pick<FastifyRequest, 'actor' | 'id'>, deps: AppDeps): UseCaseContext {
  if (!req.actor) throw new AppError('UNAUTHENTICATED');
  const { unitName: _u, ...actor } = req.actor;
  return { db: deps.db, clock: deps.clock, config: deps.config, actor, requestId: req.id };
}

/** The raw file of an upload route (application/octet-stream); a JSON or other parsed body is refused with 415. */
export function fileBody(body: unknown): Buffer {
  if (!Buffer.isBuffer(body)) throw new AppError('FILE_EXPECTED');
  return body;
}
