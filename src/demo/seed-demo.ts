// Seeds "Demo kommun" on an empty database: the municipality's staff here, then each area's demo step
// (src/areas.ts) through the same use cases staff use, so the demo data obeys every rule (and the audit
// log shows how it came about).
import { eq } from 'drizzle-orm';
import type { Clock } from '../platform/clock';
import type { Config } from '../platform/config';
import type { Db } from '../platform/db/connect';
import type { UseCaseContext } from '../platform/context';
import { hashPassword } from '../platform/auth/password';
import { municipality, units, users } from '../platform/tables';
import { protectedIdentityGrants } from '../platform/policy/tables';
import { installAreas } from '../platform/areas';
import type { Role } from '../platform/rules';
import { AREAS, type KontaktArea } from '../areas';
import { DEMO_MUNICIPALITY, DEMO_PASSWORD, DEMO_PROTECTED_IDENTITY_GRANTS, DEMO_UNITS, DEMO_USERS } from './demo-data';

export async function seedDemo(db: Db, clock: Clock, config: Config, areas: readonly KontaktArea[] = AREAS): Promise<void> {
  installAreas(areas);
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
  const demo = { db, clock, config, as, password: DEMO_PASSWORD, persons: new Map<string, { id: string }>() };
  for (const area of areas) await area.demo?.(demo);
}
