// The abilities the presenter sends (the "can" flags the page shows actions by) are computed by the same rules the
// use cases check: for generated cases and actors, an ability is true exactly when the use case accepts the action.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildStaff, contextFor, personBody, setupHarness, type Harness, type TestUser } from '../../test/support/harness';
import { persons } from '../people/tables';
import { acknowledgeRequest } from './acknowledge-request';
import { assignCase } from './assign-case';
import { createAcknowledgementLetter } from './create-acknowledgement-letter';
import { getCase } from './get-case';
import { recordApplication } from './record-application';
import { recordDocumentationReceived } from './record-documentation-received';
import type { CaseOut } from './schema';
import { cases } from './tables';

const TODAY = '2026-03-16';
let h: Harness;
let staff: Awaited<ReturnType<typeof buildStaff>>;
let personId: string;
let seq = 0;

beforeAll(async () => {
  h = await setupHarness({ now: `${TODAY}T10:00:00+01:00` });
  staff = await buildStaff(h);
  const [p] = await h.db.insert(persons).values({ ...personBody(7), idKind: 'personnummer' }).returning();
  personId = p.id;
});
afterAll(() => h.close());

/** A case in any state intake can leave it in. */
const intakeState = fc
  .record({
    route: fc.constantFrom('LSS' as const, 'SOL' as const),
    applied: fc.constantFrom('at once', 'later', 'not yet'),
    acknowledged: fc.boolean(),
    documentation: fc.constantFrom('present' as const, 'missing' as const),
    documentationArrived: fc.boolean(),
  })
  .map((s) => {
    const applicationDate = s.applied === 'at once' ? '2026-03-02' : s.applied === 'later' ? '2026-03-05' : null;
    const acknowledgedDate = applicationDate && s.acknowledged ? '2026-03-09' : null;
    const lssAck = acknowledgedDate !== null && s.route === 'LSS';
    return {
      route: s.route,
      receivedDate: '2026-03-02',
      applicationDate,
      acknowledgedDate,
      acknowledgementMethod: acknowledgedDate ? ('phone' as const) : null,
      personkretsDocumentation: lssAck ? s.documentation : null,
      documentationReceivedDate: lssAck && s.documentation === 'missing' && s.documentationArrived ? '2026-03-12' : null,
    };
  });
type State = typeof intakeState extends fc.Arbitrary<infer T> ? T : never;

async function insertCase(s: State) {
  const [row] = await h.db
    .insert(cases)
    .values({
      caseNumber: `ABL-${++seq}`,
      personId,
      unitId: staff.lss.id,
      responsibleUserId: staff.hl.id,
      requester: s.applicationDate ? 'person' : 'relative',
      requesterName: s.applicationDate ? null : 'Anhörig',
      channel: 'phone',
      ...s,
    })
    .returning();
  return row.id;
}

const actors = () => fc.constantFrom<TestUser>(staff.hl, staff.hl2, staff.ec, staff.hs, staff.ks);

async function accepted(run: () => Promise<unknown>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (e) {
    if (e instanceof Error && 'code' in e) return false;
    throw e;
  }
}

async function shown(actor: TestUser, id: string): Promise<CaseOut | null> {
  return getCase(contextFor(h, actor), id).catch(() => null);
}

describe('the case’s abilities match the use cases', () => {
  it('for every intake state and actor: can… is true exactly when the action is accepted', async () => {
    await fc.assert(
      fc.asyncProperty(intakeState, actors(), async (s, actor) => {
        const ctx = contextFor(h, actor);
        const version = 1;
        const a = (await shown(actor, await insertCase(s)))?.abilities;
        const actions = {
          canAcknowledge: (id: string) =>
            acknowledgeRequest(ctx, id, { version, acknowledgedDate: TODAY, method: 'phone', personkretsDocumentation: s.route === 'LSS' ? 'present' : null }),
          canRecordApplication: (id: string) => recordApplication(ctx, id, { version, applicationDate: TODAY }),
          canRecordDocumentation: (id: string) => recordDocumentationReceived(ctx, id, { version, receivedDate: TODAY }),
          canAssign: (id: string) => assignCase(ctx, id, { version, responsibleUserId: staff.hl2.id }),
        };
        for (const [ability, act] of Object.entries(actions) as [keyof typeof actions, (id: string) => Promise<unknown>][]) {
          const id = await insertCase(s);
          expect(await accepted(() => act(id)), `${ability} for ${actor.username} on ${JSON.stringify(s)}`).toBe(a?.[ability] ?? false);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('offers the letter exactly when it can be made', async () => {
    await fc.assert(
      fc.asyncProperty(intakeState, async (s) => {
        const id = await insertCase(s);
        const a = (await shown(staff.hl, id))!.abilities;
        expect(await accepted(() => createAcknowledgementLetter(contextFor(h, staff.hl), id))).toBe(a.canDownloadLetter);
      }),
      { numRuns: 8 },
    );
  });
});
