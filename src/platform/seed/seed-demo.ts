// Seeds "Demo kommun" on an empty database, through the same use cases staff use, so the demo
// data obeys every rule (and the audit log shows how it came about).
import { eq } from 'drizzle-orm';
import type { Clock } from '../clock';
import type { Config } from '../config';
import type { Db } from '../db/connect';
import type { UseCaseContext } from '../context';
import { hashPassword } from '../auth/password';
import { municipality, units, users } from '../tables';
import { protectedIdentityGrants } from '../policy/tables';
import { persons } from '../../people/tables';
import { fictitiousPerson, prng } from '../../people/fictitious';
import { createPerson } from '../../people/create-person';
import { addRepresentative } from '../../people/add-representative';
import { registerRequest } from '../../intake/register-request';
import { acknowledgeRequest } from '../../intake/acknowledge-request';
import { addDays, addWorkingDays } from '../calendar';
import type { Role } from '../policy/roles';
import { DEMO_MUNICIPALITY, DEMO_PASSWORD, DEMO_PROTECTED_IDENTITY_GRANTS, DEMO_UNITS, DEMO_USERS } from './demo-data';

export async function seedDemo(db: Db, clock: Clock, config: Config): Promise<void> {
  const hash = await hashPassword(DEMO_PASSWORD);
  const ids = await db.transaction(async (tx) => {
    await tx.update(municipality).set(DEMO_MUNICIPALITY).where(eq(municipality.id, 1));
    const unitIds: Record<string, string> = {};
    for (const u of DEMO_UNITS) {
      const [row] = await tx.insert(units).values({ name: u.name, route: u.route }).returning();
      unitIds[u.key] = row.id;
    }
    const userIds: Record<string, { id: string; unitId: string | null; role: Role; username: string; displayName: string }> = {};
    for (const u of DEMO_USERS) {
      const unitId = u.unitKey ? unitIds[u.unitKey] : null;
      const [row] = await tx.insert(users).values({ username: u.username, displayName: u.displayName, role: u.role, unitId, passwordHash: hash }).returning();
      userIds[u.username] = { id: row.id, unitId, role: u.role, username: u.username, displayName: u.displayName };
    }
    const admin = DEMO_USERS.find((u) => u.role === 'administrator')!.username;
    for (const username of DEMO_PROTECTED_IDENTITY_GRANTS) {
      const u = userIds[username];
      await tx.insert(protectedIdentityGrants).values({ userId: u.id, unitId: u.unitId!, grantedBy: userIds[admin].id, grantedAt: clock.now() });
    }
    return userIds;
  });
  const as = (username: string): UseCaseContext => ({ db, clock, config, actor: ids[username], requestId: 'seed-demo' });
  const lss = as('handlaggare.lss');
  const sol = as('handlaggare.sol');
  const today = clock.today();
  const rand = prng(2026);
  const person = async (ctx: UseCaseContext, i: number, extra: { protectedIdentity?: boolean; age?: number } = {}) => {
    const f = fictitiousPerson(i * 7919, rand);
    const p = await createPerson(ctx, {
      identityNumber: f.identityNumber,
      isReserveNumber: false,
      firstName: f.firstName,
      lastName: f.lastName,
      protectedIdentity: extra.protectedIdentity ?? false,
      streetAddress: f.streetAddress,
      postalCode: f.postalCode,
      city: f.city,
      phone: f.phone,
      email: null,
    });
    await db.update(persons).set({ fictitious: true }).where(eq(persons.id, p.id));
    return p;
  };

  // LSS: one acknowledged with documentation missing, one waiting too long for acknowledgement,
  // one with skyddad identitet and a god man.
  const p1 = await person(lss, 101);
  const c1 = await registerRequest(lss, { personId: p1.id, route: 'LSS', requester: 'person', requesterName: null, channel: 'letter', receivedDate: addDays(today, -20), description: null });
  await acknowledgeRequest(lss, c1.id, { version: c1.version, acknowledgedDate: addWorkingDays(c1.receivedDate, 1), method: 'letter', personkretsDocumentation: 'missing' });
  const p2 = await person(lss, 202);
  await registerRequest(lss, { personId: p2.id, route: 'LSS', requester: 'guardian', requesterName: 'Vårdnadshavare (demo)', channel: 'phone', receivedDate: addDays(today, -9), description: null });
  // Contact details of a protected person can be changed only with the permission and a case in scope.
  const p3 = await person(lss, 303, { protectedIdentity: true });
  const c3 = await registerRequest(lss, { personId: p3.id, route: 'LSS', requester: 'legal_representative', requesterName: 'God man (demo)', channel: 'e_service', receivedDate: addDays(today, -3), description: null });
  await addRepresentative(lss, p3.id, { kind: 'god_man', name: 'God man (demo)', phone: '070-000 00 01', email: null, address: 'Box 2, 123 45 Demoby' });
  await acknowledgeRequest(lss, c3.id, { version: c3.version, acknowledgedDate: today, method: 'phone', personkretsDocumentation: 'present', personkretsGroup: 1 });
  // SoL: an application and a referral from a relative.
  const p4 = await person(sol, 404);
  await registerRequest(sol, { personId: p4.id, route: 'SOL', requester: 'person', requesterName: null, channel: 'visit', receivedDate: addDays(today, -1), description: null });
  const p5 = await person(sol, 505);
  await registerRequest(sol, { personId: p5.id, route: 'SOL', requester: 'relative', requesterName: 'Dotter (demo)', channel: 'phone', receivedDate: addDays(today, -6), description: 'Dottern berättar att mamman är ensam sedan hösten.' });
  await person(lss, 606);
}
