// What every use case receives: who acts, the database, the clock and the request id for the audit log.
import type { Clock } from './clock';
import type { Config } from './config';
import type { Db } from './db/connect';
import type { Actor } from './policy/permissions';

export interface UseCaseContext {
  db: Db;
  clock: Clock;
  config: Config;
  actor: Actor;
  requestId: string;
}

/** Context before sign-in (login itself). */
export type AnonymousContext = Omit<UseCaseContext, 'actor'> & { actor: null; clientIp: string };
