// Who may see protected persons' contact details (skyddad identitet), per unit.
// One row per (user, unit) grant; revoking deletes the row. The audit log keeps the history
// (admin.protected_identity_grant / admin.protected_identity_revoke).
import { index, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { units, users } from '../tables';

export const protectedIdentityGrants = pgTable(
  'protected_identity_grants',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    grantedBy: uuid('granted_by').references(() => users.id),
    grantedAt: timestamp('granted_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.unitId] }), index('protected_identity_grants_unit_idx').on(t.unitId)],
);
