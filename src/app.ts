// Kontakt's HTTP app: the platform's app given every area (src/areas.ts) and the demo logins.
import type { FastifyInstance } from 'fastify';
import { buildApp } from './platform/http/app';
import type { AppDeps } from './platform/http/route-kit';
import { AREAS } from './areas';
import { DEMO_ACCOUNTS } from './demo/demo-data';

export function buildKontaktApp(deps: AppDeps): Promise<FastifyInstance> {
  return buildApp({ ...deps, areas: AREAS, demoAccounts: DEMO_ACCOUNTS });
}
