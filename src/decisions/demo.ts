// Demo step of decisions: decided cases of each outcome (one waiting for the enhetschef, one appealed, one ending
// soon with a follow-up due), and three cases ready for a decision (two LSS, and SoL from before 1 July 2025).
// Investigations are written straight into the table here: the investigation stage's use cases come with its own
// branch; the integrator may switch these rows to them.
import { eq } from 'drizzle-orm';
import type { DemoContext } from '../platform/areas';
import type { UseCaseContext } from '../platform/context';
import { addDays } from '../platform/calendar';
import { AppError } from '../platform/errors';
import { createPerson } from '../people/create-person';
import { fictitiousPerson, prng } from '../people/fictitious';
import { persons } from '../people/tables';
import { OTHER_SOURCES, type OtherSourceAnswers } from '../investigation/rules';
import { investigations } from '../investigation/tables';
import { acknowledgeRequest } from '../intake/acknowledge-request';
import { registerRequest } from '../intake/register-request';
import { recordAppeal, recordFollowUp, recordSent } from './appeals-and-follow-ups';
import { legalBasesInForce } from './legal-bases';
import { makeDecision, type DecisionInput } from './make-decision';

const allAnswered: OtherSourceAnswers = Object.fromEntries(OTHER_SOURCES.map((s) => [s, { answer: 'no', note: null }]));

/** A fictitious person with a name the demo (and the e2e journeys) can find. */
async function demoPerson(ctx: UseCaseContext, demo: DemoContext, n: number, firstName: string, lastName: string): Promise<string> {
  const f = fictitiousPerson(n * 7919, prng(n));
  const p = await createPerson(ctx, {
    identityNumber: f.identityNumber,
    isReserveNumber: false,
    firstName,
    lastName,
    protectedIdentity: false,
    streetAddress: f.streetAddress,
    postalCode: f.postalCode,
    city: f.city,
    phone: f.phone,
    email: null,
  });
  await demo.db.update(persons).set({ fictitious: true }).where(eq(persons.id, p.id));
  return p.id;
}

/** A case with an application and a completed investigation (all other sources answered, no open warnings). */
async function readyCase(ctx: UseCaseContext, demo: DemoContext, o: { personId: string; route: 'LSS' | 'SOL'; receivedDate: string }): Promise<string> {
  const c = await registerRequest(ctx, { personId: o.personId, route: o.route, requester: 'person', requesterName: null, channel: 'letter', receivedDate: o.receivedDate, description: null });
  await acknowledgeRequest(ctx, c.id, {
    version: c.version,
    acknowledgedDate: addDays(o.receivedDate, 1),
    method: 'phone',
    ...(o.route === 'LSS' ? { personkretsDocumentation: 'present' as const, personkretsGroup: 1 as const } : {}),
  });
  await demo.db.insert(investigations).values({
    caseId: c.id,
    startedDate: addDays(o.receivedDate, 3),
    needInOwnWords: 'Jag vill ha någon att gå på stan och fika med.',
    assessment: 'Behovet av sällskap är varaktigt och tillgodoses inte på annat sätt.',
    otherSources: allAnswered,
    livingSituation: 'own_home',
    // Wishes the matching scores on (interests, times in the free text).
    wishedInterests: ['fika', 'promenader'],
    wishesOther: 'Helst kvällar eller helger.',
    personkretsGroup: o.route === 'LSS' ? 1 : null,
    personkretsDocumentation: o.route === 'LSS' ? 'Läkarintyg' : null,
    personkretsDocumentationDate: o.route === 'LSS' ? addDays(o.receivedDate, 2) : null,
    // A fictitious person may be younger than the SoL age limit: the handläggare's reason is on record.
    warningReasons: o.route === 'SOL' ? { sol_under_age: 'Behovet är stort och personen har avslutat gymnasiet.' } : {},
    completedDate: addDays(o.receivedDate, 10),
    updatedBy: ctx.actor.id,
  });
  return c.id;
}

async function basisId(demo: DemoContext, route: 'LSS' | 'SOL', date: string, code: string): Promise<string> {
  const b = (await legalBasesInForce(demo.db, route, date)).find((x) => x.code === code);
  if (!b) throw new AppError('NOT_FOUND', { message: `demo: legal basis ${code} not in force on ${date}` });
  return b.id;
}

export async function seedDecisionsDemo(demo: DemoContext): Promise<void> {
  const lss = demo.as('handlaggare.lss');
  const sol = demo.as('handlaggare.sol');
  const today = demo.clock.today();
  const granted = (o: Partial<DecisionInput> & Pick<DecisionInput, 'legalBasisId' | 'decisionDate'>): DecisionInput => ({
    outcome: 'granted',
    requested: 'kontaktperson',
    reasons: 'Du behöver sällskap för att komma ut. Ingen annan kan ge dig det i dag.',
    scopeUnit: 'meetings_per_week',
    scopeAmount: 1,
    level: null,
    contactPersonCount: 1,
    startDate: o.decisionDate,
    endDate: null,
    periodReason: null,
    homeCareTariff: false,
    ...o,
  });

  // Bifall (LSS), a year old and ending within the window: listed under "Uppföljning och upphörande".
  {
    const date = addDays(today, -380);
    const caseId = await readyCase(lss, demo, { personId: await demoPerson(lss, demo, 711, 'Maja', 'Ekström'), route: 'LSS', receivedDate: addDays(date, -30) });
    const d = await makeDecision(lss, caseId, granted({ legalBasisId: await basisId(demo, 'LSS', date, 'LSS_9_4'), decisionDate: date, endDate: addDays(today, 30) }));
    await recordSent(lss, d.id, { version: d.version, sentDate: date, notifiedDate: addDays(date, 3) });
  }
  // Avslag (LSS), notified and appealed in time.
  {
    const date = addDays(today, -40);
    const caseId = await readyCase(lss, demo, { personId: await demoPerson(lss, demo, 712, 'Nils', 'Wiklund'), route: 'LSS', receivedDate: addDays(date, -30) });
    const d = await makeDecision(lss, caseId, {
      ...granted({ legalBasisId: await basisId(demo, 'LSS', date, 'LSS_9_4'), decisionDate: date }),
      outcome: 'rejected',
      reasons: 'Du har redan stöd som ger dig sällskap varje vecka.',
    });
    await recordSent(lss, d.id, { version: d.version, sentDate: addDays(date, 1), notifiedDate: addDays(date, 4) });
    await recordAppeal(lss, d.id, { receivedDate: addDays(date, 20), note: null });
  }
  // Delvis bifall (LSS) over the delegation (two meetings a week): waits in the enhetschef's queue.
  {
    const date = addDays(today, -5);
    const caseId = await readyCase(lss, demo, { personId: await demoPerson(lss, demo, 713, 'Ali', 'Haddad'), route: 'LSS', receivedDate: addDays(date, -40) });
    await makeDecision(lss, caseId, {
      ...granted({ legalBasisId: await basisId(demo, 'LSS', date, 'LSS_9_4'), decisionDate: date, scopeAmount: 2, endDate: addDays(date, 365) }),
      outcome: 'partly_granted',
      requested: 'kontaktperson tre gånger i veckan',
      reasons: 'Du behöver sällskap. Två träffar i veckan räcker för det du har berättat.',
    });
  }
  // Bifall (SoL, new law) with home-care tariff, followed up once.
  {
    const date = addDays(today, -200);
    const caseId = await readyCase(sol, demo, { personId: await demoPerson(sol, demo, 714, 'Greta', 'Lundin'), route: 'SOL', receivedDate: addDays(date, -30) });
    const d = await makeDecision(sol, caseId, granted({ legalBasisId: await basisId(demo, 'SOL', date, 'SOL2025_11_1'), decisionDate: date, endDate: addDays(date, 720), homeCareTariff: true }));
    await recordSent(sol, d.id, { version: d.version, sentDate: date, notifiedDate: null });
    await recordFollowUp(sol, d.id, { date: addDays(date, 180), result: 'continue', note: null });
  }
  // Bifall (LSS), two months old: ordered and confirmed by the orders step, then matched and executed by the
  // assignments step, so the execution pages and the payroll notices have a running assignment to show.
  {
    const date = addDays(today, -60);
    const caseId = await readyCase(lss, demo, { personId: await demoPerson(lss, demo, 719, 'Sven', 'Ahlgren'), route: 'LSS', receivedDate: addDays(date, -30) });
    const d = await makeDecision(lss, caseId, granted({ legalBasisId: await basisId(demo, 'LSS', date, 'LSS_9_4'), decisionDate: date, endDate: addDays(date, 365) }));
    await recordSent(lss, d.id, { version: d.version, sentDate: date, notifiedDate: addDays(date, 2) });
  }
  // Avslag (SoL, new law 11 kap. 4 §): appealed only by laglighetsprövning.
  {
    const date = addDays(today, -15);
    const caseId = await readyCase(sol, demo, { personId: await demoPerson(sol, demo, 717, 'Karl', 'Nyberg'), route: 'SOL', receivedDate: addDays(date, -25) });
    const d = await makeDecision(sol, caseId, {
      ...granted({ legalBasisId: await basisId(demo, 'SOL', date, 'SOL2025_11_4'), decisionDate: date }),
      outcome: 'rejected',
      reasons: 'Du har hemtjänst som ger dig sällskap. Det räcker för det du har berättat.',
    });
    await recordSent(sol, d.id, { version: d.version, sentDate: date, notifiedDate: null });
  }
  // Ready for a decision: an LSS case, and a SoL case from before 1 July 2025 (old SoL).
  await readyCase(lss, demo, { personId: await demoPerson(lss, demo, 715, 'Vera', 'Holm'), route: 'LSS', receivedDate: addDays(today, -30) });
  await readyCase(sol, demo, { personId: await demoPerson(sol, demo, 716, 'Olle', 'Sand'), route: 'SOL', receivedDate: '2025-05-05' });
  await readyCase(lss, demo, { personId: await demoPerson(lss, demo, 718, 'Elsa', 'Berg'), route: 'LSS', receivedDate: addDays(today, -20) });
}
