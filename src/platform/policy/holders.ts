// Who "holds" a person: the records (today intake's cases) that tie a person to a unit and a responsible
// user. The skyddad identitet rule (`protectedContactBasis`) needs them, and the people area must not ask
// a later stage for them: each area contributes its query through the areas list (src/areas.ts), and the
// platform installs them at start (`installAreas`).
import type { Queryable } from '../db/connect';

/** One record that holds the person: a unit and a responsible user (the case scope), and the case it is. */
export interface PersonHolding {
  caseId: string;
  unitId: string;
  responsibleUserId: string;
}

export type PersonHoldersQuery = (q: Queryable, personId: string) => Promise<PersonHolding[]>;

let queries: readonly PersonHoldersQuery[] = [];

/** Replace the contributed queries (idempotent: the app and the demo seed install the same list). */
export function registerPersonHolders(list: readonly PersonHoldersQuery[]): void {
  queries = [...list];
}

/** Every holding of the person, from every contributing area, in the caller's transaction. */
export async function personHolders(q: Queryable, personId: string): Promise<PersonHolding[]> {
  const all: PersonHolding[] = [];
  // One after another: the caller's transaction is one connection.
  for (const query of queries) all.push(...(await query(q, personId)));
  return all;
}
