// Every /api route declares who may call it. A route without a declaration is refused when the
// app is built (and the route-table test lists every route with its access).
import type { Permission } from '../policy/permissions';

export type Access = 'public' | 'authenticated' | { permission: Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** The Swedish message of a 413 on this route (a route with its own bodyLimit, e.g. an upload says its limit). */
    payloadTooLargeMessage?: string;
  }
}

export function describeAccess(a: Access | undefined): string {
  if (!a) return 'UNDECLARED';
  return typeof a === 'string' ? a : a.permission;
}
