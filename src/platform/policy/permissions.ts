// Who may do what: one table of role → permission → scope. Pure; the UI gets the same list
// from /api/auth/me. Documented in docs/permissions.md (a test keeps the two in step).
import type { Role } from '../rules';

export const PERMISSIONS = [
  'person:read',
  'person:write',
  'case:read',
  'case:write',
  'case:assign',
  'audit:read',
  'staff:read',
  'admin:units',
  'admin:users',
  'admin:legal-bases',
  'admin:settings',
  'investigation:write',
  'decision:make',
  'decision:approve',
  'order:send',
  'order:read',
  'order:confirm',
  'contact-person:read',
  'contact-person:write',
  'contact-person:payment',
  'assignment:read',
  'assignment:write',
  'payroll:read',
  'admin:rates',
  'cp-meeting:read',
  'cp-meeting:write',
  'payroll:manage',
  'payroll:control',
  'portal:read',
  'report:write',
  'report:read',
  'report:approve',
  'ivo:read',
  'ivo:write',
  'ivo:submit',
  'person:merge',
  'disposal:run',
  'audit:review',
  'gdpr:extract',
  'dashboard:read',
  'statistics:lss',
  'import:run',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * own: cases where the actor is responsible (for a kontaktperson: the assignments and reports that are their own);
 * unit: the actor's unit; all: the whole municipality.
 */
export type Scope = 'own' | 'unit' | 'all';

export const GRANTS: Record<Role, Partial<Record<Permission, Scope>>> = {
  handlaggare: {
    'person:read': 'all',
    'person:write': 'all',
    'case:read': 'unit',
    'case:write': 'unit',
    'investigation:write': 'unit',
    'decision:make': 'unit',
    'order:send': 'unit',
    // The IVO report of the unit's unexecuted decisions (issue 13 item 1): read it, write the consequences.
    'ivo:read': 'unit',
    'ivo:write': 'unit',
    // The unit's key figures and overdue list (issue 13): "for the enhetschef and the unit's staff".
    'dashboard:read': 'unit',
  },
  // Execution needs the person's name and (unless protected) contact, and the order; never the investigation.
  // Orders are scoped by the provider unit they were sent to. Recruitment and the register are theirs.
  kontaktsekreterare: {
    'person:read': 'all',
    'order:read': 'unit',
    'order:confirm': 'unit',
    'contact-person:read': 'all',
    'contact-person:write': 'all',
    // Waiting list, matching, offers, agreements, execution, genomförandeplan: the orders of their unit.
    'assignment:read': 'unit',
    'assignment:write': 'unit',
    // The anställningsuppgifter they send to payroll (issue 11 item 5).
    'payroll:read': 'unit',
    // Kontaktpersonsträffar of their unit: schedule, invite, record attendance (issue 12 item 5).
    'cp-meeting:read': 'unit',
    'cp-meeting:write': 'unit',
    // The payroll month (issue 12 item 4): "lön or the coordinator" opens, locks and exports it. The month is the
    // whole municipality's file; who approved a report the month pays may not lock it (segregation of duties).
    'payroll:manage': 'all',
    // The contact persons' monthly reports of their unit's assignments: read, approve or return (issue 12).
    'report:read': 'unit',
    'report:approve': 'unit',
    'dashboard:read': 'unit',
  },
  enhetschef: {
    'person:read': 'all',
    'person:write': 'all',
    'case:read': 'unit',
    'case:write': 'unit',
    'case:assign': 'unit',
    'audit:read': 'unit',
    'staff:read': 'unit',
    'investigation:write': 'unit',
    'decision:make': 'unit',
    'decision:approve': 'unit',
    'order:send': 'unit',
    'order:read': 'unit',
    'assignment:read': 'unit',
    'cp-meeting:read': 'unit',
    // Internal control of payments (issue 12 item 6): changes to payment data of their unit and the municipality-wide ones.
    'payroll:control': 'unit',
    'report:read': 'unit',
    // The IVO report: reviews it, writes consequences, marks each report submitted (issue 13 item 1).
    'ivo:read': 'unit',
    'ivo:write': 'unit',
    'ivo:submit': 'unit',
    // Issue 13 item 7: merge a person registered twice (persons are the municipality's, like person:write).
    'person:merge': 'all',
    // Issue 13 item 6: the retention rules and disposal (gallring) of the municipality's closed case records.
    'disposal:run': 'all',
    // Loggkontroll (issue 13 item 4): sign off the unusual reads of their unit's staff and persons.
    'audit:review': 'unit',
    // Register extract (GDPR art. 15, issue 13 item 5): the municipality answers for all it holds about a person.
    'gdpr:extract': 'all',
    // Oversight (issue 13): the unit's key figures and overdue list; Socialstyrelsen's LSS statistics file.
    'dashboard:read': 'unit',
    'statistics:lss': 'all',
  },
  // Manages users and configuration, never case content.
  administrator: {
    'admin:units': 'all',
    'admin:users': 'all',
    'admin:legal-bases': 'all',
    'admin:settings': 'all',
    'admin:rates': 'all',
    'staff:read': 'all',
    // Import from the old system (issue 14 item 11): a one-time move of the register, done by whoever runs the system.
    'import:run': 'all',
  },
  // Payment data only: the contact persons' bank and tax details, the anställningsuppgifter (and the payroll month).
  lon: { 'contact-person:payment': 'all', 'payroll:read': 'all', 'payroll:manage': 'all', 'payroll:control': 'all' },
  // The auditors' copy of the IVO report (issue 13 item 1): every unit, read only.
  revisor: { 'audit:read': 'all', 'staff:read': 'all', 'ivo:read': 'all' },
  // A contact person in the portal (issue 12): their own assignments (what the meetings need, nothing else of the
  // case) and their own monthly reports. Every staff page and API is closed to them.
  kontaktperson: { 'portal:read': 'own', 'report:write': 'own' },
};

export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  /** A kontaktperson's own contact person (their "own" scope); absent or null for staff. */
  contactPersonId?: string | null;
}

/** Is this contact person's record the actor's own (a kontaktperson's scope 'own' in the portal)? */
export function ownsContactPerson(actor: Actor, contactPersonId: string): boolean {
  return actor.role === 'kontaktperson' && !!actor.contactPersonId && actor.contactPersonId === contactPersonId;
}

export function scopeOf(actor: Actor, permission: Permission): Scope | null {
  return GRANTS[actor.role]?.[permission] ?? null;
}

export function can(actor: Actor, permission: Permission): boolean {
  return scopeOf(actor, permission) !== null;
}

export function permissionsOf(role: Role): Permission[] {
  return PERMISSIONS.filter((p) => GRANTS[role]?.[p]);
}

/** Does `scope` cover a record owned by (unitId, responsibleUserId)? */
export function scopeCovers(actor: Actor, scope: Scope | null, record: { unitId: string | null; responsibleUserId?: string | null }): boolean {
  switch (scope) {
    case 'all':
      return true;
    case 'unit':
      return actor.unitId !== null && record.unitId === actor.unitId;
    case 'own':
      return record.responsibleUserId === actor.id;
    default:
      return false;
  }
}

/** May the actor use `permission` on this case? The list queries use the matching SQL in scope.ts. */
export function canOnCase(actor: Actor, permission: Permission, c: { unitId: string; responsibleUserId: string }): boolean {
  return scopeCovers(actor, scopeOf(actor, permission), c);
}

/**
 * Skyddad identitet: a protected person's address and contact details (and their representatives')
 * need two things: the skyddad identitet permission for a unit (granted per user by the
 * administrator) and a case of the person in that unit that lies in the actor's normal case scope.
 * Registering a person or a case gives neither. Returns the case that opens the details, or null:
 * null means hidden.
 */
export function protectedContactBasis<C extends { unitId: string; responsibleUserId: string }>(
  actor: Actor,
  grantedUnitIds: readonly string[],
  personCases: readonly C[],
): C | null {
  return personCases.find((c) => grantedUnitIds.includes(c.unitId) && canOnCase(actor, 'case:read', c)) ?? null;
}

/**
 * Why the administrator may not grant the skyddad identitet permission for `unitId` to this user,
 * or null when they may. Only roles that read cases can use it, and only in their own unit (the
 * case scope is the unit, so a grant elsewhere would lie dormant and wake up if the user moved).
 */
export function protectedIdentityGrantProblem(user: { role: Role; unitId: string | null; active: boolean }, unitId: string): string | null {
  if (!GRANTS[user.role]?.['case:read']) return 'Rollen läser inga ärenden och kan inte få behörighet till skyddad identitet.';
  if (!user.active) return 'Användaren är inaktiv.';
  if (user.unitId !== unitId) return 'Behörigheten kan bara gälla användarens egen enhet.';
  return null;
}
