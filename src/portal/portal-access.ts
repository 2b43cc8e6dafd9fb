// Who may open what. A kontaktperson opens only their own (scope 'own': the assignment's or the report's contact
// person is theirs); anything else answers 404 as if it did not exist, and the attempt is audited ('portal.denied'),
// written before any transaction so that the refusal is logged although nothing else is. Staff read the reports
// of their unit's assignments (report:read, report:approve: the assignment's provider unit).
import { eq } from 'drizzle-orm';
import type { UseCaseContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { recordAudit } from '../platform/audit/record';
import { ownsContactPerson, scopeCovers, scopeOf, type Actor } from '../platform/policy/permissions';
import { assignments } from '../assignments/tables';
import { cpReports } from './tables';

const NOT_FOUND = {
  assignment: 'Uppdraget finns inte, eller så är det inte ditt.',
  report: 'Rapporten finns inte, eller så är den inte din.',
  receipt: 'Kvittot finns inte, eller så är det inte ditt.',
} as const;
type What = keyof typeof NOT_FOUND;
const ENTITY = { assignment: 'assignment', report: 'cp_report', receipt: 'cp_report_receipt' } as const;

/** Log the refused attempt and answer 404. */
export async function denyPortal(ctx: UseCaseContext, what: What, id: string): Promise<never> {
  await recordAudit(ctx.db, ctx, { action: 'portal.denied', entityType: ENTITY[what], entityId: id, details: { what } });
  throw new AppError('NOT_FOUND', { message: NOT_FOUND[what] });
}

/** The kontaktperson's own assignment, or 404 (audited). */
export async function requireOwnAssignment(ctx: UseCaseContext, id: string): Promise<void> {
  const [row] = await ctx.db.select({ cp: assignments.contactPersonId }).from(assignments).where(eq(assignments.id, id));
  if (!row || !ownsContactPerson(ctx.actor, row.cp)) await denyPortal(ctx, 'assignment', id);
}

/** The kontaktperson's own report, or 404 (audited). */
export async function requireOwnReport(ctx: UseCaseContext, id: string): Promise<void> {
  const [row] = await ctx.db.select({ cp: cpReports.contactPersonId }).from(cpReports).where(eq(cpReports.id, id));
  if (!row || !ownsContactPerson(ctx.actor, row.cp)) await denyPortal(ctx, 'report', id);
}

/** May staff use `permission` on a report of an assignment of this provider unit? */
export function staffCovers(actor: Actor, permission: 'report:read' | 'report:approve', providerUnitId: string): boolean {
  return scopeCovers(actor, scopeOf(actor, permission), { unitId: providerUnitId });
}

/** Staff outside the report's unit: it "does not exist" (ADR 003). */
export function reportNotFound(): AppError {
  return new AppError('NOT_FOUND', { message: 'Rapporten finns inte, eller så har du inte behörighet att se den.' });
}
